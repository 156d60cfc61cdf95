"""The numbering rules of ``govspeech check`` and the marker rewrites of ``govspeech fix``.

`analyse` walks a parsed file and returns findings (records, never exceptions) with stable
codes, plus for every marker what a fix would write instead: only numerals the grammar reads
back, and settled, so that fixing the result again changes nothing (see `_Fixer`). The codes
and their meaning are documented in docs/check.md; `RULES` is the table both commands and the
docs are built from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import pairwise

from attrs import define, field, frozen

from govspeech import parse
from govspeech.nodes import (
    Blank,
    Boilerplate,
    Document,
    Heading,
    Paragraph,
    ParsedFile,
    Section,
)
from govspeech.syntax.families import FAMILIES
from govspeech_plugins.check.markerform import Form, canonical_form, split_marker, width_balance

__all__ = ["RULES", "Analysis", "Finding", "Mark", "Rule", "Settings", "analyse"]


@frozen
class Rule:
    """One check: its code, a short name, what it finds, and how ``fix`` repairs it.

    ``fix`` is ``"safe"`` (always right), ``"unsafe"`` (right unless the text lost an item:
    applied with ``--unsafe-fixes`` only) or None; ``default`` says whether the check runs
    when the configuration selects nothing.
    """

    code: str
    name: str
    summary: str
    fix: str | None
    default: bool = True


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule("GS101", "number-gap", "numbering jumps over a number or goes back", "unsafe"),
        Rule("GS102", "duplicate-number", "a number repeats the previous one (二是, 二是)", "safe"),
        Rule("GS103", "restart-without-parent", "numbering restarts with no parent heading", None),
        Rule("GS104", "not-starting-at-one", "a run of headings does not start at one", "safe"),
        Rule("GS201", "level-order", "a heading sits below one the standard ranks lower", None),
        Rule("GS202", "skipped-level", "a level is skipped (一、 directly above 1．)", None, False),
        Rule(
            "GS301", "mixed-forms", "siblings are written in different forms (1. and 1、)", "safe"
        ),
        Rule("GS302", "non-standard-form", "a marker is not in the standard form", "safe"),
        Rule("GS303", "unbalanced-brackets", "the brackets of a marker do not match", "safe"),
        Rule("GS304", "heading-punctuation", "siblings differ in their final punctuation", None),
        Rule("GS401", "lone-enumeration", "an enumeration with one item (一是, no 二是)", None),
        Rule("GS501", "boilerplate", "web-page boilerplate left in the text", None),
        Rule(
            "GS502", "licence-notice", "a licence notice left at the end of the text", None, False
        ),
    )
}
NUMBERING = frozenset({"GS101", "GS102", "GS104"})
FORMS = frozenset({"GS301", "GS302", "GS303"})

# From the family table: the standard's ranks (GB/T 9704-2012 7.3.3) of the families whose
# level is judged, the ranks of 部分/章/节 above them, and the families that share a run.
_RANK = {f.style: f.rank for f in FAMILIES.values() if f.judged and f.rank is not None}
_RANK_ABOVE = {f.style: f.rank for f in FAMILIES.values() if f.above_cn_num and f.rank is not None}
_GROUP = {f.style: f.group for f in FAMILIES.values() if f.group != f.style}
_FINAL = "。！？；!?;"
_SHI_YAO = frozenset({"enum_shi", "enum_yao"})
_SPACE = " \t\u3000"
# How often fix analyses its own result before it gives up: a renumbering can change what the
# parser nests (二、 一、 三、 → 一、 一、 二、 puts the second 一、 below the first), so the fixed
# text is analysed again until it asks for nothing more; real text settles after one rewrite.
_PASSES = 6


@frozen
class Settings:
    """What to check and the house style (from ``[tool.govspeech.check]`` and the options)."""

    select: frozenset[str] = field(
        factory=lambda: frozenset(c for c, r in RULES.items() if r.default)
    )
    #: ``"auto"`` (．in fullwidth text, . in halfwidth text), ``"．"`` or ``"."``
    arabic_dot: str = "auto"


@frozen
class Finding:
    """One problem: where, which code, what; ``fix`` as in its `Rule`."""

    path: str
    line: int
    column: int
    code: str
    message: str
    fix: str | None

    def render(self) -> str:
        """``path:line:col: CODE message``, with ``[*]`` when fix repairs it (as ruff does)."""
        mark = " [*]" if self.fix == "safe" else ""
        return f"{self.path}:{self.line}:{self.column}: {self.code}{mark} {self.message}"

    def sort_key(self) -> tuple[str, int, int, str]:
        """Path, line, column, code: the order findings are printed in."""
        return (self.path, self.line, self.column, self.code)


@define
class Mark:
    """A marker in the text: a heading's or an enumeration's inside a paragraph."""

    style: str
    kind: str
    number: int | None
    marker: str  # verbatim, without surrounding white space
    start: int  # offset of the marker's first character
    line: int
    column: int
    form: Form
    title: str = ""
    same_line_title: bool = True
    #: what fix would write, by aspect: the renumbered number (number_fix_safe keeps the
    #: jumps GS101 reports), the repaired form
    number_fix: int | None = None
    number_fix_safe: int | None = None
    form_fix: Form | None = None
    codes: set[str] = field(factory=set)
    #: the number as written (二〇 in 二〇、), kept by a fix of the form alone
    numeral: str = ""
    #: the run renumbered with this mark: all of it or none of it is renumbered
    peers: tuple[Mark, ...] = field(default=(), repr=False, eq=False)
    fixer: _Fixer | None = field(default=None, repr=False, eq=False)

    @property
    def end(self) -> int:
        """Offset after the marker's last character."""
        return self.start + len(self.marker)

    def rewritten(self, codes: Iterable[str]) -> str:
        """What fix writes for this marker with the fixes of ``codes`` (those found on it).

        The rewrite of the whole text is settled first (see `_Fixer`): fixing the result
        again changes nothing, and a marker the grammar would not read back is left as it is.
        """
        if self.fixer is None:  # a mark on its own: its own rewrite, unchecked
            return self.written(*self.target(codes)) or self.marker
        return self.fixer.rewrites(codes).get(self.start, self.marker)

    def target(self, codes: Iterable[str]) -> tuple[int | None, Form]:
        """The number and form the fixes of ``codes`` give this mark, before they are checked."""
        chosen = set(codes) & self.codes
        number = self.number
        if chosen & NUMBERING and self.number_fix is not None:
            number = self.number_fix if "GS101" in chosen else self.number_fix_safe
        form = self.form
        if chosen & FORMS and self.form_fix is not None:
            form = self.form_fix
        return number, form

    def written(self, number: int | None, form: Form) -> str | None:
        """The marker with ``number`` in ``form``; None when the script has no numeral for it.

        A fix of the form alone keeps the numeral as written (二〇. → 二〇、).
        """
        if number == self.number and form == self.form:
            return self.marker
        same = number == self.number and form.script == self.form.script
        try:
            return form.render(number, self.numeral if same else None)
        except ValueError:
            return None


