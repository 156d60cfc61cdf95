"""The level resolver: from classified lines to the token stream the grammar parses.

`tokens` is the parser's post-lexer (as lark's Indenter is): it sits between the line lexer
and the LALR parser and injects the tokens that carry structure:
``_DOC``/``_SUB``/``_END`` around documents, ``_INDENT``/``_DEDENT`` around child sections,
``_CLOSING`` before a speech's closing. What it decides, per document:

* where documents start (title lines) and where speeches run together without a title start
  (a salutation or an opening paragraph after the speech already had headings);
* how deep each heading sits. Levels are not fixed by marker family: a family takes the level
  at which it first appears in the document, below the heading that is open then. The full
  rules are in docs/nesting.md.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Iterator, Sequence
from itertools import pairwise
from typing import Any, NamedTuple, cast

from govspeech.nodes import (
    INDENT_CHARS,
    LINE_ENDINGS,
    Blank,
    Boilerplate,
    Heading,
    Paragraph,
    Section,
    TitleLine,
)
from govspeech.syntax.elements import ending, masthead, opening_elements
from govspeech.syntax.families import FAMILIES
from govspeech.syntax.grammar import LinePatterns
from govspeech.syntax.lexer import first_sentence
from govspeech.syntax.numerals import marker_number
from govspeech.syntax.patterncache import compile_cached
from govspeech.syntax.tokens import LeafToken, LineToken, Token, marker, new_token

__all__ = ["HeadingInfo", "resolve_levels", "tokens"]

_TITLE_BLOCK = frozenset({"TITLE", "DATELINE", "BLANK", "BOILERPLATE"})
#: How many headings after a restarted run are read to decide whether it is nested. Real nested
#: lists are a few dozen headings long; the bound keeps hostile input (10⁵ repeats) linear.
RESTART_LOOKAHEAD = 1000
#: Lists restarting inside lists nest at most this deep; real documents have fewer than ten
#: levels, and the bound keeps the open-heading stack (searched per heading) short.
MAX_NESTED_DEPTH = 32


#: Each family's name → the family its runs count in ((1) and 1) are one, 首先， and 首先要 too).
_RUN_FAMILY = {name: fam.nests_as or name for name, fam in FAMILIES.items()}


class HeadingInfo(NamedTuple):
    """What the resolver decided about one heading: `Section`'s first eight fields, in its
    order (a test keeps the two the same).

    The resolver makes plain tuples of these fields and passes them to `Section` positionally
    (the hot path of the parse); this names them.
    """

    kind: str
    style: str
    number: int | None
    level: int
    title: str
    title_start: int
    title_end: int
    title_line: int


def _titled(line: LineToken) -> bool:
    heading = cast(Heading, line.leaves[0])
    return heading.title_end > heading.title_start


_tok = LeafToken
_marker_tok = marker


class _Entry:
    __slots__ = ("clauses", "family", "number", "owned", "soft")

    def __init__(self, family: str, number: int | None, soft: bool, owned: bool = False) -> None:
        self.family = family
        self.number = number
        self.soft = soft
        # Whether its run is a list of clauses (…；…；…。): a second such list after it is a
        # list of its own, not one inside its last item.
        self.clauses = False
        # A numbered list that spells out an enumeration item (第一、 … 一、二、三、): the next
        # item of the enumeration closes it, as it closes the item.
        self.owned = owned


def _find(stack: list[_Entry], family: str, number: int | None) -> int | None:
    """Index of the open entry of ``family`` that ``number`` continues (else the innermost)."""
    found = None
    for i in range(len(stack) - 1, -1, -1):
        entry = stack[i]
        if entry.family != family:
            continue
        if number is not None and entry.number is not None and entry.number + 1 == number:
            return i
        if found is None:
            found = i
    return found


def _nested_restart(
    heads: Sequence[tuple[str, int | None]],
    p: int,
    stack: list[_Entry],
    idx: int,
    fresh: Collection[int] = (),
) -> bool:
    """Is the run restarting at ``heads[p]`` a list nested inside the open section?

    It is when, after the run (1, 2, 3 …), the outer sequence goes on where it left off —
    一、二、三、四、 [一、二、三、] 五、 — before any heading of an enclosing family.
    """
    if len(stack) >= MAX_NESTED_DEPTH:
        return False
    family, number = heads[p]
    outer_next = (stack[idx].number or 0) + 1
    expected = (number or 0) + 1
    enclosing = {e.family for e in stack[:idx]}
    # Indices, not a slice: a slice would copy the rest of the headings for every restart.
    for q in range(p + 1, min(len(heads), p + 1 + RESTART_LOOKAHEAD)):
        fam, num = heads[q]
        if fam in enclosing or FAMILIES[fam].above_cn_num or q in fresh:
            return False
        if fam != family:
            continue
        if num == expected:
            expected += 1
        else:
            return num == outer_next
    return False


def _short_list(heads: Sequence[tuple[str, int | None]], clause: Sequence[bool], p: int) -> bool:
    """Is the run starting at ``heads[p]`` (1, 2, 3 … of one family) a list of clauses of one
    sentence (一、…；二、…；三、…。): at least two items, each a line of its own ending with ；
    but the last?"""
    family = heads[p][0]
    expected, run = 1, []
    for q in range(p, min(len(heads), p + RESTART_LOOKAHEAD)):
        fam, num = heads[q]
        if fam != family or num != expected:
            break
        run.append(q)
        expected += 1
    return len(run) >= 2 and all(clause[q] for q in run[:-1])


def _clause(lines: Sequence[LineToken], i: int, nxt: int) -> bool:
    """Is the heading at line ``i`` a clause of a sentence: alone, with no body before the
    next heading (line ``nxt``), ending with ；?"""
    line = lines[i]
    if len(line.leaves) != 1 or any(lines[j].type != "BLANK" for j in range(i + 1, nxt)):
        return False
    return line.leaves[0].text.rstrip().endswith(("；", ";"))


def resolve_levels(
    heads: Sequence[tuple[str, int | None, bool]],
    bare: Sequence[bool] | None = None,
    fresh: Collection[int] = (),
) -> list[int]:
    """The nesting level (1 = top) of each heading.

    ``heads`` gives, for each heading in order, its terminal name, its number and whether it
    stands alone on its line (no body text after the title sentence); ``bare`` whether the
    heading is all its section has (no body line before the next heading); ``fresh`` the
    indices of the headings a part without a number comes before (关于外交工作 … 一、): they
    start again at the top. See docs/nesting.md.
    """
    stack: list[_Entry] = []
    levels: list[int] = []
    pairs = [(_RUN_FAMILY[name], number) for name, number, _ in heads]
    bare = bare if bare is not None else [False] * len(heads)
    for p, ((family, number), (_, _, alone)) in enumerate(zip(pairs, heads, strict=True)):
        fam = FAMILIES[family]
        if p in fresh:
            stack.clear()
        if fam.rank is None:
            # An item continues the run of its family that is open, wherever it is; the
            # points of a speech go on across their families (第一、…第四、 then 最后，) …
            idx = next(
                (
                    i
                    for i in range(len(stack) - 1, -1, -1)
                    if stack[i].family == family
                    or (fam.holds_lists and FAMILIES[stack[i].family].holds_lists)
                ),
                None,
            )
            if idx is not None:
                del stack[idx:]
            else:
                # … or starts a run below the numbered heading open now: items of one run
                # never nest inside items of another, nor inside the list that spells one out.
                while stack and (stack[-1].soft or stack[-1].owned):
                    stack.pop()
            # 第一，全国动员，大办农业 standing alone is a heading that numbered headings may
            # sit under; 一是…。 followed by body text on its line, or a —— item, is not.
            firm = alone and fam.kind == "enum"
            stack.append(_Entry(family, number, not firm))
            levels.append(len(stack))
            continue
        rank = fam.rank
        closed: list[_Entry] = []  # the paragraph-like items this heading closes
        owned = clauses = False
        while stack and stack[-1].soft:
            closed.append(stack.pop())
        if fam.above_cn_num:
            while stack and _rank(stack[-1]) >= rank:
                stack.pop()
        else:
            idx = _find(stack, family, number)
            if idx is None:
                if stack and rank < _rank(stack[-1]) and number is not None and number > 1:
                    # 二、 after a run of （一）（二） whose 一、 was lost: the run was under a
                    # lost parent, and 二、 goes back up to the level of that parent.
                    while stack and _rank(stack[-1]) >= rank:
                        stack.pop()
            else:
                restart = (
                    number is not None
                    and stack[idx].number is not None
                    and number <= stack[idx].number  # type: ignore[operator]
                )
                if not restart:
                    owned = stack[idx].owned  # the next item of the same list
                    clauses = stack[idx].clauses
                    del stack[idx:]
                elif _nested_restart(pairs, p, stack, idx, fresh):
                    pass  # a list restarting inside the open section, pushed below it
                elif number == 1:
                    # 一、…五、 restarting while 六、 is open, and 六、's list does not go on
                    # after it: a list inside the point that is open (第一、…, whose items it
                    # spells out), or a list of clauses (…；…。) inside the open section. A
                    # run restarting at the top with sections of its own stays a sibling.
                    if closed and FAMILIES[closed[-1].family].holds_lists:
                        stack.extend(reversed(closed))
                        owned = True
                    elif (
                        not closed
                        and len(stack) > idx + 1
                        and FAMILIES[stack[-1].family].holds_lists
                    ):
                        owned = True  # below 第一、 standing alone on its line
                    elif stack[idx].clauses or not _short_list(pairs, bare, p):
                        del stack[idx:]
                    # else: a list of clauses (…；…；…。) below the section open
                else:
                    del stack[idx:]
        entry = _Entry(family, number, False, owned)
        entry.clauses = clauses or bare[p]
        stack.append(entry)
        levels.append(len(stack))
    return levels


def _rank(entry: _Entry) -> int:
    """The canonical rank of an open entry; enumerations (firm ones) rank below everything."""
    rank = FAMILIES[entry.family].rank
    return 99 if rank is None else rank


def _title_blocks(lines: Sequence[LineToken]) -> list[tuple[int, int]]:
    """(first, last) line indices of each run of title lines."""
    blocks: list[tuple[int, int]] = []
    i, n = 0, len(lines)
    while i < n:
        if lines[i].type != "TITLE":
            i += 1
            continue
        last = i
        j = i + 1
        while j < n and lines[j].type in _TITLE_BLOCK:
            if lines[j].type in ("TITLE", "DATELINE"):
                last = j
            j += 1
        blocks.append((i, last))
        i = last + 1
    return blocks


def _restarts(lines: Sequence[LineToken], i: int, hi: int) -> bool:
    """Does the next heading after line ``i`` start a fresh run (一、 （一） 一是 ——)?"""
    for j in range(i + 1, hi):
        if lines[j].type in FAMILIES:
            return lines[j].number in (None, 1)
    return False


def _segments(lines: Sequence[LineToken], lo: int, hi: int) -> list[tuple[int, int]]:
    """Split lines[lo:hi] where a speech run together with the previous one begins.

    That is a salutation (同志们：) or an opening paragraph (今天召开…会议) after the speech
    already had headings, when the headings after it start afresh. 各位代表！ in the course of
    a report, or 各位代表： followed by （二）, does not split.
    """
    cuts = [lo]
    seen_heading = False
    prev_cls = ""
    for i in range(lo, hi):
        cls = lines[i].type
        if cls in FAMILIES:
            seen_heading = True
        elif (
            seen_heading
            and (cls == "SALUTATION" or (cls == "OPENING" and prev_cls not in FAMILIES))
            and _restarts(lines, i, hi)
        ):
            cuts.append(i)
            seen_heading = False
        if cls != "BLANK":
            prev_cls = cls
    cuts.append(hi)
    return [(a, b) for a, b in pairwise(cuts) if a < b]


#: The line classes a final call's paragraphs may have.
_CALL_TEXT = frozenset({"PARA", "ADDRESS_LEAD", "ADDRESS_TURN", "CALL", "SUMMING_UP", "DOC_DATE"})
#: A paragraph opening with an address, with its exclamation or a comma.
_ADDRESS_LEADS = frozenset({"ADDRESS_LEAD", "ADDRESS_TURN"})
#: At most this many paragraphs after 各位代表！ make a report's final call.
FINAL_CALL_PARAGRAPHS = 3


def _final_call(lines: Sequence[LineToken], lo: int, hi: int) -> int:
    """Where a report's or congress speech's closing starts, or ``hi``.

    The final call (让我们…，为…而努力奋斗！) follows the last 各位代表！ after the last heading,
    standing alone or opening a paragraph, with at most `FINAL_CALL_PARAGRAPHS` paragraphs
    after it to the end; an address standing alone a little before it (各位代表： then the
    call's paragraphs) starts the closing instead.
    """
    addresses = ("ADDRESS", "SALUTATION", "ADDRESS_LEAD", "ADDRESS_TURN", "CALL")
    last = next((i for i in range(hi - 1, lo - 1, -1) if lines[i].type in addresses), None)
    if last is None or _paragraphs_after(lines, last, hi) is None:
        return hi
    start = last
    between = 0  # paragraphs between line i and the start found so far
    for i in range(last - 1, lo - 1, -1):
        kind = lines[i].type
        if kind in ("ADDRESS", "SALUTATION") and _paragraphs_after(lines, i, hi) is not None:
            start, between = i, 0
        elif kind in _ADDRESS_LEADS and between == 0:
            start = i  # 各位代表！以上我报告了…, right before the call
        elif kind in _CALL_TEXT:
            between += 1
            if between > FINAL_CALL_PARAGRAPHS:
                break  # no address further back can start a call this short
        elif kind not in ("BLANK", "BOILERPLATE", "SLOGAN"):
            break
    return start


def _paragraphs_after(lines: Sequence[LineToken], i: int, hi: int) -> int | None:
    """How many paragraphs follow line ``i`` to ``hi``, or None when there are more than a
    final call has, or a line that is no paragraph."""
    count = 0
    for j in range(i + 1, hi):
        kind = lines[j].type
        if kind in ("BLANK", "BOILERPLATE"):
            continue
        if kind == "SLOGAN":
            continue  # 全国各族人民大团结万岁！ closes the call, however many there are
        if kind not in _CALL_TEXT:
            return None
        count += 1
        if count > FINAL_CALL_PARAGRAPHS:
            return None
    return count


#: The line classes that are paragraphs of a section's text (not blank, not boilerplate, not
#: headings): what can go back up when a list ends.
_TEXT_LINES = frozenset(
    {
        "PARA",
        "SUMMING_UP",
        "PART_TITLE",
        "CONCLUSION",
        "DOC_DATE",
        "ATTACHMENTS",
        "DOC_NUMBER",
        "ADDRESSEES",
        "ADDRESS_LEAD",
        "ADDRESS_TURN",
        "CALL",
        "SLOGAN",
        "OPENING",
        "ADDRESS",
        "SALUTATION",
        "CLOSING",
        "DATELINE",
        "CONTENTS",
        "NOTES",
        "COPY_NUMBER",
        "SECRECY",
        "URGENCY",
        "ISSUER_MARK",
        "SIGNER",
        "CC",
        "PRINTING",
        "KEYWORDS",
        "PROOF",
    }
)
#: The line classes a marker-only heading may take its title from: plain paragraphs.
_TITLE_TEXT = frozenset({"PARA", "SUMMING_UP", "PART_TITLE", "DOC_DATE"})
#: Of the items of a run before its last, at least this share must be one paragraph each (a
#: line broken in two by a web page makes a second paragraph now and then) for the run to be
#: a list of one-paragraph items.
ONE_PARAGRAPH_SHARE = 0.75


def _run_in(line: LineToken) -> bool:
    """Does the heading line go on after its title (its body on the same line)?"""
    return len(line.leaves) > 1


def _family(line: LineToken) -> str:
    """The family a heading line's run counts in."""
    return _RUN_FAMILY[line.type]


def _continues(line: LineToken, nxt: LineToken) -> bool:
    """Is ``nxt`` the next item of ``line``'s list (its family, the next number)?"""
    if _RUN_FAMILY[line.type] != _RUN_FAMILY[nxt.type]:
        return False
    return line.number is None or nxt.number is None or nxt.number == line.number + 1


def _first_paragraph(
    lines: Sequence[LineToken], i: int, end: int, titled: bool | None = None
) -> int | None:
    """The first line of the first paragraph of heading ``i``'s text before line ``end``, or
    None; for a marker-only heading (一要 alone, its sentence on the next line) not the line its
    title is from. A line that goes on with a sentence the line before it broke off (a web page
    breaks lines at 《 and 》: …制定和实施了《 / 国家突发公共事件总体应急预案 / 》和专项预案…)
    is part of that paragraph, not one of its own."""
    if i + 1 == end:
        return None
    if titled is None:
        heading = cast(Heading, lines[i].leaves[0])
        titled = heading.title_end > heading.title_start
    prev: int | None = i if titled else None  # a marker alone breaks off nothing
    skip = not titled  # the line a marker-only heading takes its title from
    for j in range(i + 1, end):
        kind = lines[j].type
        if kind == "BLANK":
            continue
        if kind in _TEXT_LINES and (prev is None or not _broken_off(lines[prev])):
            if not skip:
                return j
            skip = False
        prev = j
    return None


#: What ends a sentence or a clause (a quoted one too): a line ending so is a whole paragraph.
_SENTENCE_ENDS = ("。", "！", "？", "!", "?", "；", ";", "”")
#: What a line that does not break off a sentence ends with: a sentence's end, or a colon, an
#: ellipsis or a closing bracket.
_LINE_ENDS = (*_SENTENCE_ENDS, "：", ":", "…", "）", ")")


def _broken_off(line: LineToken) -> bool:
    """Does the line stop in the middle of a sentence (…制定和实施了《, 》、《, 重大动物疫情
    应急条例), so that the next line goes on with it?"""
    text = line.leaves[-1].text.rstrip().rstrip(INDENT_CHARS)
    return bool(text) and not text.endswith(_LINE_ENDS)


class _Run:
    """The run of items open at one level, as `_list_ends` walks the headings: what it needs
    to know of the items before the current one (see `_one_paragraph_list`)."""

    __slots__ = ("family", "items", "last", "nested", "single")

    def __init__(self, line: LineToken) -> None:
        self.family = _family(line)
        self.last = line
        self.items = 0  # items before the current one
        self.single = 0  # of them, those that are one paragraph each
        self.nested = False  # whether one of them has items of its own


def _one_paragraph_list(run: _Run, line: LineToken, whole: bool) -> bool:
    """Is ``line``, the heading after the items of ``run``, the last item of a run of items
    that are one paragraph each (——民生保障有力有效。…, 六是全面加强政府建设。…, a clause 三、…；,
    一要 alone with its sentence on the next line)? Items with paragraphs or items of their own
    under them are not. ``whole`` says whether ``line`` is a paragraph item (`_paragraph_item`)."""
    if run.nested or not whole:
        return False  # a title standing alone: the text below it is its body
    if not run.items and (FAMILIES[line.type].kind != "enum" or (line.number or 0) <= 1):
        return False  # one item alone (二是 going on with a list begun inside a paragraph is one)
    return run.single >= ONE_PARAGRAPH_SHARE * run.items


def _paragraph_item(line: LineToken) -> bool:
    """Is the heading line a paragraph of its own: its body on the line, a sentence or clause
    (一、继续深入批评…；), or a marker alone (一要) whose sentence is the next line — not a
    title standing alone (二、全力抓好隐患整改), whose body follows?"""
    heading = cast(Heading, line.leaves[0])
    if len(line.leaves) > 1 or heading.title_end == heading.title_start:
        return True
    return heading.title.rstrip(INDENT_CHARS).endswith(_SENTENCE_ENDS)


def _stands_apart(lines: Sequence[LineToken], i: int, hi: int) -> bool:
    """Does line ``i`` stand between whole sentences, as a title does — not among the cells
    of a table (填报单位 / 分管领导情况 / 姓名) or the pieces of a broken line?"""
    before = next((j for j in range(i - 1, -1, -1) if lines[j].type != "BLANK"), None)
    after = next((j for j in range(i + 1, hi) if lines[j].type != "BLANK"), None)
    if after is None:
        return False
    if before is None or lines[before].type in ("TITLE", "DATELINE", "SALUTATION"):
        return True  # right after the title block or the salutation: the first part's title
    prev = lines[before].leaves[-1].text.rstrip().rstrip(INDENT_CHARS)
    if lines[before].type in FAMILIES:
        if not cast(Heading, lines[before].leaves[0]).title:
            return False  # the title line of a marker-only heading (一 / 过去一年的工作)
    elif not prev.endswith(_SENTENCE_ENDS):
        return False
    if lines[after].type in FAMILIES:
        return True
    nxt = lines[after].leaves[-1].text.rstrip().rstrip(INDENT_CHARS)
    return nxt.endswith(_SENTENCE_ENDS)


def _part_titles(
    lines: Sequence[LineToken], heads: Sequence[int], close: int
) -> tuple[list[int], set[int]]:
    """The parts without a number after the first heading (关于外交工作 standing alone): the
    lines of their titles, and the indices of the headings each comes right before. A
    PART_TITLE line is one only when what follows starts afresh — its next heading numbered
    one — or no heading follows; else (the 1957 report's 关于教育改革问题 inside 四、, with 五、
    after it) it is a paragraph of its section."""
    titles: list[int] = []
    fresh: set[int] = set()
    k = 0
    for i in range(heads[0] + 1, close):
        if lines[i].type != "PART_TITLE" or not _stands_apart(lines, i, close):
            continue
        while k < len(heads) and heads[k] < i:
            k += 1
        if k == len(heads) or lines[heads[k]].number == 1:
            titles.append(i)
            if k < len(heads):
                fresh.add(k)
    return titles, fresh


def _hang(levels: list[int], q: int, shift: int) -> None:
    """Move the run starting at heading ``q``, and everything below it, ``shift`` levels up."""
    top = levels[q]
    while q < len(levels) and levels[q] >= top:
        levels[q] -= shift
        q += 1


def _list_ends(
    lines: Sequence[LineToken],
    heads: Sequence[int],
    levels: list[int],
    ends: Sequence[int],
    parts: Sequence[int] = (),
) -> dict[int, list[tuple[int, int]]]:
    """Where each heading's own text stops and goes back up: for the index of each heading
    whose text does, the lines at which the rest of its text belongs to a heading further up,
    and that heading's level (headings all of whose text is their own are left out). See
    docs/nesting.md, where a list ends.

    After the last item of a run of one-paragraph items, or after an item whose next paragraph
    sums up (回顾过去一年，… 总的看，…), the paragraphs go back up to the run's parent; an
    address standing alone (各位代表！) goes back up to the top-level section that is open, and
    a run of items right after it hangs there too (``levels`` is changed in place). At the
    title of a part without a number (``parts``) the text goes up to the document (level 0).

    One pass over the headings, keeping the open run of each level (`_Run`): linear in the
    number of headings and lines, however long the runs.
    """
    out: dict[int, list[tuple[int, int]]] = {}
    n = len(heads)
    runs: list[_Run | None] = [None]  # the open run of each level (index 0: none)
    next_part = 0
    family_of = _RUN_FAMILY
    for k in range(n):
        level = levels[k]
        line = lines[heads[k]]
        # The runs below this level have ended; the one above it holds an item with items.
        del runs[level + 1 :]
        while len(runs) <= level:
            runs.append(None)
        above = runs[level - 1]
        if above is not None:
            above.nested = True
        run = runs[level]
        if (
            run is None
            or run.family != family_of[line.type]
            or not (
                run.last.number is None or line.number is None or line.number == run.last.number + 1
            )
        ):
            run = runs[level] = _Run(line)
        end = ends[k]
        part = None
        if parts:
            while next_part < len(parts) and parts[next_part] <= heads[k]:
                next_part += 1
            if next_part < len(parts) and parts[next_part] < end:
                part = end = parts[next_part]  # the heading's text ends at a part's title
        heading = cast(Heading, line.leaves[0])
        titled = heading.title_end > heading.title_start
        first = _first_paragraph(lines, heads[k], end, titled)
        whole = _paragraph_item(line)
        splits = (
            []
            if first is None
            else _splits(lines, heads, levels, k, first, end, run, whole, part is not None)
        )
        if part is not None:
            splits.append((part, 0))  # from the part's title on, the document's text
        if splits:
            out[k] = splits
        # This item joins its run for the items after it.
        own = first if part is None else _first_paragraph(lines, heads[k], ends[k], titled)
        run.last = line
        run.items += 1
        run.single += whole and own is None
    return out


def _splits(
    lines: Sequence[LineToken],
    heads: Sequence[int],
    levels: list[int],
    k: int,
    first: int,
    end: int,
    run: _Run,
    whole: bool,
    last: bool,
) -> list[tuple[int, int]]:
    """`_list_ends` for one heading ``k`` whose text has paragraphs (from line ``first`` to
    ``end``): where that text goes back up, and to which level."""
    level = levels[k]
    line = lines[heads[k]]
    last = last or k + 1 == len(heads)
    after = 1 if last else levels[k + 1]
    if not last and after == level and _continues(line, lines[heads[k + 1]]):
        return []  # text between two items of a list is the first one's
    splits: list[tuple[int, int]] = []
    one_paragraph = _one_paragraph_list(run, line, whole)
    if after > level:
        if FAMILIES[lines[heads[k + 1]].type].rank is None and one_paragraph:
            # （一）…（五）, one sentence each, then text, then 第一、…: the list ended, and
            # the items after the text hang where the text went, not below （五）.
            _hang(levels, k + 1, after - level)
            after = level
            splits.append((first, level - 1))
    elif one_paragraph:
        splits.append((first, level - 1))
    elif _run_in(line):
        summing = next((j for j in range(first, end) if lines[j].type == "SUMMING_UP"), None)
        if summing is not None:
            splits.append((summing, level - 1))
    address = next(
        (j for j in range(first, end) if lines[j].type in _ADDRESSING),
        None,
    )
    if address is not None and level > 1:
        splits = [(j, up) for j, up in splits if j < address]
        if not splits or splits[-1][1] > 1:
            splits.append((address, 1))
        if not last and after > 2 and FAMILIES[lines[heads[k + 1]].type].rank is None:
            # 各位代表！ … 二是… 三是…: the items after the address hang below the section it
            # went back up to, with everything below them.
            _hang(levels, k + 1, after - 2)
            after = 2
    # The heading after the text must fit where the text went: no deeper than its child.
    return [(j, up) for j, up in splits if after <= up + 1]


#: The line classes an address can be (see `_address`).
#: The line classes that turn to the audience and end the list before them (各位代表！ alone or
#: opening a paragraph).
_ADDRESSING = frozenset({"ADDRESS", "SALUTATION", "ADDRESS_TURN"})


class _Emitter:
    def __init__(self, lines: list[LineToken], pats: LinePatterns) -> None:
        self.lines = lines
        self.pats = pats
        self.out: list[Token] = []

    def leaves(self, lo: int, hi: int) -> None:
        """One TEXT token for the lines lo..hi, if there are any."""
        if lo < hi:
            tok = _tok("TEXT", None)
            tok.body = tuple(leaf for line in self.lines[lo:hi] for leaf in line.leaves)
            self.out.append(tok)

    def title_from_next(self, i: int, hi: int) -> tuple[str, int, int, int] | None:
        """For a marker-only heading line: the first sentence of the next non-blank line."""
        for j in range(i + 1, hi):
            line = self.lines[j]
            if line.type == "BLANK":
                continue
            if line.type not in _TITLE_TEXT:
                return None
            para = line.leaves[0]
            t0, t1, _ = first_sentence(self.pats, para.text.rstrip("\r\n"), 0)
            return para.text[t0:t1], para.start + t0, para.start + t1, para.line
        return None

    def segment(self, lo: int, hi: int) -> None:
        lines = self.lines
        heads = [i for i in range(lo, hi) if lines[i].type in FAMILIES]
        if not heads:
            close_at = next((i for i in range(lo + 1, hi) if lines[i].type == "CLOSING"), hi)
            close_at = min(close_at, ending(lines, lo, hi, self.pats))
            self.leaves(lo, close_at)
            self.closing(close_at, hi)
            return
        close_at = next(
            (i for i in range(heads[-1] + 1, hi) if lines[i].type in ("CLOSING", "CONCLUSION")),
            hi,
        )
        if close_at == hi:
            close_at = _final_call(lines, heads[-1] + 1, hi)
        close_at = min(close_at, ending(lines, heads[-1] + 1, hi, self.pats))
        parts, fresh = _part_titles(lines, heads, close_at)
        if parts:
            # The first part's title stands in the opening (关于国内建设, before its 一、).
            first = next(
                (
                    j
                    for j in range(lo, heads[0])
                    if lines[j].type == "PART_TITLE" and _stands_apart(lines, j, heads[0] + 1)
                ),
                None,
            )
            for j in (first, *parts) if first is not None else parts:
                # the title of a part without a number: a paragraph with role part
                lines[j] = _as_paragraph(lines[j], "PART_TITLE", "part")
        self.leaves(lo, heads[0])
        levels = resolve_levels(
            [
                (lines[i].type, lines[i].number, len(lines[i].leaves) == 1 and _titled(lines[i]))
                for i in heads
            ],
            [_clause(lines, i, nxt) for i, nxt in zip(heads, [*heads[1:], close_at], strict=True)],
            fresh,
        )
        ends = [*heads[1:], close_at]
        returns = _list_ends(lines, heads, levels, ends, parts)
        # The sections are built here, bottom-up, with a stack of the open ones: the levels
        # above say how they nest. Each top-level section reaches the parser as one token of
        # its heading's terminal, carrying the section (see docs/nesting.md: what the grammar
        # decides and what the resolver does).
        out = self.out
        # open sections: (level, what Section takes before its heading, heading, parts,
        # terminal)
        stack: list[tuple[int, tuple[Any, ...], Heading, list[Any], str]] = []

        def close(level: int) -> None:
            """Close the open sections at ``level`` and deeper."""
            while stack and stack[-1][0] >= level:
                _, info, node, body, kind = stack.pop()
                parts = tuple(body)
                section = Section(*info, node, parts, parts[-1].end if parts else node.end)  # type: ignore[call-arg]
                if stack:
                    stack[-1][3].append(section)
                else:
                    out.append(_tok(kind, section))

        last = len(heads) - 1
        for k, (i, level) in enumerate(zip(heads, levels, strict=True)):
            close(level)
            line = lines[i]
            heading = cast(Heading, line.leaves[0])
            end = heads[k + 1] if k < last else close_at
            fam = FAMILIES[line.type]
            title = heading.title
            if not title and fam.titled:  # an article's number is all its heading
                title_info = self.title_from_next(i, end) or (
                    title,
                    heading.title_start,
                    heading.title_end,
                    heading.line,
                )
                info = (fam.kind, fam.style, line.number, level, *title_info)
            else:
                info = (
                    fam.kind,
                    fam.style,
                    line.number,
                    level,
                    title,
                    heading.title_start,
                    heading.title_end,
                    heading.line,
                )
            splits = returns.get(k, ())
            own_end = splits[0][0] if splits else end
            body = list(line.leaves[1:])
            for other in lines[i + 1 : own_end]:
                body.extend(other.leaves)
            stack.append((level, info, heading, body, line.type))
            # The text after a list's end: the own text of the heading it goes back up to,
            # after the sections below that heading; or the document's own text (_PART).
            for s, (j, up) in enumerate(splits):
                stop = splits[s + 1][0] if s + 1 < len(splits) else end
                close(up + 1)
                if up == 0:  # the document's own text, between its top-level sections
                    out.append(_marker_tok("_PART"))
                    self.leaves(j, stop)
                else:
                    parts_of = stack[-1][3]
                    for other in lines[j:stop]:
                        parts_of.extend(other.leaves)
        close(1)
        self.closing(close_at, hi)

    def closing(self, lo: int, hi: int) -> None:
        if lo < hi:
            self.out.append(_marker_tok("_CLOSING"))
            self.leaves(lo, hi)


#: How far after 目录 the repeat of its first entry (where the text begins) is looked for.
CONTENTS_LOOKAHEAD = 400
_NOT_IN_KEY = compile_cached(r"[\s#\u3000]+")
_WORD = compile_cached(r"\w")


#: How far from a line's end a 目录 entry's leader is looked for (real ones are a line wide).
LEADER_CHARS = 300
# A 目录 entry's dot leader and page number (第一章　总　纲......4, as PDFs and Word print it).
_LEADER = compile_cached(r"[.．·•…⋯‧]{3,}[ \t\u3000]*[0-9０-９]{0,4}[ \t\u3000]*(\r?\n|\r)?$")


def _key(line: LineToken) -> str:
    """A line's text without white space, Markdown hashes, a dot leader and a page number:
    序　　言, 序言 and 序　言......2 are one key."""
    text = "".join(leaf.text for leaf in line.leaves)
    # only the line's end is searched, so a line of 10⁵ dots costs no more than a short one
    leader = _LEADER.search(text, max(0, len(text) - LEADER_CHARS))
    if leader is not None:
        text = text[: leader.start()]
    return _NOT_IN_KEY.sub("", text)


def _contents(lines: list[LineToken]) -> list[LineToken]:
    """Lines with each table of contents (目录 and its entries) turned into contents lines.

    The entries run from the line after 目录 to the line before the first entry comes back
    as the text's own heading (第一章　总则 … 第一章　总则). Without that repeat within
    `CONTENTS_LOOKAHEAD` lines only the 目录 line itself is contents.
    """
    i = 0
    while i < len(lines):
        if lines[i].type != "CONTENTS":
            i += 1
            continue
        # The first entry: the next line with a word in it (not a ---- rule under 目录).
        first = next((j for j in range(i + 1, len(lines)) if _WORD.search(_key(lines[j]))), None)
        if first is None:
            break
        key = _key(lines[first])
        end = min(len(lines), first + 1 + CONTENTS_LOOKAHEAD)
        repeat = next((k for k in range(first + 1, end) if _key(lines[k]) == key), None)
        if repeat is None:
            i = first
            continue
        for j in range(first, repeat):
            if lines[j].type != "BLANK":
                lines[j] = _as_contents(lines[j])
        i = repeat  # the entries are not tables of contents of their own
    return lines


#: The families an endnote is numbered in (① ⑴ …).
_NOTE_FAMILIES = frozenset({"CIRCLED", "PAREN_DIGIT"})


def _notes(lines: list[LineToken]) -> list[LineToken]:
    """Lines with the endnotes after 注： / 注释： (①…②…) turned into note paragraphs: from
    the notes line to the next heading of another family or title line."""
    i = 0
    while i < len(lines):
        if lines[i].type != "NOTES":
            i += 1
            continue
        j = i + 1
        while j < len(lines) and (
            lines[j].type in _NOTE_FAMILIES or lines[j].type in ("PARA", "BLANK")
        ):
            if lines[j].type != "BLANK":
                lines[j] = _as_paragraph(lines[j], "NOTES", "note")
            j += 1
        i = j
    return lines


#: The families that spell out a sequence at a line's start (首先， / 首先要).
_SEQUENCES = frozenset({"SEQUENCE", "SEQUENCE_BARE"})


def _bare_sequences(lines: list[LineToken]) -> list[LineToken]:
    """Lines with each 首先要… / 其次要… that has no other item of its sequence at a line's
    start turned into a plain paragraph: without the comma it is a point only when the
    sequence goes on (首先要… then 其次要… or 最后，…), or has begun, before the next numbered
    heading."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(lines):
        kind = line.type
        if kind in _SEQUENCES:
            current.append(i)
        elif (kind in FAMILIES and FAMILIES[kind].rank is not None) or kind == "TITLE":
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    for run in runs:
        if len(run) < 2:
            for i in run:
                if lines[i].type == "SEQUENCE_BARE":
                    lines[i] = _as_paragraph(lines[i], "PARA", "text")
    return lines


#: The longest line that can be the rest of an attachment's name wrapped onto it (人类）).
ATTACHMENT_WRAP_CHARS = 30


def _attachments(lines: list[LineToken], pats: LinePatterns) -> list[LineToken]:
    """Lines with each list of attachments (附件：1．… / 2．… / 3．…, or 附件： alone and 1．…
    below it) made paragraphs with role attachments: the numbered names that go on from the
    附件： line, and the pieces of a name wrapped onto the next line, are no headings."""
    i = 0
    while i < len(lines):
        if lines[i].type != "ATTACHMENTS":
            i += 1
            continue
        head = lines[i].leaves[0].text
        expected = 2 if _has_first_item(head, pats) else 1
        j, prev = i + 1, i
        while j < len(lines):
            line = lines[j]
            kind = line.type
            if kind == "BLANK":
                j += 1
                continue
            family = FAMILIES.get(kind)
            if (
                family is not None
                and family.rank is not None
                and not family.above_cn_num  # 附件1 below the list heads the attachment
                and line.number == expected
            ):
                expected += 1
            elif (
                kind == "PARA"
                and _open_bracket(lines[prev])
                and len(line.leaves[0].text.strip(INDENT_CHARS + LINE_ENDINGS))
                <= ATTACHMENT_WRAP_CHARS
            ):
                pass  # the rest of a name the line above broke off inside its brackets
            else:
                break
            lines[j] = _as_paragraph(line, "ATTACHMENTS", "attachments")
            prev = j
            j += 1
        i = j
    return lines


def _open_bracket(line: LineToken) -> bool:
    """Does the line break off inside brackets (…严重失信主体名单（法 / 人类）)?"""
    text = line.leaves[-1].text
    return text.count("（") + text.count("(") > text.count("）") + text.count(")") or text.count(
        "《"
    ) > text.count("》")


def _has_first_item(text: str, pats: LinePatterns) -> bool:
    """Does the 附件： line name its first attachment, numbered (附件：1．…)? The rest after the
    colon is read by the grammar's line terminals, as a line of its own would be."""
    rest = re.split("[：:]", text, maxsplit=1)[-1].rstrip(LINE_ENDINGS)
    m = pats.line.match(rest)
    if m is None or m.lastgroup not in FAMILIES:
        return False
    family = FAMILIES[m.lastgroup]
    if family.rank is None or family.above_cn_num:
        return False
    return marker_number(family.style, m.group(m.lastgroup)) == 1


def _as_contents(line: LineToken) -> LineToken:
    return _as_paragraph(line, "CONTENTS", "contents")


def _as_paragraph(line: LineToken, kind: str, role: str) -> LineToken:
    """The line as one paragraph of ``role`` (a heading line's leaves joined: lossless)."""
    leaves = line.leaves
    first, last = leaves[0], leaves[-1]
    text = "".join(leaf.text for leaf in leaves)
    para = Paragraph(text, first.start, last.end, first.line, first.column, role)
    tok = new_token(LineToken, kind)
    tok.leaves, tok.number = (para,), None
    return tok


#: The most lines above a 公文 title that its wrapped beginning may take (flk titles run over
#: two or three lines).
TITLE_WRAP_LINES = 2
#: The longest line that can be the beginning of a wrapped title.
TITLE_WRAP_CHARS = 40
_NOT_IN_TITLE = compile_cached(r"[。！？!?，,；;：:]")
#: The shortest 公文 title standing on one line (上海市气象条例 has seven characters).
DOC_TITLE_CHARS = 6
#: What the line above a 公文 title may be: nothing, a site's line, another title line, an
#: 附件1 label, or the date of the notice that issues the document below it.
_BEFORE_TITLE = frozenset(
    {
        "BLANK",
        "BOILERPLATE",
        "TITLE",
        "DOC_TITLE",
        "DATELINE",
        "ANNEX",
        "DOC_DATE",
        "DOC_NUMBER",
        # the 版头 (份号, 密级, 紧急程度, 发文机关标志, 签发人)
        "COPY_NUMBER",
        "SECRECY",
        "URGENCY",
        "ISSUER_MARK",
        "SIGNER",
    }
)
_CONTINUES = ("》", "，", ",", "、", "。", "；", ";", "：", ":", "）", ")")


_RULE_LINE = compile_cached(r"^[-=─—＝_ \t\u3000]*$")


def _ends_title(lines: Sequence[LineToken], j: int) -> bool:
    """Can line ``j`` follow a title: the end, a blank line, a heading (第一章　总则), a note in
    brackets (（2020年）, （…通过）), a date, another title line or a rule (------)? A sentence
    (在经过试行以后，…) cannot: the line above it was a piece of that sentence."""
    if j >= len(lines):
        return True
    line = lines[j]
    if line.type in _AFTER_TITLE or line.type in FAMILIES:
        return True
    text = line.leaves[0].text.strip(INDENT_CHARS + LINE_ENDINGS)
    return text.startswith(("（", "(", "#", "—")) or bool(_RULE_LINE.match(text))


#: The line classes that may follow a 公文 title (see `_ends_title`).
_AFTER_TITLE = frozenset(
    {
        "BLANK",
        "BOILERPLATE",
        "TITLE",
        "DOC_TITLE",
        "DATELINE",
        "DOC_DATE",
        "SALUTATION",
        "DOC_NUMBER",
        "ADDRESSEES",
    }
)


#: How far down the first line with text is looked for.
TOP_LINES = 20
#: What may stand above a 公文's title at the top of the text: blank lines, a site's lines and
#: the 版头 (份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人).
_ABOVE_A_TITLE = frozenset(
    {
        "BLANK",
        "BOILERPLATE",
        "COPY_NUMBER",
        "SECRECY",
        "URGENCY",
        "ISSUER_MARK",
        "DOC_NUMBER",
        "SIGNER",
    }
)
_STOP_AT_END = ("。", ".")


def _title_with_stop(lines: Sequence[LineToken], pats: LinePatterns) -> Sequence[LineToken]:
    """The lines with a 公文's title at the top of the text that ends with a full stop
    (关于做好防汛工作的通知。) made a title line candidate (DOC_TITLE): the grammar reads the
    line without its stop as a title. Only the first line with text: in a body a sentence that
    ends in 通知。 is a sentence. (`check` reports the stop, GS605.)"""
    # the first line with text, below the 版头 if there is one
    first = next(
        (k for k in range(min(len(lines), TOP_LINES)) if lines[k].type not in _ABOVE_A_TITLE),
        None,
    )
    if first is None or lines[first].type != "PARA":
        return lines
    text = lines[first].leaves[0].text.strip(INDENT_CHARS + LINE_ENDINGS)
    if not text.endswith(_STOP_AT_END):
        return lines
    bare = text.rstrip("。.")
    m = pats.line.match(bare)
    if m is None or m.lastgroup != "DOC_TITLE" or m.end() != len(bare):
        return lines
    out = list(lines)
    leaf = lines[first].leaves[0]
    tok = new_token(LineToken, "DOC_TITLE")
    tok.leaves = (TitleLine(leaf.text, leaf.start, leaf.end, leaf.line, leaf.column),)
    tok.number = None
    out[first] = tok
    return out


_ORDER = compile_cached(r"令[ \t\u3000]*第")


def _order_heads(lines: Sequence[LineToken]) -> Sequence[LineToken]:
    """The lines with an order's head on one line (上海市人民政府令第12号, the grammar's
    DOC_NUMBER of an order) made its title where a title stands — at the top of the text or
    after a blank line, a date or another title, with a blank line below — since an order
    has no title but its 发文机关标志 and 令号. Elsewhere (（国务院令第513号） in a sentence's
    brackets, a line of a page's data) it stays what it was."""
    out: list[LineToken] | None = None
    for i, line in enumerate(lines):
        if line.type != "DOC_NUMBER":
            continue
        text = line.leaves[0].text.strip(INDENT_CHARS + LINE_ENDINGS)
        if not _ORDER.search(text) or text.startswith(("（", "(")):
            continue
        above = lines[i - 1].type if i else "BLANK"
        below = lines[i + 1].type if i + 1 < len(lines) else "BLANK"
        if above not in ("BLANK", "BOILERPLATE", "DOC_DATE", "TITLE") or below != "BLANK":
            continue
        if out is None:
            out = list(lines)
        leaf = line.leaves[0]
        tok = new_token(LineToken, "TITLE")
        tok.leaves = (TitleLine(leaf.text, leaf.start, leaf.end, leaf.line, leaf.column),)
        tok.number = None
        out[i] = tok
    return lines if out is None else out


#: A title's version note on a line of its own: （第九版） （试行第十版） （征求意见稿）.
_VERSION_NOTE = compile_cached(
    r"^[（(][^（()）\n]{0,8}(版|试行|暂行|修订|草案|征求意见稿)[^（()）\n]{0,4}[)）]$"
)


def _doc_titles(lines: list[LineToken]) -> set[int]:
    """Lines with each 公文 title (DOC_TITLE) that stands where a title stands made a title
    line (TITLE), the others paragraphs; returns the lines that begin a wrapped title (全国人民
    代表大会常务委员会关于加强 / 经济工作监督的决定), which are made title lines too.

    A title stands at the top of the text, after a blank line or a site's line, or below
    another title line or an 附件1 label; a Markdown heading (# …) always. A piece of a line a
    page broke at 《…》 (国家中长期科学和技术发展规划纲要 between two lines of a sentence) or a
    cell of a table (部门领导意见 below 单位意见) is a paragraph.
    """
    wrapped: set[int] = set()
    found = [i for i, line in enumerate(lines) if line.type == "DOC_TITLE"]
    # Inside a speech or a report (its title a TITLE: …的讲话, …工作报告) a line like a 公文's
    # title (防汛抗旱工作实施方案 standing alone) starts no document, unless an 附件 label
    # heads it.
    speech_titles = [i for i, line in enumerate(lines) if line.type == "TITLE"]
    last_doc = -1  # the last line kept as a 公文's title
    first_text = next(
        (k for k, line in enumerate(lines) if line.type not in ("BLANK", "BOILERPLATE")),
        len(lines),
    )
    for i in found:
        line = lines[i]
        leaf = line.leaves[0]
        k = bisect_left(speech_titles, i)
        last_speech = speech_titles[k - 1] if k else -1
        if last_speech > last_doc:  # the nearest title above is a speech's or a report's
            above = next((j for j in range(i - 1, -1, -1) if lines[j].type != "BLANK"), None)
            if above is None or lines[above].type != "ANNEX":
                lines[i] = _as_paragraph(line, "PARA", "text")
                continue
        after = next((j for j in range(i + 1, len(lines)) if lines[j].type != "BLANK"), None)
        if after is not None and lines[after].leaves[0].text.lstrip(INDENT_CHARS).startswith(
            _CONTINUES
        ):
            lines[i] = _as_paragraph(line, "PARA", "text")  # the sentence goes on below
            continue
        content = leaf.text.strip(INDENT_CHARS + LINE_ENDINGS)
        if content.startswith("#"):
            continue  # a Markdown heading: the page's title
        top = i
        for _ in range(TITLE_WRAP_LINES):
            j = top - 1
            if j < 0 or lines[j].type not in ("PARA", "PART_TITLE"):
                break
            text = lines[j].leaves[0].text.strip(INDENT_CHARS + LINE_ENDINGS)
            if not text or len(text) > TITLE_WRAP_CHARS or _NOT_IN_TITLE.search(text):
                break
            top = j
        before = lines[top - 1].type if top > 0 else "BLANK"
        long_enough = top < i or len(content) >= DOC_TITLE_CHARS  # 的决议 only ends a title
        # at the top of the text a title may run straight into its first sentence
        at_top = top <= first_text
        if long_enough and before in _BEFORE_TITLE and (at_top or _ends_title(lines, i + 1)):
            wrapped.update(range(top, i))
            last_doc = i
            continue
        lines[i] = _as_paragraph(line, "PARA", "text")
    for i in wrapped:
        leaf = lines[i].leaves[0]
        tok = LineToken("TITLE")
        tok.leaves = (TitleLine(leaf.text, leaf.start, leaf.end, leaf.line, leaf.column),)
        tok.number = None
        lines[i] = tok
    kept = []
    for i in found:
        line = lines[i]
        if line.type == "DOC_TITLE":
            tok = LineToken("TITLE")
            tok.leaves, tok.number = line.leaves, None
            lines[i] = tok
            kept.append(i)
    # A title whose version note or the rest after it went onto the next line: 关于印发…方案 /
    # （第九版）的通知, or …防控方案 / （第九版): one title.
    for i in kept:
        j = i + 1
        if j >= len(lines) or i in wrapped:
            continue
        below = lines[j]
        text = below.leaves[0].text.strip(INDENT_CHARS + LINE_ENDINGS)
        if below.type == "TITLE" and text.startswith(("（", "(")):
            wrapped.add(i)
        elif below.type == "PARA" and _VERSION_NOTE.match(text):
            leaf = below.leaves[0]
            tok = LineToken("TITLE")
            tok.leaves = (TitleLine(leaf.text, leaf.start, leaf.end, leaf.line, leaf.column),)
            tok.number = None
            lines[j] = tok
            wrapped.add(i)
    # A database's record title right above the same title of the text (pkulaw gives both):
    # the record's line is boilerplate, the text's own line the title.
    for i in kept:
        if i + 1 < len(lines) and lines[i + 1].type == "TITLE" and i not in wrapped:
            a, b = (lines[k].leaves[0].text.strip(INDENT_CHARS + LINE_ENDINGS) for k in (i, i + 1))
            if a == b:
                leaf = lines[i].leaves[0]
                tok = LineToken("BOILERPLATE")
                tok.leaves = (Boilerplate(leaf.text, leaf.start, leaf.end, leaf.line, 1, "web"),)
                tok.number = None
                lines[i] = tok
    return wrapped


#: How many lines with text above an 附件1 label the date of the document it belongs to may be.
LABEL_AFTER_DATE = 6


_ATTACHMENT_TITLE = frozenset({"PARA", "PART_TITLE", "DOC_TITLE"})
#: What a title line that the page broke off ends with: a word that needs what follows.
_BREAKS_OFF = ("的", "和", "与", "及", "下", "中", "对", "于", "等", "、", "或", "暨")


def _as_title(line: LineToken) -> LineToken:
    """The line as a title line (TITLE)."""
    leaf = line.leaves[0]
    tok = new_token(LineToken, "TITLE")
    tok.leaves = (TitleLine(leaf.text, leaf.start, leaf.end, leaf.line, leaf.column),)
    tok.number = None
    return tok


def _attachment_titles(
    lines: list[LineToken], plain: set[int], pats: LinePatterns, wrapped: set[int]
) -> list[LineToken]:
    """Lines with the title of each printed attachment made a title line, whatever word it ends
    in (…一览表, …登记表, …消防安全职责): the short line without sentence punctuation right
    below an 附件 / 附件1 / 附件一： label standing alone, where the label follows the list of
    attachments (附件：…), the date of a 公文 or an attachment already printed as a document.
    Elsewhere (附件一 in a law's 目录, an 附件1 inside a sentence) nothing changes. The lines
    of titles that name no kind of 公文 (forms, tables) are added to ``plain``."""
    listed = False  # an 附件： list, a date or a printed attachment above
    recent: list[str] = []  # the classes of the last lines with text
    for i, line in enumerate(lines):
        kind = line.type
        if kind == "BLANK":
            continue
        if kind == "ATTACHMENTS":
            listed = True
        elif kind == "ANNEX" and len(line.leaves) == 1 and _titled(line):
            # 附件1　机关单位消防安全职责: the label and the title on one line, two title lines
            head = cast(Heading, line.leaves[0])
            text = head.text[head.title_start - head.start :].strip(INDENT_CHARS + LINE_ENDINGS)
            if (
                (listed or "DOC_DATE" in recent)
                and head.title_end - head.start
                >= len(head.text.rstrip(INDENT_CHARS + LINE_ENDINGS))
                and 0 < len(text) <= TITLE_WRAP_CHARS
                and not _NOT_IN_TITLE.search(text)
            ):
                cut = head.title_start - head.start
                tok = new_token(LineToken, "TITLE")
                tok.leaves = (
                    TitleLine(
                        head.text[:cut],
                        head.start,
                        head.title_start,
                        head.line,
                        head.column,
                        "label",
                    ),
                    TitleLine(
                        head.text[cut:], head.title_start, head.end, head.line, head.column + cut
                    ),
                )
                tok.number = None
                lines[i] = tok
                listed = True
                kind_named = pats.line.match(text)
                if kind_named is None or kind_named.lastgroup != "DOC_TITLE":
                    plain.add(i)  # a form's title: no addressees below it
        elif kind == "ANNEX" and len(line.leaves) == 1 and not _titled(line):
            j = next((k for k in range(i + 1, len(lines)) if lines[k].type != "BLANK"), None)
            if j is not None:
                below = lines[j]
                text = below.leaves[0].text.strip(INDENT_CHARS + LINE_ENDINGS)
                if below.type == "TITLE":
                    listed = True
                elif (
                    (listed or "DOC_DATE" in recent)
                    and below.type in ("PARA", "PART_TITLE", "DOC_TITLE")
                    and 0 < len(text) <= TITLE_WRAP_CHARS
                    and not _NOT_IN_TITLE.search(text)
                ):
                    named = below.type == "DOC_TITLE"
                    # a title the page wrapped onto a second line (…核酸检测初筛 / 阳性人员管理指南)
                    k = j + 1
                    if not named and k < len(lines) and lines[k].type in _ATTACHMENT_TITLE:
                        rest = lines[k].leaves[0].text.strip(INDENT_CHARS + LINE_ENDINGS)
                        kind_at_end = pats.line.match(rest)  # the grammar: a 公文 title?
                        second_named = kind_at_end is not None and kind_at_end.lastgroup == (
                            "DOC_TITLE"
                        )
                        # the rest names the kind (…初筛 / 阳性人员管理指南), or the first line
                        # breaks off (…不同场景下 / 区域核酸检测策略); not a form's first cell
                        if (
                            0 < len(rest) <= TITLE_WRAP_CHARS
                            and not _NOT_IN_TITLE.search(rest)
                            and (second_named or text.endswith(_BREAKS_OFF))
                        ):
                            named = second_named
                            lines[k] = _as_title(lines[k])
                            wrapped.add(j)
                    lines[j] = _as_title(below)
                    listed = True
                    if not named:
                        plain.add(j)
        recent = [*recent[-(LABEL_AFTER_DATE - 1) :], kind]
    return lines


def _block_title(
    lines: Sequence[LineToken], block: tuple[int, int], wrapped: set[int], pats: LinePatterns
) -> str:
    """The title a title block gives its document (its wrapped lines joined, without hashes
    and white space), for comparing two blocks."""
    j, parts = block[0], []
    while True:
        text = lines[j].leaves[0].text.strip(INDENT_CHARS + LINE_ENDINGS)
        m = pats.decoration.match(text)
        parts.append(text[m.end() :] if m else text)
        if j not in wrapped:
            break
        j += 1
    return re.sub(r"\s+", "", "".join(parts))


def _merge_repeated_titles(
    lines: Sequence[LineToken], blocks: list[tuple[int, int]], wrapped: set[int], pats: LinePatterns
) -> list[tuple[int, int]]:
    """The title blocks, a repeated title taken into the block before it: a page that heads
    the text with its title (# 上海市人民代表大会常务委员会关于…的决定), lists its data
    (公布日期…), then gives the title again above the text is one document, not two."""
    out: list[tuple[int, int]] = []
    for block in blocks:
        if out:
            prev = out[-1]
            between = range(prev[1] + 1, block[0])
            if (
                len(between) <= REPEATED_TITLE_GAP
                and not any(lines[j].type in FAMILIES for j in between)
                and _block_title(lines, prev, wrapped, pats)
                == _block_title(lines, block, wrapped, pats)
            ):
                out[-1] = (prev[0], block[1])
                continue
        out.append(block)
    return out


#: How many lines (a page's data: 公布日期, 制定机关…) may stand between a title and its repeat.
REPEATED_TITLE_GAP = 30


def tokens(lines: Sequence[LineToken], pats: LinePatterns) -> Iterator[Token]:
    """The token stream for the whole text."""
    kinds = {line.type for line in lines}  # which of the passes below have work to do
    if "CONTENTS" in kinds or "NOTES" in kinds:
        lines = _notes(_contents(list(lines)))
    if "ATTACHMENTS" in kinds:
        lines = _attachments(list(lines), pats)
    if "SEQUENCE_BARE" in kinds:
        lines = _bare_sequences(list(lines))
    wrapped: set[int] = set()
    lines = _title_with_stop(lines, pats)
    if "DOC_TITLE" in kinds or any(x.type == "DOC_TITLE" for x in lines[:TOP_LINES]):
        lines = list(lines)
        wrapped = _doc_titles(lines)
    if "DOC_NUMBER" in kinds:  # after the 公文 titles: an order's head is no speech's title
        lines = _order_heads(lines)
    plain: set[int] = set()  # titles of printed attachments that name no kind (…登记表)
    if "ANNEX" in kinds:
        lines = _attachment_titles(list(lines), plain, pats, wrapped)
    # a list of the process's own (the emitter marks the titles of parts without a number)
    em = _Emitter(cast("list[LineToken]", lines), pats)
    out = em.out
    n = len(lines)
    blocks = _title_blocks(lines)
    # the 版头 above each title (份号, 发文机关标志, 发文字号…): the document starts there
    tops: dict[int, int] = {}  # first line of a masthead → its title's first line
    if blocks:
        top = masthead(cast("list[LineToken]", lines), blocks[0][0], 0)
        if top < blocks[0][0]:
            tops[top] = blocks[0][0]
    first = min(tops, default=blocks[0][0]) if blocks else n
    if all(line.type == "BLANK" for line in lines):
        if lines:
            out.append(_marker_tok("_PRE"))
            em.leaves(0, n)
        return iter(out)
    doc_starts: list[tuple[int, int | None]] = []  # (first line of document, last title line)
    if first > 0:
        pre = lines[:first]
        if blocks and not any(line.type in FAMILIES for line in pre):
            out.append(_marker_tok("_PRE"))
            tok = _tok("TEXT", None)
            tok.body = tuple(
                leaf
                if isinstance(leaf, Blank)
                else Boilerplate(
                    leaf.text, leaf.start, leaf.end, leaf.line, leaf.column, "preamble"
                )
                for line in pre
                for leaf in line.leaves
            )
            out.append(tok)
        else:
            doc_starts.append((0, None))
    if "ADDRESSEES" in kinds or "DOC_NUMBER" in kinds:  # in place: the emitter holds the list
        # a form's fields below its title (部门（单位）：) are no addressees
        opening_elements(cast("list[LineToken]", lines), [b for a, b in blocks if a not in plain])
    merged = _merge_repeated_titles(lines, blocks, wrapped, pats)
    labels: set[int] = set()  # the 附件1 lines that head the attachment below them
    for a, b in merged:
        floor = (doc_starts[-1][1] or 0) + 1 if doc_starts else 0
        label = next((j for j in range(a - 1, -1, -1) if lines[j].type != "BLANK"), None)
        if label is not None and label >= floor:
            line = lines[label]
            if line.type == "ANNEX" and len(line.leaves) == 1 and not _titled(line):
                labels.add(label)
                a = label
        if a not in labels:
            head = next((t for t, title in tops.items() if title == a), None)
            if head is None and doc_starts:
                found = masthead(cast("list[LineToken]", lines), a, floor)
                if found < a:
                    tops[found] = a
                    head = found
            a = a if head is None else head
        doc_starts.append((a, b))
    for k, (start, last_title) in enumerate(doc_starts):
        end = doc_starts[k + 1][0] if k + 1 < len(doc_starts) else n
        out.append(_marker_tok("_DOC"))
        body = start
        if last_title is not None:
            if start in tops:  # the 版头 above the title
                for j in range(start, tops[start]):
                    gap = lines[j].type == "BLANK"
                    for leaf in lines[j].leaves:
                        out.append(_tok("TITLE_GAP" if gap else "MASTHEAD", leaf))
                start = tops[start]
            # The title, wrapped over the lines up to the one with its kind; then subtitles.
            title_end = start
            while title_end in wrapped:
                title_end += 1
            if start in labels:  # 附件1 above the attachment's title: its label
                leaf = lines[start].leaves[0]
                out.append(
                    _tok(
                        "LABEL",
                        TitleLine(leaf.text, leaf.start, leaf.end, leaf.line, leaf.column, "label"),
                    )
                )
                start += 1
                while lines[start].type == "BLANK":
                    out.append(_tok("TITLE_GAP", lines[start].leaves[0]))
                    start += 1
                title_end = start
                while title_end in wrapped:
                    title_end += 1
            for j in range(start, last_title + 1):
                line = lines[j]
                leaf = line.leaves[0]
                if j == start and len(line.leaves) == 2:  # 附件1　… : label and title
                    out.append(_tok("LABEL", leaf))
                    out.append(_tok("TITLE", line.leaves[1]))
                elif j == start:
                    out.append(_tok("TITLE", leaf))
                elif j <= title_end:
                    out.append(_tok("SUBTITLE", leaf))  # a line of the title itself
                elif line.type in ("TITLE", "DATELINE"):
                    out.append(
                        _tok(
                            "SUBTITLE",
                            TitleLine(
                                leaf.text,
                                leaf.start,
                                leaf.end,
                                leaf.line,
                                leaf.column,
                                "subtitle",
                                getattr(leaf, "decoration", 0),
                            ),
                        )
                    )
                else:
                    out.append(_tok("TITLE_GAP", leaf))
            body = last_title + 1
        segs = _segments(lines, body, end)
        if segs:
            em.segment(*segs[0])
        for a, b in segs[1:]:
            out.append(_marker_tok("_SUB"))
            em.segment(a, b)
            out.append(_marker_tok("_END"))
        out.append(_marker_tok("_END"))
    return iter(out)
