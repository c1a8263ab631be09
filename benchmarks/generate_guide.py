"""Write a generated content folder: N articles with sections, sources, glossary, comparison.

For benchmarks that need a big guide (search, start-up at scale). The text is made of
plain-language medical sentences drawn from a fixed vocabulary with a natural, skewed
word frequency, so a search index built from it is about as large and as selective as
one built from real articles. Every link, anchor, source and glossary article points at
something that exists, so `spinetui check` reports no errors and a benchmark measures
the work, not problem reporting. The same seed writes the same folder.

Usage:
    python benchmarks/generate_guide.py OUT_DIR [--articles 1000] [--article-kb 3] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

SECTIONS = (
    ("start", "Start here"),
    ("spine", "Your back"),
    ("conditions", "Conditions"),
    ("treatments", "Treatments"),
    ("injections", "Injections"),
    ("regenerative", "Regenerative therapies"),
    ("recovery", "Recovery and daily life"),
    ("evidence", "Understanding the evidence"),
    ("costs", "Costs and insurance"),
    ("questions", "Questions to ask"),
)

# Section headings of a treatment article, with the anchors the comparison lines up.
TREATMENT_PARTS = (
    ("what-it-is", "What it is"),
    ("how-it-is-done", "How it is done"),
    ("benefits", "How well it works"),
    ("risks", "What can go wrong"),
    ("evidence", "What the studies say"),
    ("repeats", "How often it can be repeated"),
    ("cost", "Cost and insurance"),
    ("recovery", "Recovery"),
)
INFO_PARTS = (
    "Why this matters",
    "What happens in the body",
    "Signs to watch for",
    "What you can do at home",
    "When to call your doctor",
    "Common questions",
    "What we do not know yet",
    "Words to know",
)

MEDICAL = (
    "spine vertebra vertebrae disc discs nerve nerves root roots spinal cord canal stenosis "
    "sciatica radiculopathy herniated bulging facet joint joints sacrum tailbone lumbar "
    "cervical thoracic epidural steroid steroids corticosteroid injection injections shot "
    "shots needle fluoroscopy x-ray imaging contrast dye anesthetic numbing numbness "
    "tingling weakness pain ache stiffness swelling inflammation plasma platelet platelets "
    "marrow stem cells concentrate centrifuge blood draw regenerative tissue healing "
    "cartilage ligament tendon muscle muscles physical therapy exercise stretching walking "
    "posture surgery fusion discectomy laminectomy ablation radiofrequency medicine pill "
    "pills ibuprofen naproxen opioid relief infection bleeding headache dural puncture "
    "allergy diabetes sugar bone density fracture osteoporosis trial trials study studies "
    "review evidence placebo sham randomized cohort outcome outcomes insurance cost costs "
    "price payment coverage medicare clinic clinics specialist surgeon physiatrist "
    "anesthesiologist radiologist guideline guidelines recovery rest sleep work driving"
).split()
COMMON = (
    "the a an and or but if when while after before during about around between into "
    "through under over near far up down out in on at by for with without from to of "
    "is are was were be been being have has had do does did can could may might will "
    "would should must often sometimes rarely usually most many some few more less much "
    "very quite small large short long first second last next other same different "
    "people person patient patients doctor doctors nurse you your they their we our it "
    "its this that these those what which who how why where time times day days week "
    "weeks month months year years hour hours back leg legs arm arms neck hip hips knee "
    "body side part parts kind kinds way ways place help helps helped feel feels felt "
    "ease eases eased lasts last lasting return returns start starts stop stops work "
    "works worked ask asks asked tell tells told know knows known find finds found give "
    "gives given take takes taken make makes made keep keeps kept need needs needed "
    "good better best bad worse worst safe safer risk risks chance chances likely "
    "unlikely common rare serious mild strong weak new old early late low high"
).split()
VOCABULARY = MEDICAL + COMMON

GLOSSARY_TERMS = (
    "nerve root",
    "epidural space",
    "sciatica",
    "radiculopathy",
    "stenosis",
    "facet joint",
    "herniated disc",
    "corticosteroid",
    "fluoroscopy",
    "contrast dye",
    "local anesthetic",
    "platelet-rich plasma",
    "bone marrow concentrate",
    "stem cell",
    "centrifuge",
    "placebo",
    "sham procedure",
    "randomized trial",
    "systematic review",
    "cohort study",
    "dural puncture",
    "radiofrequency ablation",
    "discectomy",
    "laminectomy",
    "spinal fusion",
    "physiatrist",
    "osteoporosis",
    "vertebra",
    "sacrum",
    "lumbar spine",
    "cervical spine",
    "ligament",
    "tendon",
    "cartilage",
    "inflammation",
    "opioid",
    "NSAID",
    "transforaminal",
    "interlaminar",
    "caudal",
)


def _weights(count: int) -> list[float]:
    """Zipf-like: the n-th word is about 1/n as common as the first."""
    return [1.0 / (rank + 1) for rank in range(count)]


class Writer:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        words = list(VOCABULARY)
        self.rng.shuffle(words)
        self.words = words
        self.weights = _weights(len(words))

    def sentence(self, low: int = 8, high: int = 18) -> str:
        words = self.rng.choices(self.words, self.weights, k=self.rng.randint(low, high))
        words[0] = words[0].capitalize()
        return " ".join(words) + "."

    def paragraph(self, links: list[str], sources: list[str]) -> str:
        parts = []
        for _ in range(self.rng.randint(3, 5)):
            sentence = self.sentence()
            roll = self.rng.random()
            if roll < 0.15 and links:
                target = self.rng.choice(links)
                sentence = sentence[:-1] + f" (see [the article on this]({target}))."
            elif roll < 0.3 and sources:
                source = self.rng.choice(sources)
                sentence = sentence[:-1] + f" ([{source}](source:{source}))."
            elif roll < 0.4:
                words = sentence.split(" ")
                i = self.rng.randrange(1, len(words))
                words[i] = f"**{words[i].rstrip('.')}**" + ("." if words[i].endswith(".") else "")
                sentence = " ".join(words)
            parts.append(sentence)
        return " ".join(parts)

    def title(self) -> str:
        words = self.rng.choices(MEDICAL, k=self.rng.randint(2, 4))
        return " ".join(words).capitalize()


def _yaml_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_guide(out: Path, articles: int, article_bytes: int, seed: int) -> None:
    if out.exists():
        shutil.rmtree(out)
    (out / "articles").mkdir(parents=True)
    writer = Writer(seed)
    ids = [f"a{n:04d}" for n in range(articles)]
    source_ids = [f"src-{n:02d}" for n in range(50)]

    (out / "guide.yaml").write_text(
        "\n".join(
            [
                "title: Generated guide",
                'version: "generated"',
                "reviewed: 2026-11-01",
                f"home: {ids[0]}" if ids else "",
                "sections:",
                *[f"  - id: {sid}\n    title: {title}" for sid, title in SECTIONS],
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    (out / "sources.yaml").write_text(
        "".join(
            f"- id: {sid}\n  organisation: Generated Health Agency\n  year: {2000 + n % 25}\n"
            f"  title: {_yaml_text(writer.title())}\n  url: https://example.org/{sid}\n"
            f"  checked: 2026-11-01\n"
            for n, sid in enumerate(source_ids)
        ),
        encoding="utf-8",
    )

    treatments = ids[:6]
    for n, article_id in enumerate(ids):
        treatment = article_id in treatments
        section = SECTIONS[3 + n % 3][0] if treatment else SECTIONS[n % len(SECTIONS)][0]
        title = f"{writer.title()} ({article_id})"
        cited = writer.rng.sample(source_ids, 3)
        links = [f"{other}#overview" for other in writer.rng.sample(ids, min(4, len(ids)))]
        body = [f"# {title}", "", "## Overview {#overview}", "", writer.paragraph(links, cited)]
        parts = (
            TREATMENT_PARTS
            if treatment
            else [(f"part-{i}", text) for i, text in enumerate(INFO_PARTS)]
        )
        part = 0
        while sum(len(block) + 2 for block in body) < article_bytes:
            anchor, heading = parts[part % len(parts)]
            if part >= len(parts):
                anchor, heading = f"{anchor}-more-{part}", f"{heading}, more"
            body += ["", f"## {heading} {{#{anchor}}}", "", writer.paragraph(links, cited)]
            if part % 3 == 1:
                body += ["", *(f"- {writer.sentence(4, 9)}" for _ in range(3))]
            part += 1
        if treatment:  # the comparison table's rows point at these anchors
            for anchor, heading in TREATMENT_PARTS[part:]:
                body += ["", f"## {heading} {{#{anchor}}}", "", writer.sentence()]
        front = [
            "---",
            f"id: {article_id}",
            f"title: {_yaml_text(title)}",
            f"section: {section}",
            f"order: {n}",
            f"summary: {_yaml_text(writer.sentence(8, 14))}",
            "reviewed: 2026-11-01",
            f"sources: [{', '.join(cited)}]",
            f"kind: {'treatment' if treatment else 'info'}",
            "---",
            "",
        ]
        (out / "articles" / f"{article_id}.md").write_text(
            "\n".join(front + body) + "\n", encoding="utf-8"
        )

    glossary = []
    for n, term in enumerate(GLOSSARY_TERMS):
        term_id = term.lower().replace(" ", "-")
        entry = [
            f"- id: {term_id}",
            f"  term: {_yaml_text(term)}",
            f"  definition: {_yaml_text(writer.sentence(10, 20))}",
        ]
        if term.endswith(("disc", "joint", "cell", "trial", "study")):
            entry.append(f"  aliases: [{_yaml_text(term + 's')}]")
        if ids:
            entry.append(f"  article: {ids[n % len(ids)]}")
        glossary.append("\n".join(entry))
    (out / "glossary.yaml").write_text("\n".join(glossary) + "\n", encoding="utf-8")

    if len(treatments) >= 2:
        lines = ["treatments:"]
        for article_id in treatments:
            lines += [f"  - id: t-{article_id}", f"    name: Treatment {article_id}"]
            lines += [f"    article: {article_id}"]
        lines.append("attributes:")
        for anchor, heading in TREATMENT_PARTS:
            lines += [f"  - id: {anchor}", f"    label: {heading}", f"    anchor: {anchor}"]
        lines.append("cells:")
        for anchor, _heading in TREATMENT_PARTS:
            lines.append(f"  {anchor}:")
            for article_id in treatments:
                lines.append(
                    f"    t-{article_id}: {{text: {_yaml_text(writer.sentence(6, 14))}, "
                    f"sources: [{writer.rng.choice(source_ids)}], evidence: low}}"
                )
        (out / "comparison.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write a generated spinetui content folder (replacing OUT_DIR)."
    )
    parser.add_argument("out_dir", type=Path, help="folder to write (replaced if it exists)")
    parser.add_argument("--articles", type=int, default=1000, help="number of articles")
    parser.add_argument(
        "--article-kb", type=float, default=3.0, help="approximate size of each article body"
    )
    parser.add_argument("--seed", type=int, default=1, help="same seed, same folder")
    options = parser.parse_args(argv)
    if options.articles < 1:
        parser.error("--articles must be at least 1")
    write_guide(options.out_dir, options.articles, int(options.article_kb * 1024), options.seed)
    print(f"wrote {options.articles} articles to {options.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
