"""The tree and the owner of every paragraph of thirteen reports and the example page of
speeches, against what a reader decided.

Each file in tests/owners/ was written by reading the report (see tests/owners/README.md): one
row per line with text, its owner (for a heading its parent heading's line, for a paragraph
the heading whose section holds it, 0 for the document) and its kind. A row marked ``~`` is
one the parser gets wrong today: it must still be wrong (remove the mark when a change gets it
right), and every other row must be right.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import govspeech
from tests.conftest import CORPUS_FILE, report
from tests.ownership import owners

OWNERS = Path(__file__).parent / "owners"
FILES = [*sorted(OWNERS.glob("gwr_*.txt")), OWNERS / "speeches.txt"]


def _source(path: Path) -> Path:
    """The text a file of owners was read from: a report, or the example page (speeches)."""
    return CORPUS_FILE if path.stem == "speeches" else report(int(path.stem[4:]))


def _read(path: Path) -> tuple[dict[int, tuple[int, str]], set[int]]:
    truth: dict[int, tuple[int, str]] = {}
    known: set[int] = set()
    for row in path.read_text(encoding="utf-8").splitlines():
        if not row or row.startswith("#"):
            continue
        miss = row.startswith("~")
        line, owner, kind = row.lstrip("~").split("\t")[:3]
        truth[int(line)] = (int(owner), kind)
        if miss:
            known.add(int(line))
    return truth, known


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_line_has_the_owner_a_reader_gave_it(path):
    truth, known = _read(path)
    got = owners(govspeech.parse_file(_source(path)))
    assert set(got) == set(truth), "the rows are the lines with text"
    wrong = {line for line in truth if got[line] != truth[line]}
    assert sorted(wrong - known) == [], "lines the parser now gets wrong"
    assert sorted(known - wrong) == [], "lines the parser now gets right: remove their ~"


def test_the_files_cover_the_reports_the_issue_names_and_more():
    years = {int(p.stem[4:]) for p in FILES if p.stem.startswith("gwr_")}
    assert {1982, 1984, 1987, 1988} <= years and len(years) >= 9
    assert (OWNERS / "speeches.txt").is_file()


def test_headings_and_paragraphs_are_mostly_right():
    """The share of headings under the right parent and paragraphs under the right heading,
    over all files. The test above holds the ``~`` marks to exactly the rows the parser gets
    wrong, so this is the parser's share: marking more rows wrong to let a change pass fails
    here."""
    heads = paras = heads_ok = paras_ok = 0
    for path in FILES:
        truth, known = _read(path)
        for line, (_, kind) in truth.items():
            if kind == "H":
                heads += 1
                heads_ok += line not in known
            else:
                paras += 1
                paras_ok += line not in known
    assert heads_ok / heads >= 0.99 and paras_ok / paras >= 0.97
