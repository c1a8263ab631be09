"""Take it home: the reader's list as a file (personal mode) or a QR code (kiosk).

Textual-free. ``Summary`` gathers what the My questions screen shows; ``as_text`` and
``as_markdown`` write it out; ``save`` puts it in a file without ever replacing one
unasked; ``qr_payload`` fits it into a QR code a phone reads from a screen, saying what
had to be left out. Kiosk mode never calls ``save`` (the screens check the policy).
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spinetui.i18n import N_, _, translated_constants

# Texts made at import time are kept as marked English and translated on each use:
# ``take_home.TITLE`` (module attribute, PEP 562) answers in the current language.
_TEXTS: dict[str, str] = {
    "TITLE": N_("My questions for my visit"),
    # Translators: the first line of the QR code; keep it short (every byte counts).
    "QR_TITLE": N_("My questions:"),
    "NOT_ANSWERED": N_("Not answered yet."),
}
TITLE: str
QR_TITLE: str
NOT_ANSWERED: str

__getattr__ = translated_constants(__name__, _TEXTS)


# The saved file's name without its suffix, in the reader's language where it is used.
# Translators: a file name: lowercase letters without accents, digits and hyphens only.
DEFAULT_NAME = N_("spinetui-my-questions")

# What a phone camera reads reliably from a screen: a small code (version 10 at most,
# 57 x 57 modules) at error correction M or L, holding at most this many bytes.
MAX_QR_BYTES = 271
MAX_QR_VERSION = 10
# A question longer than this is cut in the code (never on screen or in a file).
MAX_QR_QUESTION = 140

# A question cut to fewer characters than this is not worth a code.
MIN_QR_CUT = 24

# Typographic characters a phone's reader may show wrongly: plain ASCII in the code.
_ASCII = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."})


@dataclass
class Summary:
    """What the reader has to take home (all plain text, cleaned before it got here)."""

    questions: list[str] = field(default_factory=list)  # ticked in articles, in order
    own: list[str] = field(default_factory=list)  # typed by the reader
    matters: list[str] = field(default_factory=list)  # "Fast relief: a lot"
    sure: list[str] = field(default_factory=list)  # the SURE result in sentences

    @property
    def all_questions(self) -> list[str]:
        return [*self.questions, *self.own]

    @property
    def is_empty(self) -> bool:
        return not self.all_questions and not self.matters and not self.sure


def summarise(questions: object, decision: object | None) -> Summary:
    """A Summary from the app's QuestionList and DecisionState (either may be absent)."""
    summary = Summary()
    for question in getattr(questions, "ticked", lambda: [])():
        (summary.own if question.own else summary.questions).append(question.text)
    matters: Mapping[str, int] = getattr(decision, "matters", None) or {}
    sure: Mapping[str, bool] = getattr(decision, "sure", None) or {}
    summary.matters = _matters_lines(matters)
    summary.sure = _sure_lines(sure)
    return summary


def _matters_lines(matters: Mapping[str, int]) -> list[str]:
    if not matters:
        return []
    try:
        from spinetui.decide.factors import answer_lines
    except ImportError:  # the What matters tool is not in this build
        return []
    return list(answer_lines(matters))


def _sure_lines(sure: Mapping[str, bool]) -> list[str]:
    if not sure:
        return []
    try:
        from spinetui.decide.sure import result_lines
    except ImportError:  # the SURE check is not in this build
        return []
    return list(result_lines(sure))


# ------------------------------------------------------------------ files
def _headings() -> tuple[str, str, str]:
    return (
        _("Questions to ask"),
        _("What matters to me"),
        _("Am I ready to decide? (SURE check)"),
    )


