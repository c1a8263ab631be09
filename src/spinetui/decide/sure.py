"""The SURE check: four yes/no questions on whether a reader feels ready to decide.

After the SURE test (Légaré and others, 2010; source id ``legare-2010``): feeling sure
of the choice, knowing each option's good and bad points, being clear which of them
matter most to you, and having enough support to choose. The wording here is our own
plain-language paraphrase, not the test's official wording. Any "no" is a sign the
decision is not settled yet; each item says what could help.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

SOURCE_ID = "legare-2010"


@dataclass(frozen=True, slots=True)
class SureItem:
    id: str
    question: str
    if_no: str  # what to do next when the answer is no


SURE_ITEMS: tuple[SureItem, ...] = (
    SureItem(
        "sure",
        "Do you feel sure which choice is right for you?",
        "It is fine not to be sure yet. You do not have to choose today. "
        "Tell your doctor you are not sure, and ask what happens if you wait.",
    ),
    SureItem(
        "understand",
        "Do you know the good and bad points of each choice?",
        "Read the comparison (press c) to see each choice's good and bad points side by "
        "side. Ask your doctor about the risks of each choice.",
    ),
    SureItem(
        "values",
        "Are you clear which good and bad points matter most to you?",
        'Use "What matters to you" (press w in the comparison) to say what you care '
        "about. The comparison then shows those rows first.",
    ),
    SureItem(
        "support",
        "Do you have enough help and advice to make a choice?",
        "Ask your doctor or nurse to go through the choices with you. You can bring "
        "someone you trust to the visit.",
    ),
)

SURE_BY_ID: dict[str, SureItem] = {item.id: item for item in SURE_ITEMS}


NO_INTRO = (
    'A "no" means you may not be ready to decide yet. That is common. Here is what could help:'
)
ALL_YES = (
    "You said yes to all four. You seem ready to talk about your choice with your "
    "doctor. You can still change your mind later."
)


def score_line(answers: Mapping[str, bool]) -> str:
    """How many were answered yes (and how many are left), in words."""
    answered = [item for item in SURE_ITEMS if item.id in answers]
    if not answered:
        return "You have not answered the questions yet."
    yes = sum(1 for item in answered if answers[item.id])
    line = f"You said yes to {yes} of {len(SURE_ITEMS)} questions."
    if len(answered) < len(SURE_ITEMS):
        line += f" {len(SURE_ITEMS) - len(answered)} not answered yet."
    return line


def answered_no(answers: Mapping[str, bool]) -> list[SureItem]:
    return [item for item in SURE_ITEMS if answers.get(item.id) is False]


def all_yes(answers: Mapping[str, bool]) -> bool:
    return all(answers.get(item.id) is True for item in SURE_ITEMS)


def result_lines(answers: Mapping[str, bool]) -> list[str]:
    """The result as plain lines (for My questions): the score, then for each "no" the
    question and what to do next."""
    lines = [score_line(answers)]
    noes = answered_no(answers)
    if noes:
        lines.append(NO_INTRO)
        lines.extend(f"{item.question} No. {item.if_no}" for item in noes)
    elif all_yes(answers):
        lines.append(ALL_YES)
    return lines
