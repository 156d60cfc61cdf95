"""A 公文's parts around its body, found where they stand and made `Element` leaves.

The grammar's line terminals say what a 发文字号, a 主送机关, a date or a 抄送 line looks like;
this module, a pass of the level resolver, says where one counts as a part (GB/T 9704-2012,
clause 7): the 版头 directly above a title (`masthead`), the 发文字号 and 主送机关 directly
below it (`opening_elements`), and the ending after the last of the body (`ending`): the
附件说明, the 发文机关署名 and 成文日期, the 附注 in brackets and the 版记. Anywhere else such a
line is a paragraph, so a date or an 附件 word in the text never makes a part.
"""

from __future__ import annotations

from collections.abc import Sequence

from govspeech.nodes import INDENT_CHARS, LINE_ENDINGS, Element, Leaf, Paragraph
from govspeech.syntax.grammar import LinePatterns
from govspeech.syntax.patterncache import compile_cached
from govspeech.syntax.tokens import LineToken, new_token

__all__ = ["as_element", "ending", "masthead", "opening_elements"]

#: Line terminal → the element it makes, where it stands.
_KIND = {
    "COPY_NUMBER": "copy_number",
    "SECRECY": "secrecy",
    "URGENCY": "urgency",
    "ISSUER_MARK": "issuer_mark",
    "DOC_NUMBER": "number",
    "SIGNER": "signer",
    "ADDRESSEES": "addressees",
    "ATTACHMENTS": "attachments",
    "DOC_DATE": "date",
    "CC": "cc",
    "PRINTING": "printing",
    "KEYWORDS": "keywords",
    "PROOF": "printing",
}
#: The line classes of a 版头 (above the title).
_MASTHEAD = frozenset({"COPY_NUMBER", "SECRECY", "URGENCY", "ISSUER_MARK", "DOC_NUMBER", "SIGNER"})
#: The line classes of a 版记 (the last lines).
_FOOT = frozenset({"CC", "PRINTING", "KEYWORDS", "PROOF"})
#: The longest line that can name an issuing body (上海市黄浦区消防安全委员会办公室).
NAME_CHARS = 30
#: At most this many issuing bodies sign one document, one a line.
ISSUER_LINES = 6
#: At most this many lines of 附注 (in brackets), and of a 抄送 line's continuation.
NOTE_LINES = 3
_STOPS = compile_cached(r"[。！？!?，,；;：:]")
_SIGNER = compile_cached(r"签[ \t\u3000]*发[ \t\u3000]*人")
_RULE_LINE = compile_cached(r"^[-=─—＝_ \t\u3000]+$")


def _content(line: LineToken) -> str:
    return line.leaves[0].text.strip(INDENT_CHARS + LINE_ENDINGS)


def as_element(line: LineToken, kind: str) -> LineToken:
    """The line as elements of ``kind`` (its leaves joined: lossless). A 发文字号 line that
    goes on with 签发人：… becomes two elements, the number and the signer."""
    leaves = line.leaves
    first, last = leaves[0], leaves[-1]
    text = "".join(leaf.text for leaf in leaves)
    out: tuple[Leaf, ...]
    m = _SIGNER.search(text) if kind == "number" else None
    if m is not None and m.start() > 0:
        cut = m.start()
        out = (
            Element(text[:cut], first.start, first.start + cut, first.line, first.column, kind),
            Element(
                text[cut:], first.start + cut, last.end, first.line, first.column + cut, "signer"
            ),
        )
    else:
        out = (Element(text, first.start, last.end, first.line, first.column, kind),)
    tok = new_token(LineToken, line.type)
    tok.leaves, tok.number = out, None
    return tok


def _short_name(line: LineToken) -> bool:
    """A line that can be an organ's name: short, no sentence punctuation."""
    if line.type not in ("PARA", "PART_TITLE", "ISSUER_MARK"):
        return False
    text = _content(line)
    return 0 < len(text) <= NAME_CHARS and not _STOPS.search(text)


