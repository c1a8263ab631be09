"""How fast spinetui.render paints the first screen of a long article, and lays out all of it.

Run: PYTHONPATH=src python benchmarks/render_speed.py [--size 100000] [--width 80] [--runs 9]

Prints medians (milliseconds) of several runs for a generated ~100 KB article with
headings, paragraphs with emphasis/links/code/glossary terms, nested lists, tables,
quotes and code blocks:

- parse:        MarkdownDocument(...) (block pass + flattening + heading inline parse)
- first screen: MarkdownDocument(...) + layout(w).line(0..59)          (budget ~35 ms)
- full layout:  MarkdownDocument(...) + laying out every block at width w
- markdown-it full parse (block + inline), for comparison
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from markdown_it import MarkdownIt  # noqa: E402

from spinetui.render import MarkdownDocument, TermMatcher  # noqa: E402

WORDS = (
    "the spine epidural steroid injection pain relief nerve root disc back lumbar "
    "cervical patient doctor evidence trial study weeks months after before with "
    "platelet rich plasma stem cell therapy risk benefit small large may can often"
).split()
TERMS = {
    "epidural steroid injection": "esi",
    "ESI": "esi",
    "platelet rich plasma": "prp",
    "PRP": "prp",
    "nerve root": "nerve-root",
}


def sentence(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        word = rng.choice(WORDS)
        roll = rng.random()
        if roll < 0.04:
            word = f"*{word}*"
        elif roll < 0.07:
            word = f"**{word}**"
        elif roll < 0.09:
            word = f"[{word}](https://example.org/{word})"
        elif roll < 0.10:
            word = f"[{word}](esi#risks)"
        elif roll < 0.12:
            word = f"`{word}`"
        out.append(word)
    return " ".join(out).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    return "\n".join(sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(3, 6)))


def article(size: int = 100_000, seed: int = 1) -> str:
    rng = random.Random(seed)
    parts = ["# A long article about back pain\n", paragraph(rng)]
    n = 0
    while sum(len(p) + 2 for p in parts) < size:
        n += 1
        parts.append(f"## Section {n}: {sentence(rng, 4)[:-1]}")
        parts.append(paragraph(rng))
        parts.append(paragraph(rng))
        kind = n % 5
        if kind == 0:
            parts.append(
                "\n".join(
                    f"- {sentence(rng, 10)}\n  - {sentence(rng, 8)}\n    1. {sentence(rng, 6)}"
                    for _ in range(3)
                )
            )
        elif kind == 1:
            rows = "\n".join(
                f"| {sentence(rng, 2)} | {sentence(rng, 6)} | {rng.randint(1, 99)}% |"
                for _ in range(5)
            )
            parts.append("| Treatment | What it does | Share |\n|---|---|--:|\n" + rows)
        elif kind == 2:
            parts.append("> " + paragraph(rng).replace("\n", "\n> "))
        elif kind == 3:
            parts.append(
                "```python\n"
                + "\n".join(
                    f"def f{i}(x):\n    return x * {i}  # {sentence(rng, 5)}" for i in range(6)
                )
                + "\n```"
            )
        else:
            parts.append("\n".join(f"{i}. {sentence(rng, 12)}" for i in range(1, 6)))
        parts.append(paragraph(rng))
    return "\n\n".join(parts) + "\n"


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--width", type=int, default=80)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    source = article(args.size)
    matcher = TermMatcher(TERMS)
    width = args.width

    def parse() -> MarkdownDocument:
        return MarkdownDocument(source, terms=matcher)

    def first_screen() -> None:
        layout = parse().layout(width)
        for y in range(60):
            layout.line(y)

    def full() -> None:
        layout = parse().layout(width)
        while not layout.lay_out_more(50):
            pass

    md = MarkdownIt("commonmark", {"maxNesting": 200}).enable("table")

    doc = parse()
    layout = doc.layout(width)
    layout.line(59)
    partial = (layout.laid_out_lines, layout.height)
    layout.lay_out_all()
    print(f"article: {len(source):,} chars, {doc.block_count} blocks, {len(doc.headings)} headings")
    print(f"lines at width {width}: {layout.height} (estimate after first screen: {partial[1]})")
    print(f"parse (block pass + flatten):     {median_ms(parse, args.runs):7.1f} ms")
    print(f"first screen (parse + 60 lines):  {median_ms(first_screen, args.runs):7.1f} ms")
    print(f"full layout (parse + all lines):  {median_ms(full, args.runs):7.1f} ms")
    print(
        f"markdown-it full parse (compare): {median_ms(lambda: md.parse(source), args.runs):7.1f} ms"
    )


if __name__ == "__main__":
    main()
