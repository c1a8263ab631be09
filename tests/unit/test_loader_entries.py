"""What every content file's loader shares: one wording for an id used twice, and one
rule (``model.outcomes``) for which fenced blocks are outcome blocks."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from spinetui.markdown.outcome_fence import is_outcome_fence, outcome_block_name
from spinetui.model import Severity, load_guide
from spinetui.model.outcomes import outcome_blocks
from tests.fixtures.content_builder import COMPARISON, GUIDE, SOURCES, article, build
from tests.unit.test_outcomes import GOOD as OUTCOMES

TWICE = {
    "guide.yaml": GUIDE + "  - id: start\n    title: Again\n",
    "sources.yaml": SOURCES + SOURCES.replace("Source A", "Source A again"),
    "glossary.yaml": (
        "- id: nerve\n  term: nerve\n  definition: A cord.\n"
        "- id: nerve\n  term: nerve again\n  definition: Twice.\n"
    ),
    "comparison.yaml": COMPARISON.replace(
        "attributes:\n",
        "  - id: one\n    name: Again\nattributes:\n  - id: cost\n    label: Again\n",
    ),
    "outcomes.yaml": OUTCOMES + OUTCOMES.split("- id: one-infection")[0],
}


@pytest.mark.parametrize(
    ("file", "kind", "eid", "first", "again"),
    [
        ("guide.yaml", "section", "start", 5, 9),
        ("sources.yaml", "source", "src-a", 1, 7),
        ("glossary.yaml", "glossary", "nerve", 1, 4),
        ("comparison.yaml", "treatment", "one", 2, 5),
        ("comparison.yaml", "attribute", "cost", 8, 10),
        ("outcomes.yaml", "outcome", "one-relief", 1, 24),
    ],
)
def test_an_id_used_twice_is_reported_in_the_same_words_for_every_kind(
    tmp_path: Path, file: str, kind: str, eid: str, first: int, again: int
) -> None:
    files = {"guide": GUIDE, "sources": SOURCES, "comparison": COMPARISON, "outcomes": OUTCOMES}
    files[file.removesuffix(".yaml")] = TWICE[file]
    guide = load_guide(build(tmp_path, **files))
    twice = [p for p in guide.problems if f"{kind} id '{eid}' is used twice" in p.message]
    assert [(p.file, p.line, p.message) for p in twice] == [
        (
            file,
            again,
            f"{kind} id '{eid}' is used twice (first at {file}:{first}); the first is kept",
        )
    ]
    assert twice[0].severity is Severity.ERROR


BODIES = [
    "```outcome\nesi-a\n```\n",
    "Text.\n\n~~~ outcome \n  esi-b  \nignored second line\n~~~\n",
    "````outcome\n\nesi-c\n````\n\n```python\nnot-this\n```\n",
    "```outcome\n```\n",  # names nothing: reported, shown as a notice
    "```outcomes\nesi-d\n```\n\n```\noutcome\n```\n",  # neither is an outcome block
    "- item\n\n  ```outcome\n  esi-e\n  ```\n",
]


@pytest.mark.parametrize("body", BODIES)
def test_the_loader_and_markdown_it_find_the_same_outcome_blocks(body: str) -> None:
    # The renderer finds blocks in markdown-it's tokens, the loader with a fast scan;
    # both use the one rule in model.outcomes, so they must name the same datasets.
    tokens = MarkdownIt("commonmark").parse(body)
    drawn = [
        (outcome_block_name(t.content), t.map[0] + 1 if t.map else -1)  # the name's line
        for t in tokens
        if t.type == "fence" and is_outcome_fence(t.info)
    ]
    assert outcome_blocks(body) == drawn


def test_an_outcome_block_in_an_article_names_a_dataset(tmp_path: Path) -> None:
    body = "# Numbers\n\n```outcome\none-relief\n```\n\n```outcome\nnone-such\n```\n"
    articles = {"one.md": article(body=body)}
    guide = load_guide(build(tmp_path, outcomes=OUTCOMES, articles=articles))
    [problem] = [p for p in guide.problems if "outcome block" in p.message]
    assert problem.file == "articles/one.md"
    assert problem.message == (
        "has an outcome block naming outcome 'none-such', which is not in outcomes.yaml; "
        "the block shows a notice instead"
    )
