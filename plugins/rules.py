"""The numbering rules of ``govspeech check`` and the marker rewrites of ``govspeech fix``.

`analyse` walks a parsed file and returns findings (records, never exceptions) with stable
codes, plus for every marker what a fix would write instead. The codes and their meaning are
documented in docs/check.md; `RULES` is the table both commands and the docs are built from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise

from attrs import define, field, frozen

from govspeech.nodes import Blank, Boilerplate, Document, Paragraph, ParsedFile, Section

from .markerform import Form, canonical_form, split_marker, text_is_fullwidth

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

# The standard's ranks (GB/T 9704-2012 7.3.3) of the families a skipped level is judged on.
_RANK = {"cn_num": 3, "cn_bare": 3, "cn_paren": 4, "ar_dot": 5, "ar_paren": 6, "ar_half_paren": 6}
_RANK_ABOVE = {"part": 0, "chapter": 1, "section": 2}
# Families that share a level when nesting: (1) and 1) are one run.
_GROUP = {"ar_half_paren": "ar_paren", "cn_bare": "cn_num"}
_FINAL = "。！？；!?;"
_SHI_YAO = frozenset({"enum_shi", "enum_yao"})


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

    @property
    def end(self) -> int:
        """Offset after the marker's last character."""
        return self.start + len(self.marker)

    def rewritten(self, codes: Iterable[str]) -> str:
        """The marker with the fixes of ``codes`` (those found on it) applied."""
        chosen = set(codes) & self.codes
        number = self.number
        if chosen & NUMBERING and self.number_fix is not None:
            number = self.number_fix if "GS101" in chosen else self.number_fix_safe
        form = self.form
        if chosen & FORMS and self.form_fix is not None:
            form = self.form_fix
        if number == self.number and form == self.form:
            return self.marker
        return form.render(number)


@frozen
class Analysis:
    """The findings of one file and its marks (the fixer rewrites those)."""

    findings: list[Finding]
    marks: list[Mark]


def _section_mark(sec: Section) -> Mark:
    head = sec.heading
    raw = head.marker
    lead = len(raw) - len(raw.lstrip(" \t\u3000"))
    marker = raw.strip(" \t\u3000")
    form, _ = split_marker(marker)
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
    )


def _paragraphs(leaves: Iterable[object]) -> list[Paragraph]:
    return [leaf for leaf in leaves if isinstance(leaf, Paragraph)]


def _inline_marks(para: Paragraph) -> list[Mark]:
    marks = []
    for item in para.items:
        if item.style == "sequence":  # 首先… 最后: nothing to number
            continue
        form, _ = split_marker(item.marker)
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

    def add(self, code: str, line: int, column: int, message: str, mark: Mark | None) -> None:
        if code not in self.settings.select:
            return
        suppressed = self.noqa.get(line, frozenset())
        if suppressed is None or code in suppressed:
            return
        if mark is not None:
            mark.codes.add(code)
        self.findings.append(Finding(self.path, line, column, code, message, RULES[code].fix))

    def flag(self, mark: Mark, code: str, message: str) -> None:
        self.add(code, mark.line, mark.column, message, mark)

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
        text = "".join(leaf.text for leaf in doc.iter_leaves() if not isinstance(leaf, Boilerplate))
        fullwidth = text_is_fullwidth(text)
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
                first, "GS104", f"{first.marker} starts a run: expected {first.form.render(1)}"
            )
        # The step from the item before, for the jumps: a safe fix keeps them (renumbering
        # 一、 二、 二、 五、 gives 一、 二、 三、 五、; only --unsafe-fixes closes the gap).
        steps = [1] * len(run)
        for position, (prev, mark) in enumerate(pairwise(run), 2):
            assert prev.number is not None and mark.number is not None
            expected = mark.form.render(prev.number + 1)
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
            # Renumber from where the run starts: at one when GS104 says it should, else at
            # its first number (an enumeration whose 一是 sits in an earlier paragraph).
            base = 1 if "GS104" in first.codes or first.number is None else first.number
            found = {c for m in run for c in m.codes & NUMBERING}
            safe = base
            for k, (mark, step) in enumerate(zip(run, steps, strict=True)):
                if k and step != 1 and mark.number is not None and mark.number > safe + 1:
                    safe = mark.number  # a jump left as it is
                elif k:
                    safe += step  # the next number, or a jump kept as a jump
                mark.number_fix, mark.number_fix_safe = base + k, safe
                mark.codes |= found

    # ------------------------------------------------------------------ forms

    def forms(self, mark: Mark) -> None:
        canonical = canonical_form(
            mark.style, mark.form, fullwidth=self.fullwidth, arabic_dot=self.dot
        )
        if canonical == mark.form:
            return
        mark.form_fix = canonical
        want = canonical.render(mark.number) if mark.number is not None else canonical.prefix
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
                if f != majority and not mark.codes & {"GS302", "GS303"}:
                    example = majority.render(mark.number)
                    mark.form_fix = majority
                    self.flag(
                        mark, "GS301", f"{mark.marker} is written unlike its siblings ({example})"
                    )

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
                nxt = mark.form.render(2)
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