def as_text(summary: Summary) -> str:
    title, not_answered = _(_TEXTS["TITLE"]), _(_TEXTS["NOT_ANSWERED"])
    asked, matters, ready = _headings()
    lines = [title, "=" * len(title), ""]
    lines += [asked, "-" * len(asked)]
    questions = summary.all_questions
    lines += [f"{n}. {q}" for n, q in enumerate(questions, 1)] or [_("(No questions yet.)")]
    lines += ["", matters, "-" * len(matters)]
    lines += summary.matters or [not_answered]
    lines += ["", ready, "-" * len(ready)]
    lines += summary.sure or [not_answered]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Text that Markdown shows as written (its punctuation escaped)."""
    return re.sub(r"([\\`*_{}\[\]<>()#+\-.!|~])", r"\\\1", text)


def as_markdown(summary: Summary) -> str:
    title, not_answered = _(_TEXTS["TITLE"]), _(_TEXTS["NOT_ANSWERED"])
    asked, matters, ready = _headings()
    lines = [f"# {title}", "", f"## {asked}", ""]
    questions = summary.all_questions
    lines += [f"{n}. {_md(q)}" for n, q in enumerate(questions, 1)] or [_("No questions yet.")]
    lines += ["", f"## {matters}", ""]
    lines += [f"- {_md(line)}" for line in summary.matters] or [not_answered]
    lines += ["", f"## {ready}", ""]
    lines += [_md(line) + "\n" for line in summary.sure] or [not_answered]
    return "\n".join(lines).rstrip("\n") + "\n"


def render(summary: Summary, path: Path) -> str:
    """The file's text: Markdown for .md / .markdown, plain text for anything else."""
    if path.suffix.lower() in (".md", ".markdown"):
        return as_markdown(summary)
    return as_text(summary)


def documents_dir(environ: Mapping[str, str] | None = None) -> Path | None:
    """The reader's documents folder, if there is one: $XDG_DOCUMENTS_DIR (or its line
    in ~/.config/user-dirs.dirs), else ~/Documents."""
    env = os.environ if environ is None else environ
    home = Path(env.get("HOME") or Path.home())
    candidates: list[str] = []
    if env.get("XDG_DOCUMENTS_DIR"):
        candidates.append(env["XDG_DOCUMENTS_DIR"])
    config = Path(env.get("XDG_CONFIG_HOME") or home / ".config") / "user-dirs.dirs"
    try:
        for line in config.read_text(encoding="utf-8").splitlines():
            name, _, value = line.partition("=")
            if name.strip() == "XDG_DOCUMENTS_DIR":
                candidates.append(value.strip().strip('"').replace("$HOME", str(home)))
    except (OSError, UnicodeError):
        pass
    candidates.append(str(home / "Documents"))
    for candidate in candidates:
        path = Path(candidate).expanduser()
        if path.is_absolute() and path.is_dir() and path != home:
            return path
    return None


def default_path(environ: Mapping[str, str] | None = None, suffix: str = ".md") -> Path:
    """Where the list goes unless the reader says otherwise."""
    env = os.environ if environ is None else environ
    folder = documents_dir(env)
    if folder is None:
        home = Path(env.get("HOME") or Path.home())
        folder = Path(env.get("XDG_DATA_HOME") or home / ".local" / "share") / "spinetui"
    return folder / f"{_(DEFAULT_NAME)}{suffix}"


def resolve(typed: str, environ: Mapping[str, str] | None = None) -> Path:
    """The path the reader typed, with ~ expanded; relative paths go in the default folder."""
    env = os.environ if environ is None else environ
    text = typed.strip()
    if text == "~" or text.startswith("~/"):
        home = env.get("HOME") or str(Path.home())
        text = home + text[1:]
    elif text.startswith("~"):
        text = os.path.expanduser(text)  # ~name/...: another user's home
    path = Path(text)
    if not path.is_absolute():
        path = default_path(env).parent / path
    return path