def masthead(lines: list[LineToken], title: int, floor: int) -> int:
    """The first line of the 版头 right above the title at line ``title`` (份号, 密级, 紧急程度,
    发文机关标志, 发文字号, 签发人 and the blank lines among them), or ``title`` when there is
    none; no higher than ``floor``. Its lines are made elements in place.

    An organ's name without 文件 (国务院办公厅) counts as the 发文机关标志 only above another
    line of the 版头, so a line of text above a title is never taken for one.
    """
    top = title
    marked = False  # a line of the 版头's own classes seen (below the names)
    j = title - 1
    while j >= floor:
        line = lines[j]
        if line.type == "BLANK":
            j -= 1
            continue
        if line.type in _MASTHEAD:
            marked = True
        elif not (marked and _short_name(line)):
            break
        top = j
        j -= 1
    if not marked:
        return title
    for k in range(top, title):
        line = lines[k]
        if line.type == "BLANK":
            continue
        kind = _KIND.get(line.type, "issuer_mark")
        lines[k] = as_element(line, kind)
    return top


#: How many lines of a page's data may stand between a title and its addressees.
ADDRESSEE_SKIP = 5
_SENTENCE_ENDS = ("。", "！", "？", "!", "?", "；", ";", "”")


def opening_elements(lines: list[LineToken], title_ends: Sequence[int]) -> None:
    """The 发文字号 and the 主送机关 below each title made elements, in place: the number on
    the lines right below the title, the addressees on the first line of text (after the
    number and a few lines of a page's data). Any other line that looks like them (有下列情形
    之一的，…： 各工业部门的建设情况是这样：) is a paragraph."""
    keep: set[int] = set()
    for end in title_ends:
        j, skipped = end + 1, 0
        while j < len(lines):
            line = lines[j]
            kind = line.type
            if kind == "ADDRESSEES":
                if not _form_below(lines, j):
                    lines[j] = as_element(line, "addressees")
                    keep.add(j)
                break
            if kind == "DOC_NUMBER" and skipped == 0:
                lines[j] = as_element(line, "number")
                keep.add(j)
                j += 1
                continue
            if kind in ("BLANK", "BOILERPLATE", "DOC_DATE", "DATELINE", "DOC_NUMBER"):
                j += 1
                continue
            # a line of the page's data (2018年1月25日…会议通过, <!-- INFO END -->), not a sentence
            if (
                kind != "PARA"
                or skipped == ADDRESSEE_SKIP
                or _content(line).endswith(_SENTENCE_ENDS)
            ):
                break
            skipped += 1
            j += 1
    for i, line in enumerate(lines):
        if line.type in ("ADDRESSEES", "DOC_NUMBER") and i not in keep:
            tok = new_token(LineToken, "PARA")
            tok.leaves, tok.number = line.leaves, line.number
            lines[i] = tok


#: The longest line that is taken for a cell of a form (填报单位, 宣传报道时间：).
CELL_CHARS = 15


def _form_below(lines: Sequence[LineToken], j: int) -> bool:
    """Is the line after ``j`` a cell of a form (申请部门（单位）： above 宣传报道时间：), so that
    line ``j`` is a field of the form, not the organs the document is sent to?"""
    k = next((k for k in range(j + 1, len(lines)) if lines[k].type != "BLANK"), None)
    if k is None or lines[k].type not in ("PARA", "ADDRESSEES"):
        return False
    text = _content(lines[k])
    return len(text) <= CELL_CHARS and (not _STOPS.search(text) or text.endswith(("：", ":")))


def _bracketed(line: LineToken) -> bool:
    text = _content(line)
    return (
        line.type == "PARA"
        and text.startswith(("（", "("))
        and text.endswith(("）", ")"))
        and len(text) <= 2 * NAME_CHARS
    )