@frozen
class Analysis:
    """The findings of one file and its marks (the fixer rewrites those)."""

    findings: list[Finding]
    marks: list[Mark]


class _Fixer:
    """What fix writes for the marks of one text, for a set of codes.

    One rewrite is not always the last: renumbering changes numbers the parser nests by, and the
    fixed text may then hold siblings it did not hold before. So the rewrites are applied, the
    result analysed again, and so on until the analysis asks for nothing (a fixed point, which
    a second fix leaves as it is). Only the original markers may change; a rewrite anywhere
    else, or no fixed point after `_PASSES` analyses, leaves the whole text as it was.
    """

    def __init__(
        self,
        text: str,
        marks: list[Mark],
        settings: Settings,
        noqa: dict[int, frozenset[str] | None],
    ) -> None:
        self.text = text
        self.marks = marks
        self.settings = settings
        self.noqa = noqa
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
        for _ in range(_PASSES):
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
            marks = analyse(parse(text), self.settings, self.noqa).marks
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
            lead = len(raw) - len(raw.lstrip(_SPACE))
            out.add((sec.heading.marker_start + lead, raw.strip(_SPACE), sec.number))
    for leaf in tree.iter_leaves():
        if isinstance(leaf, Paragraph):
            out.update((item.start, item.marker, item.number) for item in leaf.items)
    return frozenset(out)


