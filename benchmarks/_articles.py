"""Realistic Markdown articles of a chosen size, for the benchmarks."""

from __future__ import annotations

import random
from pathlib import Path

WORDS = (
    "the spine nerve root disc injection steroid pain leg back relief weeks doctor "
    "study trial people risk cost insurance image guided needle numbness weakness "
    "plasma platelet marrow cells evidence small short term about most some often"
).split()


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def _paragraph(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(3, 6)):
        sentence = _sentence(rng)
        roll = rng.random()
        if roll < 0.2:
            sentence = sentence.replace(" pain ", " **pain** ", 1)
        elif roll < 0.35:
            sentence = sentence.replace(" the ", " [the guide](welcome) ", 1)
        elif roll < 0.45:
            sentence = sentence.replace(" disc ", " `disc` ", 1)
        parts.append(sentence)
    return " ".join(parts)


def article_body(size: int, marker: str, seed: int = 1) -> str:
    """About `size` bytes of Markdown whose first paragraph contains `marker`."""
    rng = random.Random(seed)
    blocks = [f"# Article {marker}", "", f"{marker} opens this article. " + _paragraph(rng), ""]
    part = 1
    while sum(len(b) + 1 for b in blocks) < size:
        blocks += [f"## Part {part}", "", _paragraph(rng), ""]
        kind = part % 5
        if kind == 1:
            blocks += [f"- {_sentence(rng)}", f"- {_sentence(rng)}", f"  - {_sentence(rng)}", ""]
        elif kind == 2:
            blocks += ["| Option | What it means |", "| --- | --- |"]
            blocks += [f"| {rng.choice(WORDS)} | {_sentence(rng)} |" for _ in range(3)] + [""]
        elif kind == 3:
            blocks += [f"> {_paragraph(rng)}", ""]
        elif kind == 4:
            blocks += [f"1. {_sentence(rng)}", f"2. {_sentence(rng)}", ""]
        blocks += [_paragraph(rng), ""]
        part += 1
    return "\n".join(blocks)


def write_article(folder: Path, article_id: str, section: str, order: int, body: str) -> Path:
    path = folder / "articles" / f"{article_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "---\n"
        f"id: {article_id}\ntitle: Article {article_id}\nsection: {section}\norder: {order}\n"
        f"summary: A generated article for benchmarks.\nreviewed: 2026-11-25\nsources: [bench]\n"
        "---\n\n" + body
    )
    return path


def write_guide(folder: Path, sections: list[tuple[str, str]], home: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        "title: Benchmark guide",
        'version: "bench"',
        "reviewed: 2026-11-25",
        f"home: {home}",
        "sections:",
    ]
    for section_id, title in sections:
        lines += [f"  - id: {section_id}", f"    title: {title}"]
    (folder / "guide.yaml").write_text("\n".join(lines) + "\n")
    (folder / "sources.yaml").write_text(
        "- id: bench\n  organisation: Benchmarks\n  year: 2026\n  title: Generated text\n  checked: 2026-11-25\n"
    )