def ending(lines: list[LineToken], lo: int, hi: int, pats: LinePatterns) -> int:
    """Where a 公文's ending starts among lines ``lo``..``hi`` (the text after its last heading,
    or the whole text of a notice without headings), or ``hi`` when it has none. Its lines are
    made elements in place.

    Read from the end up, in the order GB/T 9704 gives the parts: the 版记 (抄送：…, the 印发
    line), the 附注 in brackets ((此件公开发布)), the 成文日期, the issuing bodies above it (short
    lines, one a body), the 附件说明 (附件：1．…, already told from headings). An ending has a
    date, or is a 版记, or is a list of attachments; every line from its start to the end is
    one of these parts, so a date or a name in the text makes none. A date a web page broke
    over several lines (2014 / 年6 / 月28 / 日) is one date.
    """
    kinds: dict[int, str] = {}
    state = 0  # 0 版记, 1 附注, 2 date seen: issuers, 3 附件说明
    dated = footed = False
    names = notes = 0
    i = hi - 1
    while i >= lo:
        line = lines[i]
        kind = line.type
        if kind in ("BLANK", "BOILERPLATE"):
            i -= 1
            continue
        if state == 0 and kind in _FOOT:
            kinds[i] = _KIND[kind]
            footed = True
        elif state == 0 and _RULE_LINE.match(_content(line) or "x"):
            kinds[i] = ""  # a separator line of the 版记: a paragraph
        elif state == 0 and kind == "PARA" and _continues_cc(lines, i, lo):
            kinds[i] = "cc"
        elif state <= 1 and _bracketed(line) and notes < NOTE_LINES:
            state, notes = 1, notes + 1
            kinds[i] = "annotation"
        elif state <= 2 and kind == "DOC_DATE" and not dated:
            state, dated = 2, True
            kinds[i] = "date"
        elif state <= 2 and not dated and (top := _broken_date(lines, i, lo, pats)) is not None:
            state, dated = 2, True
            for k in range(top, i + 1):
                if lines[k].type != "BLANK":
                    kinds[k] = "date"
            i = top
        elif state == 2 and _short_name(line) and names < ISSUER_LINES:
            names += 1
            kinds[i] = "issuer"
        elif kind == "ATTACHMENTS" and ((state == 0 and not kinds) or state >= 2):
            state = 3
            kinds[i] = "attachments"
        else:
            break
        i -= 1
    if not kinds or not (dated or footed or state == 3):
        return hi
    start = min(kinds)
    for k, kind in kinds.items():
        if kind:
            lines[k] = as_element(lines[k], kind)
        else:
            tok = new_token(LineToken, "PARA")
            leaf = lines[k].leaves[0]
            tok.leaves = (Paragraph(leaf.text, leaf.start, leaf.end, leaf.line, leaf.column),)
            tok.number = None
            lines[k] = tok
    return start


#: A date broken over lines has at most this many pieces, each this short.
DATE_PIECES = 4
DATE_PIECE_CHARS = 5


def _broken_date(lines: Sequence[LineToken], i: int, lo: int, pats: LinePatterns) -> int | None:
    """The first line of a date that a page broke over lines ``…i`` (2014 / 年6 / 月28 / 日),
    read by the grammar's DOC_DATE once joined, or None."""
    pieces: list[str] = []
    k = i
    while k >= lo and len(pieces) < DATE_PIECES:
        line = lines[k]
        if line.type != "BLANK":
            text = _content(line)
            if line.type not in ("PARA", "COPY_NUMBER") or len(text) > DATE_PIECE_CHARS:
                return None
            pieces.insert(0, text)
            if len(pieces) > 1:
                m = pats.line.match("".join(pieces))
                if m is not None and m.lastgroup == "DOC_DATE":
                    return k
        k -= 1
    return None


def _continues_cc(lines: Sequence[LineToken], i: int, lo: int) -> bool:
    """Is line ``i`` the rest of a 抄送 line above it (the organs wrapped onto a second line)?"""
    for j in range(i - 1, max(lo, i - NOTE_LINES) - 1, -1):
        if lines[j].type == "CC":
            return True
        if lines[j].type != "PARA":
            return False
    return False