def save(summary: Summary, path: Path, *, replace: bool = False) -> Path:
    """Write the list to ``path`` (folders made as needed); never replaces a file
    unless ``replace``. Raises FileExistsError, IsADirectoryError or OSError."""
    if path.is_dir():
        raise IsADirectoryError(str(path))
    text = render(summary, path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError as error:  # a file stands where a folder should be
        raise NotADirectoryError(errno.ENOTDIR, "a file is in the way of the folder") from error
    mode = "w" if replace else "x"  # "x": fails if the file is there, even in a race
    with open(path, mode, encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return path


def describe_error(error: BaseException, path: Path) -> str:
    """A plain sentence for a failed save."""
    if isinstance(error, FileExistsError):
        return _("There is already a file at {path}.").format(path=path)
    if isinstance(error, IsADirectoryError):
        return _("{path} is a folder. Type a file name at the end.").format(path=path)
    if isinstance(error, NotADirectoryError):
        return _("Could not save to {path}: part of that path is a file, not a folder.").format(
            path=path
        )
    if isinstance(error, PermissionError):
        return _("Could not save to {path}: you are not allowed to write there.").format(path=path)
    if isinstance(error, OSError) and error.strerror:
        # The system's own words for the error (in the system's language, not ours).
        # Translators: {reason} is the system's own words for the error.
        return _("Could not save to {path}: {reason}.").format(
            path=path, reason=error.strerror.lower()
        )
    return _("Could not save to {path}.").format(path=path)


# --------------------------------------------------------------- QR code
@dataclass(frozen=True)
class Payload:
    text: str
    shown: int  # how many of the questions are in the code
    total: int  # how many questions there are
    with_answers: bool  # the what-matters and SURE lines are in the code too
    cut: bool = False  # a question was cut short to fit

    @property
    def left_out(self) -> str:
        """What the code does not hold, in words (empty when it holds everything)."""
        parts = []
        if self.shown < self.total:
            first = self.shown + 1
            if first == self.total:
                rest = _("The list is too long for one code: question {first} are not in it.")
            else:
                rest = _(
                    "The list is too long for one code: questions {first}-{last} are not in it."
                )
            parts.append(rest.format(first=first, last=self.total))
        if self.cut:
            parts.append(_("A long question is cut short in the code."))
        if not self.with_answers:
            parts.append(_("What matters to you and the SURE result are not in the code."))
        return " ".join(parts)


def _ascii(text: str) -> str:
    return text.translate(_ASCII)


def _qr_lines(questions: Sequence[str]) -> list[str]:
    out = []
    for n, question in enumerate(questions, 1):
        text = _ascii(question)
        if len(text) > MAX_QR_QUESTION:
            text = text[: MAX_QR_QUESTION - 3].rstrip() + "..."
        out.append(f"{n}. {text}")
    return out


def fits(text: str, max_version: int = MAX_QR_VERSION) -> bool:
    return qr_version(text) <= max_version


def qr_version(text: str) -> int:
    """The smallest QR version that holds ``text`` at error correction L (99: none)."""
    import segno
    from segno import DataOverflowError

    if len(text.encode("utf-8")) > MAX_QR_BYTES:
        return 99
    try:
        return int(segno.make(text, error="l", micro=False, encoding="utf-8").version)
    except DataOverflowError:
        return 99


def qr_payload(summary: Summary, max_version: int = MAX_QR_VERSION) -> Payload:
    """The text of the QR code: everything if it fits; else the numbered questions only;
    else the first questions that fit."""
    questions = summary.all_questions
    numbered = _qr_lines(questions)
    cut = any(len(_ascii(q)) > MAX_QR_QUESTION for q in questions)
    head = [_ascii(_(_TEXTS["QR_TITLE"]))]
    answers = []
    if summary.matters:
        answers += [_ascii(_("What matters to me:")), *(_ascii(m) for m in summary.matters)]
    if summary.sure:
        answers += [_ascii(_("SURE check:")), _ascii(summary.sure[0])]
    full = "\n".join([*head, *numbered, *answers])
    if fits(full, max_version):
        return Payload(full, len(questions), len(questions), True, cut)
    for count in range(len(numbered), 0, -1):
        text = "\n".join([*head, *numbered[:count]])
        if fits(text, max_version):
            return Payload(text, count, len(questions), not answers, cut)
    # Not even one question: the first one, cut to what fits (if enough of it is left
    # to be worth reading; else nothing: ``shown`` 0 means no code).
    first = numbered[0] if numbered else ""
    while len(first) > MIN_QR_CUT and not fits("\n".join([*head, first + "..."]), max_version):
        first = first[:-5].rstrip()
    if len(first) <= MIN_QR_CUT:
        return Payload(head[0], 0, len(questions), not answers, True)
    return Payload("\n".join([*head, first + "..."]), 1, len(questions), not answers, True)


def qr_matrix(text: str, border: int) -> list[list[bool]]:
    """The code's modules, True for dark, with a quiet zone of ``border`` modules."""
    import segno

    code = segno.make(text, error="l", micro=False, encoding="utf-8")  # boosted to M/Q if free
    return [[bool(v) for v in row] for row in code.matrix_iter(border=border)]


def max_version_for(modules: int) -> int:
    """The largest QR version whose code (without quiet zone) is at most ``modules`` wide."""
    return max(0, min(MAX_QR_VERSION, (modules - 17) // 4))
