"""A row of run_all.py's table, and how its figures are written."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Row:
    measure: str
    ours: str
    baseline: str
    ratio: str
    budget: str
    verdict: str  # "met", "MISSED: why", "no budget", "not measured: why"

    @property
    def missed(self) -> bool:
        return self.verdict.startswith(("MISSED", "not measured"))


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.1 else f"{seconds * 1000:.1f} ms"


def _mb(kib: float) -> str:
    return f"{kib / 1024:.1f} MB"


def _verdict(met: bool, why_missed: str) -> str:
    return "met" if met else f"MISSED: {why_missed}"


def _not_measured(measure: str, why: str) -> Row:
    return Row(measure, "-", "-", "-", "-", f"not measured: {why}")
