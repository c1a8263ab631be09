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

from spinetui.i18n import N_, Translated, _, ngettext, translated_constants

SOURCE_ID = "legare-2010"


@dataclass(frozen=True, slots=True)
class SureItem:
    id: str
    question_msgid: str  # English, marked; ``question`` is it in the current language
    if_no_msgid: str  # what to do next when the answer is no (English, marked)

    question = Translated("question_msgid")
    if_no = Translated("if_no_msgid")


SURE_ITEMS: tuple[SureItem, ...] = (
    SureItem(
        "sure",
        N_("Do you feel sure which choice is right for you?"),
        N_(
            "It is fine not to be sure yet. You do not have to choose today. "
            "Tell your doctor you are not sure, and ask what happens if you wait."
        ),
    ),
    SureItem(
        "understand",
        N_("Do you know the good and bad points of each choice?"),
        N_(
            "Read the comparison (press c) to see each choice's good and bad points side by "
            "side. Ask your doctor about the risks of each choice."
        ),
    ),
    SureItem(
        "values",
        N_("Are you clear which good and bad points matter most to you?"),
        N_(
            'Use "What matters to you" (press w in the comparison) to say what you care '
            "about. The comparison then shows those rows first."
        ),
    ),
    SureItem(
        "support",
        N_("Do you have enough help and advice to make a choice?"),
        N_(
            "Ask your doctor or nurse to go through the choices with you. You can bring "
            "someone you trust to the visit."
        ),
    ),
)

SURE_BY_ID: dict[str, SureItem] = {item.id: item for item in SURE_ITEMS}


# Texts made at import time are kept as marked English and translated on each use:
# ``sure.NO_INTRO`` (module attribute, PEP 562) answers in the current language.
_TEXTS: dict[str, str] = {
    "NO_INTRO": N_(
        'A "no" means you may not be ready to decide yet. That is common. Here is what could help:'
    ),
    "ALL_YES": N_(
        "You said yes to all four. You seem ready to talk about your choice with your "
        "doctor. You can still change your mind later."
    ),
}
NO_INTRO: str
ALL_YES: str

__getattr__ = translated_constants(__name__, _TEXTS)


def score_line(answers: Mapping[str, bool]) -> str:
    """How many were answered yes (and how many are left), in words."""
    answered = [item for item in SURE_ITEMS if item.id in answers]
    if not answered:
        return _("You have not answered the questions yet.")
    yes = sum(1 for item in answered if answers[item.id])
    total = len(SURE_ITEMS)
    line = ngettext(
        "You said yes to {yes} of {total} question.",
        "You said yes to {yes} of {total} questions.",
        total,
    ).format(yes=yes, total=total)
    if len(answered) < total:
        left = total - len(answered)
        line += " " + ngettext(
            "{count} not answered yet.", "{count} not answered yet.", left
        ).format(count=left)
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
        lines.append(_(_TEXTS["NO_INTRO"]))
        lines.extend(
            # Translators: a SURE question the reader answered no, "No.", then what could help.
            _("{question} No. {next_step}").format(question=item.question, next_step=item.if_no)
            for item in noes
        )
    elif all_yes(answers):
        lines.append(_(_TEXTS["ALL_YES"]))
    return lines
