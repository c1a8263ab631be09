"""outcomes.yaml: "numbers out of 100" load as data, and every kind of bad entry is
reported with its line and what to do, without hiding the good entries."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from spinetui.check import run_check
from spinetui.model import Outcome, Severity, load_guide
from spinetui.model.outcomes import outcome_blocks
from tests.fixtures.content_builder import COMPARISON, article, build

GOOD = """\
- id: one-relief
  option: one
  kind: benefit
  measure: had at least half of their pain go away
  who: adults with sciatica
  time: 1 month after the shot
  per: 100
  group: a steroid shot
  count: 54
  compared_with: a shot of salt water
  comparison_count: 19
  sources: [src-a]
  note: The gap had closed by 12 months.
- id: one-infection
  option: one
  kind: harm
  measure: had a deep infection of the spine
  who: adults having single shots
  time: within 90 days
  per: 10000
  group: an epidural shot
  count: 1
  sources: [src-a]
"""


def _problems(tmp_path: Path, outcomes: str, **kw) -> list[str]:
    guide = load_guide(build(tmp_path / "c", outcomes=outcomes, **kw))
    return [str(p) for p in guide.problems]


def test_good_outcomes_load_as_data(tmp_path: Path) -> None:
    guide = load_guide(build(tmp_path / "c", outcomes=GOOD))
    assert [str(p) for p in guide.problems] == []
    relief = guide.outcomes["one-relief"]
    assert relief == Outcome(
        id="one-relief",
        option="one",
        kind="benefit",
        measure="had at least half of their pain go away",
        who="adults with sciatica",
        time="1 month after the shot",
        per=100,
        group="a steroid shot",
        count=54,
        sources=("src-a",),
        compared_with="a shot of salt water",
        comparison_count=19,
        note="The gap had closed by 12 months.",
        line=1,
    )
    assert relief.has_comparison
    rare = guide.outcomes["one-infection"]
    assert (rare.per, rare.count, rare.has_comparison) == (10000, 1, False)
    assert list(guide.outcomes) == ["one-relief", "one-infection"]  # file order


def test_no_outcomes_file_is_fine(tmp_path: Path) -> None:
    guide = load_guide(build(tmp_path / "c"))
    assert guide.outcomes == {} and guide.problems == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("count: 54", "count: 154"),
            "outcomes.yaml:9: 'count' is 154, but it counts people out of 100: give a number from 0 to 100",
        ),
        (("count: 54", "count: -1"), "give a number from 0 to 100"),
        (
            ("count: 54", "count: 5.5"),
            "'count' must be a whole number of people, like 54, not '5.5'",
        ),
        (("count: 54", "count: true"), "'count' must be a whole number of people"),
        (("comparison_count: 19", "comparison_count: 101"), "'comparison_count' is 101"),
        (
            ("per: 100\n  group: a steroid", "per: 50\n  group: a steroid"),
            "'per' must be one of 100, 1000, 10000, 100000, 1000000",
        ),
        (("  time: 1 month after the shot\n", ""), "outcome 'one-relief' needs 'time' (some text)"),
        (
            ("  sources: [src-a]\n  note", "  note"),
            "outcome 'one-relief' has no sources; every outcome needs the study it comes from",
        ),
        (
            ("sources: [src-a]\n  note", "sources: [src-b]\n  note"),
            "outcome 'one-relief' cites source 'src-b', which is not in sources.yaml (did you mean 'src-a'?)",
        ),
        (
            ("option: one\n  kind: benefit", "option: onee\n  kind: benefit"),
            "is for option 'onee', which is not a treatment in comparison.yaml (did you mean 'one'?)",
        ),
        (
            ("kind: benefit", "kind: good"),
            "outcome 'one-relief' has kind 'good'; it must be one of benefit, harm, other",
        ),
        (
            ("  comparison_count: 19\n", ""),
            "outcome 'one-relief' needs 'comparison_count' (a whole number of people)",
        ),
        (
            ("  compared_with: a shot of salt water\n", ""),
            "gives 'comparison_count' but not 'compared_with': say who the comparison group were",
        ),
        (
            ("id: one-relief", "id: One Relief"),
            "'id' must be lowercase letters, digits and hyphens",
        ),
    ],
)
def test_bad_outcome_data_is_reported_and_left_out(tmp_path: Path, change, expected) -> None:
    old, new = change
    assert old in GOOD
    problems = _problems(tmp_path, GOOD.replace(old, new, 1))
    assert any(expected in p for p in problems), problems
    guide = load_guide(tmp_path / "c")
    assert "one-relief" not in guide.outcomes  # a broken entry is not drawn...
    assert "one-infection" in guide.outcomes  # ...and the good one still is
    assert all(p.severity is Severity.ERROR for p in guide.problems if expected in str(p))


def test_duplicate_and_odd_entries(tmp_path: Path) -> None:
    twice = GOOD + GOOD.split("- id: one-infection")[0].replace("count: 54", "count: 50")
    problems = _problems(tmp_path, twice + "- just words\n")
    assert any(
        "outcome id 'one-relief' is used twice (first at outcomes.yaml:1)" in p for p in problems
    )
    assert any("each outcome must be a group of fields" in p for p in problems)
    assert load_guide(tmp_path / "c").outcomes["one-relief"].count == 54  # the first is kept


def test_not_a_list_and_bad_yaml(tmp_path: Path) -> None:
    assert any(
        p.startswith("outcomes.yaml:1: must be a list of outcome numbers")
        for p in _problems(tmp_path / "a", "id: x\n")
    )
    assert any(p.startswith("outcomes.yaml:") for p in _problems(tmp_path / "b", "- id: [x\n"))


def test_article_blocks_and_cells_must_name_outcomes_that_exist(tmp_path: Path) -> None:
    body = "# One\n\n```outcome\none-relief\n```\n\nWords.\n\n```outcome\nno-such-thing\n```\n"
    comparison = COMPARISON.replace(
        "      sources: [src-a]\n",
        "      sources: [src-a]\n      outcomes: [one-relief, one-reliefs]\n",
    )
    problems = _problems(
        tmp_path,
        GOOD,
        articles={"one.md": article(body=body)},
        comparison=comparison,
    )
    assert any(
        p.startswith(
            "articles/one.md:20: has an outcome block naming outcome 'no-such-thing', which is not in outcomes.yaml"
        )
        for p in problems
    ), problems
    assert not any("'one-relief'," in p for p in problems)
    assert any(
        "names outcome 'one-reliefs', which is not in outcomes.yaml (did you mean 'one-relief'?)"
        in p
        for p in problems
    ), problems
    cell = load_guide(tmp_path / "c").comparison.cell("cost", "one")
    assert cell.outcomes == ("one-relief", "one-reliefs")


def test_a_block_naming_a_broken_entry_is_reported_once(tmp_path: Path) -> None:
    body = "# One\n\n```outcome\none-relief\n```\n"
    problems = _problems(
        tmp_path, GOOD.replace("count: 54", "count: 999"), articles={"one.md": article(body=body)}
    )
    assert [p for p in problems if "one-relief" in p or "count" in p] == [
        "outcomes.yaml:9: 'count' is 999, but it counts people out of 100: give a number from 0 to 100"
    ]


def test_outcome_blocks_are_found_with_their_lines() -> None:
    body = "text\n\n```outcome\nesi-a\n```\n\n~~~~ outcome\n  esi-b  \n~~~~\n\n```python\nnot-me\n```\n"
    assert outcome_blocks(body) == [("esi-a", 3), ("esi-b", 7)]
    assert outcome_blocks("no blocks here") == []


def test_cells_may_say_no_study_has_measured_this(tmp_path: Path) -> None:
    no_study = COMPARISON.replace(
        "      text: Some money.\n      sources: [src-a]\n",
        "      text: No study has measured this.\n      no_study: true\n",
    )
    guide = load_guide(build(tmp_path / "a", comparison=no_study))
    assert guide.problems == []
    assert guide.comparison.cell("cost", "one").no_study
    neither = no_study.replace("      no_study: true\n", "")
    assert any(
        "has no sources; every cell needs at least one (or 'no_study: true'" in str(p)
        for p in load_guide(build(tmp_path / "b", comparison=neither)).problems
    )
    both = no_study.replace("no_study: true", "no_study: true\n      sources: [src-a]")
    assert any(
        "says no study has measured this, but also lists sources" in str(p)
        for p in load_guide(build(tmp_path / "c", comparison=both)).problems
    )


def test_a_source_without_an_address_is_an_error(tmp_path: Path) -> None:
    sources = "- id: src-a\n  organisation: Cochrane\n  year: 2020\n  title: Source A\n  checked: 2026-11-20\n"
    root = build(tmp_path / "c", sources=sources)
    problems = [str(p) for p in load_guide(root).errors]
    assert problems == [
        "sources.yaml:1: source 'src-a' needs 'url': its DOI as https://doi.org/... or the "
        "official web address, so a reader can find it"
    ]
    out = io.StringIO()
    assert run_check(root, out=out) == 1


def test_journal_is_part_of_the_citation(tmp_path: Path) -> None:
    sources = (
        "- id: src-a\n  authors: Peul WC, et al.\n  year: 2008\n  title: Two-year results\n"
        "  journal: BMJ 2008;336:1355-1358\n  url: https://doi.org/10.1136/bmj.a143\n"
        "  checked: 2026-12-01\n"
    )
    source = load_guide(build(tmp_path / "c", sources=sources)).sources["src-a"]
    assert source.citation == (
        "Peul WC, et al. (2008). Two-year results. BMJ 2008;336:1355-1358. "
        "https://doi.org/10.1136/bmj.a143 Checked 2026-12-01."
    )


def test_check_counts_the_outcome_datasets(tmp_path: Path) -> None:
    out = io.StringIO()
    assert run_check(build(tmp_path / "c", outcomes=GOOD), out=out) == 0
    assert (
        "Information: 2 outcome datasets (numbers out of 100) in outcomes.yaml." in out.getvalue()
    )
