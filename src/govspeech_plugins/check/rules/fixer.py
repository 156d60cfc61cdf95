"""The fixer's settle loop: what fix writes for the marks of one text, for a set of codes.

Only numerals the grammar reads back are written, and the rewrite is settled, so that fixing
the result again changes nothing (see `Fixer`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from govspeech import parse
from govspeech.nodes import Paragraph
from govspeech_plugins.check.markerform import Form
from govspeech_plugins.check.rules.marks import SPACE, Mark

__all__ = ["PASSES", "Fixer"]

# How often fix analyses its own result before it gives up: a renumbering can change what the
# parser nests (二、 一、 三、 → 一、 一、 二、 puts the second 一、 below the first), so the fixed
# text is analysed again until it asks for nothing more; real text settles after one rewrite.
PASSES = 6


class Fixer:
    """What fix writes for the marks of one text, for a set of codes.

    One rewrite is not always the last: renumbering changes numbers the parser nests by, and the
    fixed text may then hold siblings it did not hold before. So the rewrites are applied, the
    result analysed again (``reanalyse``: the marks of a text, checked with the same settings),
    and so on until the analysis asks for nothing (a fixed point, which a second fix leaves as
    it is). Only the original markers may change; a rewrite anywhere else, or no fixed point
    after `PASSES` analyses, leaves the whole text as it was.
    """

    def __init__(
        self, text: str, marks: list[Mark], reanalyse: Callable[[str], list[Mark]]
    ) -> None:
        self.text = text
        self.marks = marks
        self.reanalyse = reanalyse
        self._settled: dict[frozenset[str], dict[int, str]] = {}

    def rewrites(self, codes: Iterable[str]) -> dict[int, str]:
        """Offset of a marker → what fix writes there instead (changed markers only)."""
        key = frozenset(codes)
        if key not in self._settled:
            self._settled[key] = self._settle(key)
        return self._settled[key]

    def _settle(self, codes: frozenset[str]) -> dict[int, str]:
        slots: dict[int, Mark] = {}
        end = 0
        for mark in sorted(self.marks, key=lambda m: m.start):
            if mark.start >= end:  # one mark per span
                slots[mark.start] = mark
                end = mark.end
        order = list(slots)
        written = {start: slots[start].marker for start in order}
        text, marks = self.text, self.marks
        for _ in range(PASSES):
            wanted = _proposals(text, marks, codes)
            if not wanted:
                return {s: m for s, m in written.items() if m != slots[s].marker}
            # Where each original marker is in the text as rewritten so far.
            where: dict[int, int] = {}
            shift = 0
            for start in order:
                where[start + shift] = start
                shift += len(written[start]) - len(slots[start].marker)
            for at, (old, new) in wanted.items():
                slot = where.get(at)
                if slot is None or written[slot] != old:
                    return {}  # not an original marker: fix changes nothing rather than it
                written[slot] = new
            pieces: list[str] = []
            done = 0
            for start in order:
                pieces.append(self.text[done:start])
                pieces.append(written[start])
                done = slots[start].end
            pieces.append(self.text[done:])
            text = "".join(pieces)
            marks = self.reanalyse(text)
        return {}


def _proposals(text: str, marks: list[Mark], codes: frozenset[str]) -> dict[int, tuple[str, str]]:
    """Offset → (marker, rewrite) for the marks of ``text`` the fixes of ``codes`` change.

    A rewrite is kept only if the grammar reads it back, on its line, as the same marker with
    the intended number (一千、 is no heading, ㊿ has no successor, ——2024年… is a dateline), and
    a run is renumbered as a whole or not at all: half of it renumbered would be a new run.
    """
    out: dict[int, tuple[str, str]] = {}
    runs: dict[int, bool] = {}  # id of a run's first mark → whether it may be renumbered
    for mark in marks:
        number, form = mark.target(codes)
        if number != mark.number:
            key = id(mark.peers[0]) if mark.peers else id(mark)
            if key not in runs:
                runs[key] = all(
                    _reads_back(text, peer, *peer.target(codes)) for peer in mark.peers or (mark,)
                )
            if not runs[key]:
                number = mark.number
        if number == mark.number and form == mark.form:
            continue
        new = mark.written(number, form)
        if new is not None and new != mark.marker and _reads_back(text, mark, number, form):
            out[mark.start] = (mark.marker, new)
    return out


def _reads_back(text: str, mark: Mark, number: int | None, form: Form) -> bool:
    """Does the grammar read ``mark`` rewritten with ``number`` in ``form`` as that marker, on
    its line and with every other marker of the line as it was?"""
    new = mark.written(number, form)
    if new is None:
        return False
    if new == mark.marker:
        return True
    begin = max(text.rfind("\n", 0, mark.start), text.rfind("\r", 0, mark.start)) + 1
    stops = [i for i in (text.find("\n", mark.start), text.find("\r", mark.start)) if i >= 0]
    end = min(stops, default=len(text))
    line = text[begin:end]
    at = mark.start - begin
    old_line = _line_markers(line)
    if (at, mark.marker, mark.number) not in old_line:
        return False
    grow = len(new) - len(mark.marker)
    expected = {(o + grow if o > at else o, m, n) for o, m, n in old_line if o != at}
    expected.add((at, new, number))
    return _line_markers(line[:at] + new + line[at + len(mark.marker) :]) == frozenset(expected)


@lru_cache(maxsize=8192)
def _line_markers(line: str) -> frozenset[tuple[int, str, int | None]]:
    """(offset, marker, number) of the markers the parser finds in ``line`` read on its own (a
    line's class never depends on the lines around it)."""
    out: set[tuple[int, str, int | None]] = set()
    tree = parse(line)
    for doc in tree.iter_documents():
        for sec in doc.iter_sections():
            raw = sec.heading.marker
            lead = len(raw) - len(raw.lstrip(SPACE))
            out.add((sec.heading.marker_start + lead, raw.strip(SPACE), sec.number))
    for leaf in tree.iter_leaves():
        if isinstance(leaf, Paragraph):
            out.update((item.start, item.marker, item.number) for item in leaf.items)
    return frozenset(out)