def _shown(form: Form, number: int | None, like: Mark | None = None) -> str:
    """``number`` in ``form`` for a message: with the numeral of ``like`` where its number and
    script stay, in digits where the script has no numeral (㊿ is the last circled one)."""
    keep = like is not None and like.number == number and like.form.script == form.script
    try:
        return form.render(number, like.numeral if keep and like is not None else None)
    except ValueError:
        return f"{form.prefix}{number}{form.suffix}"


def _width_texts(doc: Document) -> tuple[str, str]:
    """The document's text less boilerplate, without and with its markers."""
    outside: list[str] = []
    whole: list[str] = []
    for leaf in doc.iter_leaves():
        if isinstance(leaf, Boilerplate):
            continue
        text, done = leaf.text, 0
        whole.append(text)
        spans: list[tuple[int, int]] = []
        if isinstance(leaf, Heading):
            spans.append((leaf.marker_start - leaf.start, leaf.marker_end - leaf.start))
        elif isinstance(leaf, Paragraph):
            spans.extend(
                (i.start - leaf.start, i.start - leaf.start + len(i.marker)) for i in leaf.items
            )
        for a, b in spans:
            outside.append(text[done:a])
            done = b
        outside.append(text[done:])
    return "".join(outside), "".join(whole)


def _section_mark(sec: Section) -> Mark:
    head = sec.heading
    raw = head.marker
    lead = len(raw) - len(raw.lstrip(_SPACE))
    marker = raw.strip(_SPACE)
    form, numeral = split_marker(marker)
    start = head.marker_start + lead
    return Mark(
        sec.style,
        sec.kind,
        sec.number,
        marker,
        start,
        head.line,
        start - head.start + 1,
        form,
        sec.title,
        sec.title_line == head.line,
        numeral=numeral,
    )


def _paragraphs(leaves: Iterable[object]) -> list[Paragraph]:
    return [leaf for leaf in leaves if isinstance(leaf, Paragraph)]


def _inline_marks(para: Paragraph) -> list[Mark]:
    marks = []
    for item in para.items:
        if item.style == "sequence":  # 首先… 最后: nothing to number
            continue
        form, numeral = split_marker(item.marker)
        marks.append(
            Mark(
                item.style,
                "enum",
                item.number,
                item.marker,
                item.start,
                item.line,
                item.column,
                form,
                numeral=numeral,
            )
        )
    return marks


def _families(marks: list[Mark]) -> list[str]:
    """The family each mark is numbered in among its siblings.

    (1) and 1) are one family; so are 一是 and 一要 when one stands in the other's sequence
    (一是 二要 三是: a slip of the pen, not two lists; see `_slips`).
    """
    keys = [_GROUP.get(m.style, m.style) for m in marks]
    enums = [i for i, m in enumerate(marks) if m.style in _SHI_YAO]
    k = 0
    while k < len(enums):
        # enums[k] and enums[j] of one style, those between of the other.
        j = k + 1
        while j < len(enums) and marks[enums[j]].style != marks[enums[k]].style:
            j += 1
        between = [marks[i] for i in enums[k + 1 : j]]
        if j < len(enums) and between and _slips(marks[enums[k]], between, marks[enums[j]]):
            for i in enums[k + 1 : j]:
                keys[i] = keys[enums[k]]
            k = j
        else:
            k += 1
    return keys


def _slips(before: Mark | Section, mids: Sequence[Mark | Section], after: Mark | Section) -> bool:
    """Are ``mids`` items of the list of ``before`` and ``after`` written 要 for 是 (or 是 for
    要)? They are when their numbers fill the gap between the two (一是 二要 三要 四是), or, for
    one item, when it follows ``before`` or leads to ``after`` and those two are not
    consecutive themselves (一是 五是 三要 四是 has a slip and a gap; 一是 一要 二是 is a list
    inside a list)."""
    b, a = before.number, after.number
    numbers = [m.number for m in mids]
    if b is None or a is None or not numbers or before.style != after.style:
        return False
    if any(m.number is None or {before.style, m.style} != _SHI_YAO for m in mids):
        return False
    first = numbers[0] or 0
    if numbers != list(range(first, first + len(numbers))):
        return False
    if first == b + 1 and numbers[-1] == a - 1:
        return True
    return len(numbers) == 1 and a != b + 1 and first in (b + 1, a - 1)


