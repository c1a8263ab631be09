"""The article named on the command line: matched whatever its case."""

from __future__ import annotations

import pytest

from spinetui import cli
from tests.conftest import FIXTURES


@pytest.fixture
def started(monkeypatch):
    """Run `spinetui ...` without starting the terminal UI; returns the app it made."""
    made = []
    from spinetui.app import SpineApp

    def fake_run(self, *args, **kwargs):
        made.append(self)

    monkeypatch.setattr(SpineApp, "run", fake_run)
    return made


@pytest.mark.parametrize("typed", ["second", "SECOND", "Second"])
def test_an_article_id_matches_regardless_of_case(started, typed):
    code = cli.main(["--content", str(FIXTURES / "reader-guide"), typed])
    assert code == 0
    assert started[0].start_article == "second"


def test_an_unknown_article_is_refused_with_the_list(started, capsys):
    code = cli.main(["--content", str(FIXTURES / "reader-guide"), "nonesuch"])
    assert code == 2
    assert "no article called 'nonesuch'" in capsys.readouterr().err
    assert not started


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["esi"],
        ["--content", "some/folder"],
        ["--content", "some/folder", "esi"],
        ["esi", "--content", "some/folder"],
        [""],
    ],
)
def test_a_plain_start_reads_its_arguments_as_argparse_does(args):
    """The commonest starts skip argparse (cli._plain_start): the same options exactly."""
    plain = cli._plain_start(args)
    assert plain is not None
    assert vars(plain) == vars(cli._reader_parser().parse_args(args))


@pytest.mark.parametrize(
    "args",
    [
        ["--kiosk"],
        ["--content=some/folder"],
        ["--content", "-odd"],
        ["--cont", "folder"],
        ["esi", "other"],
        ["--lang", "es"],
        ["--", "esi"],
        ["-h"],
    ],
)
def test_any_other_start_is_left_to_argparse(args):
    assert cli._plain_start(args) is None