def _runs(marks: list[Mark], keys: list[str]) -> Iterator[tuple[list[Mark], bool]]:
    """Siblings of one family, split where numbering starts again at one; with each run,
    whether it is such a restart (not the family's first run among these siblings)."""
    groups: dict[str, list[Mark]] = {}
    for mark, key in zip(marks, keys, strict=True):
        if mark.number is not None and mark.style != "sequence":
            groups.setdefault(key, []).append(mark)
    for group in groups.values():
        run: list[Mark] = []
        restart = False
        for mark in group:
            prev = run[-1].number if run else None
            assert mark.number is not None
            # Headings start again only at one; an enumeration whose number drops is a new
            # list (its first items may sit inside a paragraph), a repeated number a slip.
            again = mark.number == 1 and len(run) > 1 and prev != 1
            if mark.kind == "enum" and prev is not None and mark.number < prev:
                # … unless it is the number its place in the run calls for: 一是 五是 三是 is
                # one list with a slip, not two.
                place = {len(run) + 1, (run[0].number or 0) + len(run)}
                again = mark.number not in place
            if again:
                yield run, restart
                run, restart = [], True
            run.append(mark)
        if run:
            yield run, restart


class _Checker:
    def __init__(
        self, tree: ParsedFile, settings: Settings, noqa: dict[int, frozenset[str] | None]
    ) -> None:
        self.tree = tree
        self.settings = settings
        self.noqa = noqa
        self.path = tree.path or "<text>"
        self.findings: list[Finding] = []
        self.marks: list[Mark] = []
        self.joined: set[int] = set()  # enumeration items whose paragraphs go on with the list
        self.adopted: set[int] = set()  # slips nested below the item before them (see slips)

    def add(self, code: str, line: int, column: int, message: str, mark: Mark | None) -> bool:
        """Record a finding unless its code is not selected or suppressed on its line; say
        whether it was recorded."""
        if code not in self.settings.select:
            return False
        suppressed = self.noqa.get(line, frozenset())
        if suppressed is None or code in suppressed:
            return False
        if mark is not None:
            mark.codes.add(code)
        self.findings.append(Finding(self.path, line, column, code, message, RULES[code].fix))
        return True

    def flag(self, mark: Mark, code: str, message: str) -> bool:
        return self.add(code, mark.line, mark.column, message, mark)

    # ------------------------------------------------------------------ documents

    def run(self) -> Analysis:
        # One finding per block of boilerplate (a licence trailer is dozens of lines); blank
        # lines do not end a block.
        block: list[Boilerplate] = []
        for leaf in self.tree.iter_leaves():
            if isinstance(leaf, Boilerplate):
                if block and block[-1].reason != leaf.reason:
                    self.boilerplate(block)
                    block = []
                block.append(leaf)
            elif not isinstance(leaf, Blank) and block:
                self.boilerplate(block)
                block = []
        if block:
            self.boilerplate(block)
        for doc in self.tree.iter_documents():
            self.document(doc)
        fixer = _Fixer(self.tree.text, self.marks, self.settings, self.noqa)
        for mark in self.marks:
            mark.fixer = fixer
        return Analysis(self.findings, self.marks)

    def boilerplate(self, block: list[Boilerplate]) -> None:
        lines = [leaf.content.strip() for leaf in block if leaf.content.strip()]
        if not lines:
            return
        snippet = lines[0] if len(lines[0]) <= 24 else lines[0][:24] + "…"
        more = f" (and {len(lines) - 1} more lines)" if len(lines) > 1 else ""
        what = {"licence": "a licence trailer", "preamble": "a site's preamble"}.get(
            block[0].reason, "web-page boilerplate"
        )
        first = next(leaf for leaf in block if leaf.content.strip())
        # A licence notice (Wikisource's public-domain trailer) is GS502, off by default.
        code = "GS502" if block[0].reason == "licence" else "GS501"
        self.add(code, first.line, first.column, f"{what} left in the text: {snippet}{more}", None)

    def document(self, doc: Document) -> None:
        # The width is judged on the text outside the markers, which fix never changes (一. → 一、
        # would tip a text with one other . and one ；), and on a tie with them: a fix writes
        # markers in the width chosen, so the majority that chose it only grows.
        outside, whole = _width_texts(doc)
        fullwidth = (width_balance(outside) or width_balance(whole)) >= 0
        dot = self.settings.arabic_dot
        if dot == "auto":
            dot = "．" if fullwidth else "."
        self.fullwidth, self.dot = fullwidth, dot
        self.siblings(doc.sections, None, _paragraphs(doc.opening))
        stack = list(doc.sections)
        while stack:
            sec = stack.pop()
            # An enumeration item whose paragraph goes on with the next item (三是….四是…)
            # was checked with its siblings; other paragraphs start lists of their own.
            own = () if id(sec) in self.joined else sec.paragraphs
            children = tuple(c for c in sec.children if id(c) not in self.adopted)
            self.siblings(children, sec, own)
            stack.extend(sec.children)

    # ------------------------------------------------------------------ siblings

    def siblings(
        self, sections: tuple[Section, ...], parent: Section | None, own: Iterable[Paragraph]
    ) -> None:
        """Check the children of one parent, with the enumerations written inside the
        parent's paragraphs and inside enumeration items' paragraphs, in text order."""
        sections = self.slips(sections)
        heads = [_section_mark(s) for s in sections]
        for mark, sec in zip(heads, sections, strict=True):
            if parent is not None:
                self.levels(parent, sec, mark)
        inline = [m for para in own for m in _inline_marks(para)]
        for k, (sec, head) in enumerate(zip(sections, heads, strict=True)):
            if sec.kind != "enum" or sec.number is None:
                continue
            theirs = [m for para in sec.paragraphs for m in _inline_marks(para)]
            if not theirs:
                continue
            nxt = heads[k + 1] if k + 1 < len(heads) else None
            # 一是….二是… in 一是's paragraph, or 一是….二要… (a slip: GS301, not a new list).
            goes_on = theirs[0].number == sec.number + 1 and (
                theirs[0].form == head.form or {theirs[0].style, head.style} == _SHI_YAO
            )
            # 二要… / 抓好资源节约。一要… 二要… 三要… / 四要…: a list begun inside an item's
            # paragraph that the next item goes on with.
            feeds_next = (
                nxt is not None
                and nxt.kind == "enum"
                and nxt.number is not None
                and nxt.number != sec.number + 1
                and theirs[-1].number == nxt.number - 1
                and theirs[-1].form == nxt.form
            )
            if goes_on or feeds_next:
                inline.extend(theirs)
                self.joined.add(id(sec))
        marks = sorted(heads + inline, key=lambda m: m.start)
        self.marks.extend(marks)
        for mark in marks:
            self.forms(mark)
        keys = _families(marks)
        runs = list(_runs(marks, keys))
        for run, restart in runs:
            self.numbering(run, restart=restart)
        self.mixed_forms(marks, keys)
        self.punctuation([run for run, _ in runs])
        self.lone(heads, sections, inline)

    def slips(self, sections: tuple[Section, ...]) -> tuple[Section, ...]:
        """The sections with a slip of the pen put back among its siblings.

        一是 standing alone on its line is a heading the parser nests the next items under
        when they are of another family: 一是… / 二要… / 三是… puts 二要 below 一是. It is the
        second item of the list, written 要 for 是 (GS301), not a list of its own.
        """
        out: list[Section] = []
        for k, sec in enumerate(sections):
            out.append(sec)
            nxt = sections[k + 1] if k + 1 < len(sections) else None
            mids: list[Section] = []
            for child in sec.children:
                if child.style not in _SHI_YAO or child.style == sec.style:
                    break
                if mids and child.style != mids[0].style:
                    break
                mids.append(child)
            if nxt is not None and mids and _slips(sec, mids, nxt):
                out.extend(mids)
                self.adopted.update(id(c) for c in mids)
        return tuple(out)

    def numbering(self, run: list[Mark], *, restart: bool) -> None:
        first = run[0]
        numbered = first.kind == "numbered"
        if not numbered and len(run) > 1 and all(m.number == 1 for m in run):
            # 一是坚持四项基本原则，一是坚持改革开放: "one … the other …", not a slip.
            return
        # Enumerations restart freely (two lists in one section); headings should not.
        if restart and numbered:
            self.flag(
                first,
                "GS103",
                f"numbering restarts at {first.marker} with no parent heading above it",
            )
        if numbered and first.number not in (None, 1):
            self.flag(
                first, "GS104", f"{first.marker} starts a run: expected {_shown(first.form, 1)}"
            )
        # The step from the item before, for the jumps: a safe fix keeps them (renumbering
        # 一、 二、 二、 五、 gives 一、 二、 三、 五、; only --unsafe-fixes closes the gap).
        steps = [1] * len(run)
        for position, (prev, mark) in enumerate(pairwise(run), 2):
            assert prev.number is not None and mark.number is not None
            expected = _shown(mark.form, prev.number + 1)
            if mark.number == prev.number:
                self.flag(
                    mark,
                    "GS102",
                    f"duplicate number: {mark.marker} repeats {prev.marker} (expected {expected})",
                )
            elif mark.number not in (prev.number + 1, position):
                # A number that follows its predecessor, or stands where it should after an
                # earlier slip (一是 二是 二是 四是), is right: flag only where the slip is.
                steps[position - 1] = mark.number - prev.number
                self.flag(
                    mark,
                    "GS101",
                    f"numbering jumps from {prev.marker} to {mark.marker} (expected {expected})",
                )
        if any(m.codes & NUMBERING for m in run):
            # Renumber from where the run starts: at one when GS104 says it should (or the
            # first number is none), else at its first number (an enumeration whose 一是 sits
            # in an earlier paragraph).
            base = first.number
            if "GS104" in first.codes or base is None or base < 1:
                base = 1
            found = {c for m in run for c in m.codes & NUMBERING}
            # The safe numbers rise strictly: a repeat or a step back becomes the next number,
            # so a second fix finds no repeat (GS102) and no run that starts again (_runs).
            safe = base
            peers = tuple(run)
            for k, (mark, step) in enumerate(zip(run, steps, strict=True)):
                if k and step != 1 and mark.number is not None and mark.number > safe + 1:
                    safe = mark.number  # a jump left as it is
                elif k:
                    safe += max(step, 1)  # the next number, or a jump kept as a jump
                mark.number_fix, mark.number_fix_safe = base + k, safe
                mark.codes |= found
                mark.peers = peers

    # ------------------------------------------------------------------ forms

    def forms(self, mark: Mark) -> None:
        canonical = canonical_form(
            mark.style, mark.form, fullwidth=self.fullwidth, arabic_dot=self.dot
        )
        if canonical == mark.form:
            return
        mark.form_fix = canonical
        want = _shown(canonical, mark.number, mark)
        opens = {"（": "）", "(": ")"}
        prefix, suffix = mark.form.prefix.strip(), mark.form.suffix.strip()
        if prefix in opens and suffix[:1] in ("）", ")") and opens[prefix] != suffix[:1]:
            self.flag(mark, "GS303", f"unbalanced brackets in {mark.marker}: write {want}")
        else:
            self.flag(
                mark,
                "GS302",
                f"non-standard marker {mark.marker}: {self._why(mark, canonical)}write {want}",
            )

    def _why(self, mark: Mark, canonical: Form) -> str:
        form = mark.form
        if form.script == "fullwidth":
            return "fullwidth digits; "
        if " " in form.prefix + form.suffix or "\u3000" in form.prefix + form.suffix:
            return "spaces inside the marker; "
        if form.suffix.startswith(("）", ")")) and len(form.suffix) > 1:
            return f"stray {form.suffix[1:]} after the bracket; "
        if form.prefix in ("(", "（") and form.prefix != canonical.prefix:
            width = "halfwidth" if form.prefix == "(" else "fullwidth"
            return f"{width} brackets in {'full' if self.fullwidth else 'half'}width text; "
        return ""

    def mixed_forms(self, marks: list[Mark], keys: list[str]) -> None:
        # A marker GS302/GS303 rewrites counts in the form it will have: 第一、 第二， are
        # one form (第一， once fixed), not two.
        def form(m: Mark) -> Form:
            if m.codes & {"GS302", "GS303"} and m.form_fix is not None:
                return m.form_fix
            return m.form

        groups: dict[str, list[Mark]] = {}
        for mark, key in zip(marks, keys, strict=True):
            if mark.style not in ("dash", "sequence"):
                groups.setdefault(key, []).append(mark)
        for group in groups.values():
            written = [form(m) for m in group]
            forms = Counter(written)
            if len(forms) < 2:
                continue
            majority = max(forms, key=lambda f: (forms[f], -written.index(f)))
            for mark, f in zip(group, written, strict=True):
                if f == majority:
                    continue
                example = _shown(majority, mark.number, mark)
                message = f"{mark.marker} is written unlike its siblings ({example})"
                if not mark.codes & {"GS302", "GS303"}:
                    mark.form_fix = majority
                    self.flag(mark, "GS301", message)
                elif self.flag(mark, "GS301", message):
                    # Its standard form is still unlike the others (（2) among 1) 2), where 1)
                    # has no standard form): written the standard way, the next check would
                    # find it unlike them, so it is written like them at once.
                    mark.form_fix = majority

    # ------------------------------------------------------------------ levels

    def levels(self, parent: Section, child: Section, mark: Mark) -> None:
        if parent.kind != "numbered" or child.kind != "numbered":
            return
        p = _RANK_ABOVE.get(parent.style, _RANK.get(parent.style))
        c = _RANK_ABOVE.get(child.style, _RANK.get(child.style))
        if p is None or c is None:
            return
        if c < p and child.style in _RANK:
            self.flag(
                mark,
                "GS201",
                f"{mark.marker} sits below {parent.marker.strip()}; the standard puts it above",
            )
        elif c > p + 1 and p >= 3:
            missing = {4: "（一）", 5: "1．", 6: "（1）"}
            skipped = "、".join(missing[r] for r in range(p + 1, c) if r in missing)
            self.flag(
                mark,
                "GS202",
                f"{mark.marker} directly below {parent.marker.strip()} skips the level {skipped}",
            )

    # ------------------------------------------------------------------ headings

    def punctuation(self, runs: list[list[Mark]]) -> None:
        # Headings are compared within their run: a list that restarts at 一、 (already
        # GS103) is not the siblings of the run before it.
        for run in runs:
            group = [
                m for m in run if m.kind == "numbered" and m.same_line_title and m.title.strip()
            ]
            ends = [m.title.rstrip()[-1:] in _FINAL for m in group]
            if len(group) < 2 or all(ends) or not any(ends):
                continue
            punctuated = sum(ends) * 2 > len(group) or (sum(ends) * 2 == len(group) and ends[0])
            for mark, end in zip(group, ends, strict=True):
                if end != punctuated:
                    what = "ends with punctuation" if end else "has no final punctuation"
                    self.flag(mark, "GS304", f"the heading {what}, unlike its siblings")

    def lone(self, heads: list[Mark], sections: tuple[Section, ...], inline: list[Mark]) -> None:
        families: Counter[str] = Counter(m.style for m in heads + inline if m.kind == "enum")
        for mark in heads:
            if mark.kind != "enum" or mark.style == "sequence" or families[mark.style] != 1:
                continue
            if mark.number == 1:
                nxt = _shown(mark.form, 2)
                self.flag(mark, "GS401", f"{mark.marker} is the only item: no {nxt} follows")


def analyse(
    tree: ParsedFile,
    settings: Settings | None = None,
    noqa: dict[int, frozenset[str] | None] | None = None,
) -> Analysis:
    """The findings of ``tree`` for the selected codes, less those suppressed on their line.

    ``noqa`` maps a line number to the codes suppressed there (None: all). Marks carry only
    the codes found (and not suppressed) on them, so a fix never touches a suppressed marker.
    """
    checker = _Checker(tree, settings or Settings(), noqa or {})
    return checker.run()
