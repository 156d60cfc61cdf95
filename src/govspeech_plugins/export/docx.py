"""``export --format docx``: a Word file laid out per GB/T 9704-2012 (党政机关公文格式).

Page: A4 (210 × 297 mm). The standard fixes the 天头 (top margin) at 37 mm, the 订口 (left
margin) at 28 mm and the 版心 (type area) at 156 × 225 mm, so the other two margins follow:
bottom 297 − 37 − 225 = 35 mm, right 210 − 28 − 156 = 26 mm. In twips (1/1440 in): page
11906 × 16838, margins top 2098, bottom 1984, left 1587, right 1474, which leaves a type area
of 8845 × 12756 twips (156.0 × 225.0 mm). The standard's 22 lines × 28 characters: a line
grid of 12756 / 22 = 579 twips (28.95 pt), also every paragraph's exact line spacing; 28
characters of 3号 (16 pt) need 448 pt of the 442.25 pt line, so all text is condensed by
0.25 pt a character (``w:spacing -5`` in the document defaults): 28 fit, 29 do not.

Text: the title 2号 (22 pt) 方正小标宋简体, centred; subtitles and datelines 3号 楷体_GB2312,
centred; section headings by their depth in the outline (the standard's 层次): 1 黑体, 2
楷体_GB2312, 3 仿宋_GB2312 bold (common practice), 4 仿宋_GB2312, deeper ones like body text;
body text 3号 仿宋_GB2312, justified, first line indented two characters; the salutation
(同志们：) flush left; page numbers ``— 1 —`` in 4号 宋体 below the type area, odd pages on the
right and even pages on the left, one character in. Markers are written as text, never as
Word numbering. Each element has a named paragraph style (``GS Title``, ``GS Heading 1`` …,
``GS Body``) that users can restyle; fonts are set in the styles for all scripts
(``w:rFonts`` ascii, hAnsi, eastAsia and cs), and the font table names fallbacks
(``w:altName``: 仿宋_GB2312 → 仿宋, FangSong …) for machines without the GB2312 fonts.
Titles and headings carry outline levels (title 1, a section at depth N level N + 1), so
Word's navigation pane and table of contents show the structure.

A 公文's parts (`Element` leaves) are laid out as GB/T 9704-2012 clause 7 places them, each
kind in a style of its own (``GS Masthead``, ``GS Issuer Mark`` …, written only into files
that have such parts, so that a speech's file is as before). The 版头: 份号, 密级, 紧急程度 flush
left in 3号 黑体; the 发文机关标志 centred in red 方正小标宋简体, 26 pt (smaller, down to 22 pt,
where a long name would not fit one line), its top 35 mm below the top of the type area (80 mm
in an upward document, one with 签发人); two lines below it the 发文字号, centred, or with a
签发人 both on one line, the number one character in at a left tab stop and 签发人：name (the
name in 楷体) one character from the right at a right tab stop; under the 版头's last line a red
rule as wide as the type area (its bottom border, 4 mm below), and the title two lines below
it. A 发文字号 below the title (where web pages put it) is centred under it. 主送机关 flush left.
附件说明: 附件： indented two characters, each further number under the first one and every
name, wrapped or not, under the first name's first character (a hanging indent measured from
the characters' widths). 署名 and 成文日期 as for a sealed document (7.3.5.1): the date right,
four characters in, each 署名 line centred above it (a right indent from the two widths), two
empty lines above them for the seal. 附注 indented two characters, in its brackets as written.
The 版记 (抄送, 印发, 主题词) in 4号 仿宋 in a table as wide as the type area, ruled above and
below (1 pt) and between its parts (0.75 pt), 抄送 one character in from both sides with its
wrapped lines under the names, 印发 organ left and date right; the table floats at the foot of
the type area of the page where the document ends (or of the next page where the text leaves
no room). An attachment (附件1 above its title) starts on a new page with the label flush
left in 3号 黑体 and its title on the third line. Lines the source broke (a date over four
lines, an attachment's name or the 抄送 list wrapped) are joined into one paragraph. Not
done: the 版记 stays in the document where the source has it (the standard puts it after the
attachments, on an even page); several bodies' 发文机关标志 are centred line by line, not set
side by side; the 印章 is not drawn.

A file with several documents puts each on a new page; boilerplate is left out. python-docx
is imported only when the format is used (``pip install 'govspeech[docx]'``). The output is
byte-for-byte reproducible: no creation time is written unless ``--docx-date`` (or
``SOURCE_DATE_EPOCH``) gives one, and the zip entries carry a fixed timestamp.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING, Any

from govspeech.errors import PluginError, UsageError
from govspeech.nodes import (
    BASIC_INDENT_CHARS,
    LINE_ENDINGS,
    Blank,
    Boilerplate,
    Document,
    Element,
    Leaf,
    Paragraph,
    ParsedFile,
    Section,
    TitleLine,
)
from govspeech.plugin import N_, Exporter
from govspeech.plugin import gettext as _
from govspeech.views import TextRun, documents, flow

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.text.paragraph import Paragraph as WordParagraph

INSTALL_HINT = N_("export --format docx needs python-docx: pip install 'govspeech[docx]'")

# --- Page geometry (twips) -------------------------------------------------------------------

PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838  # A4, 210 × 297 mm
MARGIN_TOP = 2098  # 天头 37 mm
MARGIN_LEFT = 1587  # 订口 28 mm
MARGIN_BOTTOM = 1984  # 297 − 37 − 225 = 35 mm
MARGIN_RIGHT = 1474  # 210 − 28 − 156 = 26 mm
FOOTER_DISTANCE = 1304  # 23 mm: a 14 pt footer line then starts 7 mm below the type area
HEADER_DISTANCE = 851  # 15 mm (no header is written)
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28
TYPE_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 8845 ≈ 156 mm
TYPE_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM  # 12756 ≈ 225 mm
LINE_PITCH = TYPE_HEIGHT // LINES_PER_PAGE  # 579 twips = 28.95 pt
BODY_HALF_POINTS = 32  # 3号 = 16 pt
# 28 characters of 16 pt (320 twips) need 8960 twips, more than the 8845 of the type area: all
# text is condensed by 5 twips (0.25 pt) a character, so that 28 fit and 29 do not. (Word's
# character grid, ``w:charSpace``, would do the same, but LibreOffice then spreads every
# character over two grid cells.)
CONDENSE = -(-(BODY_HALF_POINTS * 10 * CHARS_PER_LINE - TYPE_WIDTH) // CHARS_PER_LINE)

# --- Fonts ------------------------------------------------------------------------------------

XIAOBIAOSONG = "方正小标宋简体"
HEITI = "黑体"
KAITI = "楷体_GB2312"
FANGSONG = "仿宋_GB2312"
SONGTI = "宋体"

#: Names tried, in order, where the font is missing (``w:altName`` in the font table).
FALLBACKS = {
    XIAOBIAOSONG: "方正小标宋_GBK,FZXiaoBiaoSong-B05S,华文中宋,STZhongsong,宋体,SimSun",
    HEITI: "SimHei,STHeiti",
    KAITI: "楷体,KaiTi,STKaiti",
    FANGSONG: "仿宋,FangSong,STFangsong",
    SONGTI: "SimSun",
}
_FONT_FAMILY = {XIAOBIAOSONG: "roman", HEITI: "modern", KAITI: "modern", FANGSONG: "modern"}

# --- Styles -----------------------------------------------------------------------------------

TITLE, SUBTITLE, BODY = "GSTitle", "GSSubtitle", "GSBody"
SALUTATION, CLOSING, BODY_CHAR, PAGE_NUMBER = (
    "GSSalutation",
    "GSClosing",
    "GSBodyChar",
    "GSPageNumber",
)
MAX_OUTLINE_DEPTH = 9  # Word has outline levels 1–9; the title takes level 1
# The styles of a 公文's parts (written only into files that have such parts).
MASTHEAD, ISSUER_MARK, DOC_NUMBER, LABEL = (
    "GSMasthead",
    "GSIssuerMark",
    "GSDocumentNumber",
    "GSAttachmentLabel",
)
ADDRESSEES, ATTACHMENTS, SIGNATURE, DATE, ANNOTATION, IMPRINT = (
    "GSAddressees",
    "GSAttachments",
    "GSSignature",
    "GSDate",
    "GSAnnotation",
    "GSImprint",
)


def heading_style(depth: int) -> str:
    """The style id of a section heading at ``depth`` (1 at the top)."""
    return f"GSHeading{min(depth, MAX_OUTLINE_DEPTH)}"


#: Depth → (font, bold) of the headings that differ from body text (deeper: as body text).
HEADING_FONTS = {1: (HEITI, False), 2: (KAITI, False), 3: (FANGSONG, True), 4: (FANGSONG, False)}

# --- 公文 parts (GB/T 9704-2012 clause 7) ------------------------------------------------------

#: The style of each kind of `Element` where nothing more is known about its place.
ELEMENT_STYLES = {
    "copy_number": MASTHEAD,
    "secrecy": MASTHEAD,
    "urgency": MASTHEAD,
    "issuer_mark": ISSUER_MARK,
    "number": DOC_NUMBER,
    "signer": DOC_NUMBER,
    "addressees": ADDRESSEES,
    "attachments": ATTACHMENTS,
    "issuer": SIGNATURE,
    "date": DATE,
    "annotation": ANNOTATION,
    "cc": IMPRINT,
    "printing": IMPRINT,
    "keywords": IMPRINT,  # 主题词 of documents before 2012: a line of the 版记 like the others
}
#: The kinds that make the 版记 (7.4), set apart by rules at the end of the document.
IMPRINT_KINDS = frozenset({"cc", "printing", "keywords"})
#: The three lines flush left above the 发文机关标志 (7.2.1–7.2.3).
MARGIN_MARKS = frozenset({"copy_number", "secrecy", "urgency"})

# Red as 公文 templates print the 发文机关标志 and the rule under the 版头 (the standard says
# only 红色).
RED = "FF0000"
# 7.2.4: the 发文机关标志 in 小标宋, its size "以醒目、美观、庄重为原则": 26 pt, a little larger
# than the 2号 title, made smaller (not below 22 pt) when a long name would not fit one line.
MARK_HALF_POINTS, MARK_MIN_HALF_POINTS = 52, 44
MARK_TOP = 1984  # 7.2.4: its top 35 mm below the top of the type area …
MARK_TOP_UPWARD = 4535  # 7.2.6: … 80 mm in an upward document (one with 签发人)
RULE_SPACE = 11  # points (w:space): the red rule 4 mm (11.3 pt) below the 发文字号 (7.2.7)
RULE_SIZE = 12  # eighths of a point: 1.5 pt, the weight 公文 templates give the red rule
EM = BODY_HALF_POINTS * 10  # one 3号 character, 320 twips: what "空一字" measures
DATE_RIGHT = 4 * EM  # 7.3.5.1: 成文日期 右空四字
IMPRINT_HALF_POINTS = 28  # 7.4: the 版记 in 4号 (14 pt) 仿宋
IMPRINT_EM = IMPRINT_HALF_POINTS * 10
# 7.4.1: the 版记's first and last rules thick (0.35 mm ≈ 1 pt), those between thin (0.25 mm
# ≈ 0.75 pt); w:sz in eighths of a point.
IMPRINT_THICK, IMPRINT_THIN = 8, 6

# 附件说明 (7.3.3): 附件： and each attachment's number (1．, 2.…), whose names line up.
_ATTACHMENT_HEAD = re.compile(r"附\s*件\s*[：:]\s*")
_ATTACHMENT_NUMBER = re.compile(r"(?:[0-9０-９]{1,3}\s*[．.、]|[（(][0-9０-９]{1,3}[）)])\s*")
# 抄送： (7.4.2), whose wrapped lines line up after the colon.
_CC_HEAD = re.compile(r"抄\s*送\s*[：:]\s*")
# 印发 (7.4.3): the organ, white space, the date …印发.
_PRINTING = re.compile(r"(.*?\S)[\s\u3000]+(\S*年.*印发)")
_SIGNER_COLON = re.compile(r"[：:]\s*")

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f'xmlns:w="{W_NS}"'

# Characters XML 1.0 cannot hold (C0 controls but tab, line feed and carriage return; U+FFFE,
# U+FFFF; lone surrogates from a lenient decode). Vertical tab and form feed become a space.
_INVALID_XML = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SPACES = str.maketrans({"\x0b": " ", "\x0c": " ", "\r": " ", "\n": " "})
# Stripped after `clean`, which has made vertical tabs and form feeds spaces already.
_INDENT = BASIC_INDENT_CHARS


def clean(text: str) -> str:
    """``text`` made safe for XML: line breaks and page feeds become spaces, controls go."""
    return _INVALID_XML.sub("", text.translate(_SPACES))


def _leaf_content(leaf: Leaf) -> str:
    text = leaf.text[leaf.decoration :] if isinstance(leaf, TitleLine) else leaf.text  # no "# "
    return clean(text.rstrip(LINE_ENDINGS)).strip(_INDENT)


# --- XML snippets -----------------------------------------------------------------------------


def _rpr(
    font: str | None = None,
    half_points: int | None = None,
    bold: bool | None = None,
    condense: int | None = None,
    color: str | None = None,
) -> str:
    parts = []
    if font is not None:
        parts.append(
            f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}" '
            'w:hint="eastAsia"/>'
        )
    if bold is not None:
        val = "" if bold else ' w:val="0"'
        parts.append(f"<w:b{val}/><w:bCs{val}/>")
    if color is not None:
        parts.append(f'<w:color w:val="{color}"/>')
    if condense is not None:
        parts.append(f'<w:spacing w:val="{-condense}"/>')
    if half_points is not None:
        parts.append(f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def _ppr(
    *,
    keep_next: bool = False,
    snap_to_grid: bool = True,
    indent: bool | None = None,
    align: str | None = None,
    outline: int | None = None,
    spacing: bool = False,
    line: str | None = None,
    ind: str | None = None,
) -> str:
    """A ``w:pPr`` with its children in schema order. ``line`` and ``ind`` are the attributes of
    a ``w:spacing`` and a ``w:ind`` (see `_ind`), for what the keywords do not say."""
    parts = []
    if keep_next:
        parts.append("<w:keepNext/>")
    if spacing:  # Normal: no widow control, so that every page holds its 22 lines
        parts.append('<w:widowControl w:val="0"/>')
    if not snap_to_grid:
        parts.append('<w:snapToGrid w:val="0"/>')
    if spacing:
        parts.append(
            f'<w:spacing w:before="0" w:after="0" w:line="{LINE_PITCH}" w:lineRule="exact"/>'
        )
    elif line is not None:
        parts.append(f"<w:spacing {line}/>")
    if indent is True:  # 首行缩进 2 字符, and its twips for readers that ignore the chars
        parts.append(f'<w:ind w:firstLineChars="200" w:firstLine="{BODY_HALF_POINTS * 20}"/>')
    elif indent is False:
        parts.append('<w:ind w:firstLineChars="0" w:firstLine="0"/>')
    elif ind is not None:
        parts.append(f"<w:ind {ind}/>")
    if align is not None:
        parts.append(f'<w:jc w:val="{align}"/>')
    if outline is not None:
        parts.append(f'<w:outlineLvl w:val="{outline}"/>')
    return f"<w:pPr>{''.join(parts)}</w:pPr>" if parts else ""


def _chars(twips: int, em: int = EM) -> int:
    """``twips`` in Word's character unit (hundredths of a character of ``em`` twips)."""
    return round(twips * 100 / em)


def _ind(*, left: int = 0, right: int = 0, hanging: int = 0, first: int = 0, em: int = EM) -> str:
    """The attributes of a ``w:ind`` (twips): each given in characters too, as `_ppr` writes the
    first-line indent, so that Word's dialog shows 字符. Every attribute is written, so that none
    is left to a style; a hanging indent replaces the first-line one."""
    out = (
        f'w:leftChars="{_chars(left, em)}" w:left="{left}" '
        f'w:rightChars="{_chars(right, em)}" w:right="{right}" '
    )
    if hanging:
        return out + f'w:hangingChars="{_chars(hanging, em)}" w:hanging="{hanging}"'
    return out + f'w:firstLineChars="{_chars(first, em)}" w:firstLine="{first}"'


def _advance(text: str, half_points: int = BODY_HALF_POINTS) -> int:
    """How wide ``text`` sets, in twips: a CJK or full-width character one em, any other half an
    em, each less the condensing of the document defaults. (Characters of ambiguous width, the
    “” and ‘’ marks, count as full-width: the ``w:hint="eastAsia"`` of the fonts sets them in the
    Chinese font, where they are.) What lines text up under other text (附件说明, 抄送)."""
    em = half_points * 10
    return sum(
        (em if unicodedata.east_asian_width(c) in "WFA" else em // 2) - CONDENSE for c in text
    )


def _style(
    style_id: str,
    name: str,
    *,
    kind: str = "paragraph",
    based_on: str | None = "Normal",
    next_style: str | None = BODY,
    ppr: str = "",
    rpr: str = "",
    priority: int = 1,
    quick: bool = True,
) -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    nxt = f'<w:next w:val="{next_style}"/>' if next_style and kind == "paragraph" else ""
    q = "<w:qFormat/>" if quick else ""
    return (
        f'<w:style {_W} w:type="{kind}" w:customStyle="1" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/>{based}{nxt}<w:uiPriority w:val="{priority}"/>{q}{ppr}{rpr}'
        "</w:style>"
    )


def _styles(gongwen: bool = False) -> list[str]:
    """The paragraph and character styles; with ``gongwen`` those of a 公文's parts too."""
    out = [
        _style(
            TITLE,
            "GS Title",
            next_style=SUBTITLE,
            ppr=_ppr(keep_next=True, snap_to_grid=False, align="center", outline=0),
            rpr=_rpr(XIAOBIAOSONG, 44, False),
        ),
        _style(
            SUBTITLE,
            "GS Subtitle",
            ppr=_ppr(keep_next=True, snap_to_grid=False, align="center"),
            rpr=_rpr(KAITI, BODY_HALF_POINTS, False),
        ),
        _style(BODY, "GS Body", ppr=_ppr(indent=True), priority=2),
        _style(SALUTATION, "GS Salutation", ppr=_ppr(indent=False), priority=3),
        _style(CLOSING, "GS Closing", based_on=BODY, priority=3),
    ]
    for depth in range(1, MAX_OUTLINE_DEPTH + 1):
        font, bold = HEADING_FONTS.get(depth, (None, None))
        out.append(
            _style(
                heading_style(depth),
                f"GS Heading {depth}",
                based_on=BODY,
                ppr=_ppr(outline=depth),
                rpr=_rpr(font, None, bold),
                priority=2,
                quick=depth <= 4,
            )
        )
    out.append(
        _style(
            BODY_CHAR,
            "GS Body Char",
            kind="character",
            based_on=None,
            rpr=_rpr(FANGSONG, BODY_HALF_POINTS),
            priority=4,
        )
    )
    out.append(
        _style(
            PAGE_NUMBER,
            "GS Page Number",
            next_style=None,
            ppr=_ppr(snap_to_grid=False),
            rpr=_rpr(SONGTI, 28, False),
            priority=5,
            quick=False,
        )
    )
    if gongwen:
        out += _gongwen_styles()
    return out


def _gongwen_styles() -> list[str]:
    """The styles of a 公文's parts (GB/T 9704-2012 clause 7), one a part, so that each can be
    restyled; what depends on the text (indents that line up, the red rule) is set on the
    paragraph."""
    return [
        _style(  # 份号, 密级和保密期限, 紧急程度: 3号黑体, 顶格 (7.2.1–7.2.3)
            MASTHEAD,
            "GS Masthead",
            next_style=ISSUER_MARK,
            ppr=_ppr(keep_next=True, indent=False, align="left"),
            rpr=_rpr(HEITI, BODY_HALF_POINTS, False),
            priority=6,
        ),
        _style(  # 发文机关标志: red 小标宋, centred (7.2.4); its own line height, off the grid
            ISSUER_MARK,
            "GS Issuer Mark",
            next_style=DOC_NUMBER,
            ppr=_ppr(
                keep_next=True,
                snap_to_grid=False,
                line='w:line="240" w:lineRule="auto"',
                indent=False,
                align="center",
            ),
            rpr=_rpr(XIAOBIAOSONG, MARK_HALF_POINTS, False, color=RED),
            priority=6,
        ),
        _style(  # 发文字号 (and 签发人): centred 3号仿宋 (7.2.5)
            DOC_NUMBER,
            "GS Document Number",
            next_style=TITLE,
            ppr=_ppr(keep_next=True, indent=False, align="center"),
            priority=6,
        ),
        _style(  # 附件1 above an attachment: 3号黑体 顶格 (7.3.6)
            LABEL,
            "GS Attachment Label",
            next_style=TITLE,
            ppr=_ppr(keep_next=True, indent=False, align="left"),
            rpr=_rpr(HEITI, BODY_HALF_POINTS, False),
            priority=6,
        ),
        _style(ADDRESSEES, "GS Addressees", ppr=_ppr(indent=False), priority=6),  # 顶格
        _style(  # 附件： 左空二字, a name wrapped under its first character (7.3.3)
            ATTACHMENTS,
            "GS Attachments",
            ppr=_ppr(ind=_ind(left=2 * EM + _advance("附件："), hanging=_advance("附件："))),
            priority=6,
        ),
        _style(  # 发文机关署名 and 成文日期: right, 右空四字 (7.3.5.1)
            SIGNATURE,
            "GS Signature",
            next_style=DATE,
            ppr=_ppr(keep_next=True, align="right", ind=_ind(right=DATE_RIGHT)),
            priority=6,
        ),
        _style(
            DATE,
            "GS Date",
            next_style=ANNOTATION,
            ppr=_ppr(align="right", ind=_ind(right=DATE_RIGHT)),
            priority=6,
        ),
        _style(ANNOTATION, "GS Annotation", based_on=BODY, priority=6),  # 居左空二字 (7.3.5.3)
        _style(  # 版记: 4号仿宋, 左右各空一字 (7.4)
            IMPRINT,
            "GS Imprint",
            next_style=IMPRINT,
            ppr=_ppr(ind=_ind(left=IMPRINT_EM, right=IMPRINT_EM, em=IMPRINT_EM), align="left"),
            rpr=_rpr(FANGSONG, IMPRINT_HALF_POINTS),
            priority=6,
        ),
    ]


def _font_table() -> bytes:
    fonts = []
    for name, alt in FALLBACKS.items():
        family = _FONT_FAMILY.get(name, "auto")
        fonts.append(
            f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
            f'<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
        )
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    return f"{head}<w:fonts {_W}>{''.join(fonts)}</w:fonts>".encode()


_APP_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>govspeech</Application><DocSecurity>0</DocSecurity></Properties>"
)

_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"

# A fixed time for the zip entries: the earliest a zip can hold.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


# --- The exporter -----------------------------------------------------------------------------


def _parse_date(text: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(
            _("--docx-date: {text!r} is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)").format(
                text=text
            )
        ) from None
    if value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return value


class DocxExporter(Exporter):
    """The ``docx`` format."""

    name = "docx"
    description = N_(
        "A Word file in 公文 layout (GB/T 9704-2012): A4, 仿宋 body, 黑体/楷体 headings"
    )
    extensions = (".docx",)
    parallel = True  # run depends on its file only
    binary = True

    def __init__(self) -> None:
        self._date: dt.datetime | None = None

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        group = parser.add_argument_group(_("docx format"))
        group.add_argument(
            "--docx-date",
            metavar="DATE",
            help=_(
                "docx: creation date written into the file (YYYY-MM-DD[THH:MM:SS], UTC); default "
                "SOURCE_DATE_EPOCH if set, else none, so the same input gives the same bytes"
            ),
        )
        group.add_argument(
            "--docx-split-headings",
            action="store_true",
            help=_(
                "docx: put the text after a heading's title sentence in a paragraph of its own "
                "(default: it runs on in the heading's paragraph, as in the input)"
            ),
        )
        group.add_argument(
            "--docx-no-page-numbers",
            action="store_true",
            help=_("docx: leave out the page numbers (— 1 — in the footer)"),
        )

    def prepare(self, options: argparse.Namespace) -> None:
        try:
            import docx  # noqa: F401
        except ImportError as exc:
            if exc.name in (None, "docx"):
                raise PluginError(_(INSTALL_HINT)) from None
            raise PluginError(
                _("{hint} (python-docx failed to import: {error})").format(
                    hint=_(INSTALL_HINT), error=exc
                )
            ) from None
        files = getattr(options, "files", [])
        if len(files) > 1 and not getattr(options, "per_file", False):
            raise UsageError(_("docx writes one file per input; use -o folder/"))
        self._date = None
        if getattr(options, "docx_date", None):
            self._date = _parse_date(options.docx_date)
        elif os.environ.get("SOURCE_DATE_EPOCH", "").strip():
            try:
                epoch = int(os.environ["SOURCE_DATE_EPOCH"])
            except ValueError:
                raise UsageError(_("SOURCE_DATE_EPOCH must be a number of seconds")) from None
            self._date = dt.datetime.fromtimestamp(epoch, dt.timezone.utc).replace(tzinfo=None)

    def run(self, tree: ParsedFile, options: argparse.Namespace, out: IO[Any]) -> int:
        writer = _Writer(
            split_headings=bool(getattr(options, "docx_split_headings", False)),
            page_numbers=not getattr(options, "docx_no_page_numbers", False),
            date=self._date,
        )
        out.write(writer.write(tree))
        return 0


class _Writer:
    """Builds one Word file from one parsed input."""

    def __init__(self, *, split_headings: bool, page_numbers: bool, date: dt.datetime | None):
        self.split_headings = split_headings
        self.page_numbers = page_numbers
        self.date = date
        self._break_before = False
        self._doc: WordDocument | None = None
        self._count = 0  # paragraphs written
        self._last: WordParagraph | None = None
        self._styles: dict[tuple[str, str], Any] = {}
        self._sect_pr: Any = None

    @property
    def doc(self) -> WordDocument:
        assert self._doc is not None
        return self._doc

    def write(self, tree: ParsedFile) -> bytes:
        import docx

        self._doc = docx.Document()
        self._clean_package()
        views = list(documents(tree))
        # The 公文 styles only where there are 公文 parts: a speech's file stays as it was.
        self._set_styles(gongwen=any(_is_gongwen(view.document) for view in views))
        self._set_page()
        title = ""
        for leaf in tree.preamble:
            self._leaf(leaf)
        for k, view in enumerate(views):
            # 7.3.6: an attachment (附件1 above its title) 另面编排, like every later document
            if (k or _label(view.document) is not None) and self._count:
                self._break_before = True
            if not title and view.document.title:
                title = view.document.title
            self._document(view.document)
        self._set_properties(clean(title).strip())
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return _normalise_zip(buffer.getvalue())

    # -- content ------------------------------------------------------------------------------

    def _style(self, style_id: str, kind: str) -> Any:
        """A style by id, looked up once (python-docx searches every style on each lookup)."""
        key = (style_id, kind)
        if key not in self._styles:
            self._styles[key] = self.doc.styles.get_by_id(
                style_id, _paragraph_type() if kind == "paragraph" else _char_type()
            )
        return self._styles[key]

    def _append(self, element: Any) -> None:
        """Put ``element`` (a ``w:p`` or ``w:tbl``) at the end of the body."""
        # python-docx's add_paragraph finds the body's sectPr by scanning every paragraph
        # before it, which is quadratic in the document's length; insert next to it directly.
        # (Even body.sectPr is such a scan: it is looked up once.)
        if self._sect_pr is None:
            self._sect_pr = self.doc.element.body.sectPr
        if self._sect_pr is not None:
            self._sect_pr.addprevious(element)
        else:
            self.doc.element.body.append(element)

    def _paragraph(self, style: str, text: str = "", *, into: Any = None) -> WordParagraph:
        """A new paragraph at the end of the body, or of ``into`` (a table cell's ``w:tc``)."""
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph as WordParagraph

        p = OxmlElement("w:p")
        if into is not None:
            into.append(p)
        else:
            self._append(p)
        para = WordParagraph(p, self.doc._body)
        para.style = self._style(style, "paragraph")
        if text:
            para.add_run(text)
        if self._break_before:
            para.paragraph_format.page_break_before = True
            self._break_before = False
        self._count += 1
        self._last = para
        return para

    def _leaf(self, leaf: Leaf) -> WordParagraph | None:
        """One title line, body paragraph or 公文 part, in its style, and the paragraph written;
        blank lines and boilerplate are left out."""
        if isinstance(leaf, (Blank, Boilerplate)):
            return None
        text = _leaf_content(leaf)
        if not text:
            return None
        if isinstance(leaf, TitleLine):
            style = {"title": TITLE, "label": LABEL}.get(leaf.role, SUBTITLE)
        elif isinstance(leaf, Element):
            style = ELEMENT_STYLES.get(leaf.kind, BODY)
        elif isinstance(leaf, Paragraph) and leaf.role == "salutation":
            style = SALUTATION
        elif isinstance(leaf, Paragraph) and leaf.role == "closing":
            style = CLOSING
        elif isinstance(leaf, Paragraph) and leaf.role == "part":
            style = heading_style(1)  # a part without a number: titled like 一、, in 黑体
        else:
            style = BODY
        return self._paragraph(style, text)

    def _document(self, document: Document) -> None:
        before = self._count
        self._title_block(document.title_lines)
        # A 发文字号 right below the title (where web pages put it) stays in the title block.
        opening = document.opening
        below = 0
        for k, leaf in enumerate(opening):
            if isinstance(leaf, Element) and leaf.kind == "number":
                below = k + 1
            elif not isinstance(leaf, (Blank, Boilerplate)):
                break
        for leaf in opening[:below]:
            self._leaf(leaf)
        if self._count > before and self._last is not None:
            # one empty line (空一行) between the title block and the text
            self._last.paragraph_format.space_after = _twips(LINE_PITCH)
        for leaf in opening[below:]:
            self._leaf(leaf)
        for item in flow(document):
            if isinstance(item, TextRun):  # the text going back up after a list
                for leaf in item.leaves:
                    self._leaf(leaf)
            else:
                self._section(item.section, item.depth)
        self._closing(document.closing)

    # -- a 公文's parts (GB/T 9704-2012 clause 7) -------------------------------------------------

    def _title_block(self, leaves: tuple[Leaf, ...]) -> None:
        """The title lines, after the 版头 where the document has one (7.2): 份号, 密级, 紧急程度
        flush left; the 发文机关标志 35 mm (80 mm with a 签发人) below the top of the type area;
        two lines under it the 发文字号, with the 签发人 on its line; the red rule under them."""
        upward = any(isinstance(x, Element) and x.kind == "signer" for x in leaves)
        items = [x for x in leaves if not isinstance(x, (Blank, Boilerplate))]
        above = 0  # lines above the 发文机关标志
        mark = False  # whether the 发文机关标志 has been written
        rule: WordParagraph | None = None  # the 版头's last line, over the red rule
        last = ""  # the kind of the 版头 line before
        k = 0
        while k < len(items):
            leaf = items[k]
            k += 1
            if not isinstance(leaf, Element):
                para = self._leaf(leaf)
                if para is not None and isinstance(leaf, TitleLine) and leaf.role == "label":
                    # 7.3.6: 附件1 on the first line, the attachment's title on the third
                    para.paragraph_format.space_after = _twips(LINE_PITCH)
                continue
            after = items[k] if k < len(items) else None
            if (
                leaf.kind == "number"
                and isinstance(after, Element)
                and after.kind == "signer"
                and after.line == leaf.line
            ):
                para = self._number_and_signer(leaf, after)
                k += 1
            else:
                para = self._leaf(leaf)
            if para is None:
                continue
            if leaf.kind == "issuer_mark":
                if not mark:  # (a joint document's mark may take several lines)
                    mark = True
                    top = (MARK_TOP_UPWARD if upward else MARK_TOP) - above * LINE_PITCH
                    if top > 0:
                        para.paragraph_format.space_before = _twips(top)
                _fit_mark(para, _leaf_content(leaf))
                rule = para
            elif leaf.kind in ("number", "signer") and mark:
                if last == "issuer_mark":  # 7.2.5: 发文机关标志下空二行
                    para.paragraph_format.space_before = _twips(2 * LINE_PITCH)
                rule = para
            elif leaf.kind in MARGIN_MARKS and not mark:
                above += 1
            last = leaf.kind
        if mark and rule is not None:
            # 7.2.7: a red rule as wide as the type area 4 mm below the 发文字号; the title two
            # lines below it (7.3.1)
            _set_ppr(
                rule,
                f'<w:pBdr><w:bottom w:val="single" w:sz="{RULE_SIZE}" w:space="{RULE_SPACE}" '
                f'w:color="{RED}"/></w:pBdr>',
            )
            rule.paragraph_format.space_after = _twips(2 * LINE_PITCH)

    def _number_and_signer(self, number: Element, signer: Element) -> WordParagraph:
        """7.2.6: the 发文字号 居左空一字 and the 签发人 居右空一字 on one line, by tab stops (an
        indent would shorten the red rule under the line); the signer's name in 楷体."""
        para = self._paragraph(DOC_NUMBER)
        _set_ppr(
            para,
            f'<w:tabs><w:tab w:val="left" w:pos="{EM}"/>'
            f'<w:tab w:val="right" w:pos="{TYPE_WIDTH - EM}"/></w:tabs>',
        )
        _set_ppr(para, '<w:jc w:val="left"/>')
        para.add_run("\t" + _leaf_content(number) + "\t")
        text = _leaf_content(signer)
        colon = _SIGNER_COLON.search(text)
        if colon is None:
            para.add_run(text)
        else:
            para.add_run(text[: colon.end()])
            _run(para, text[colon.end() :], _rpr(KAITI))
        return para

    def _closing(self, leaves: tuple[Leaf, ...]) -> None:
        """The text after the body; a 公文's parts there as 7.3.3–7.4 place them: 附件说明 with
        its names lined up, 署名 and 成文日期 on the right, 附注, then the 版记."""
        if not any(isinstance(x, Element) for x in leaves):
            for leaf in leaves:
                self._leaf(leaf)
            return
        items = [x for x in leaves if not isinstance(x, (Blank, Boilerplate))]
        date = _first_date(items)
        attachments = _Attachments()
        # The 版记 goes last, whatever the source has after it: it stands at the page's foot.
        imprint = [x for x in items if isinstance(x, Element) and x.kind in IMPRINT_KINDS]
        previous: Leaf | None = None
        signed = False  # the 署名 or 成文日期 has begun
        for leaf in items:
            if isinstance(leaf, Element) and leaf.kind in IMPRINT_KINDS:
                continue
            if not isinstance(leaf, Element):
                self._leaf(leaf)
                previous = leaf
                continue
            text = _leaf_content(leaf)
            if not text:
                continue
            last = self._last
            if (
                leaf.kind == "date"
                and isinstance(previous, Element)
                and previous.kind == "date"
                and last is not None
            ):
                last.add_run(text)  # a date the source broke over lines (2014 / 年6 / 月28 / 日)
            elif leaf.kind == "attachments":
                attachments.line(self, text)
            else:
                para = self._paragraph(ELEMENT_STYLES.get(leaf.kind, BODY), text)
                if leaf.kind in ("issuer", "date") and not signed:
                    signed = True
                    # 署名 and date below the 正文 (or 附件说明); two lines where a 署名 comes,
                    # room for the seal that covers them (7.3.5.1)
                    lines = 2 if leaf.kind == "issuer" else 1
                    para.paragraph_format.space_before = _twips(lines * LINE_PITCH)
                if leaf.kind == "issuer":
                    # 7.3.5.1: 署名 centred above the 成文日期, which is 右空四字
                    right = DATE_RIGHT
                    if date:
                        right = max(0, DATE_RIGHT + (_advance(date) - _advance(text)) // 2)
                    _set_ppr(para, f"<w:ind {_ind(right=right)}/>")
            previous = leaf
        if imprint:
            self._imprint(imprint)

    def _imprint(self, elements: list[Element]) -> None:
        """The 版记 (7.4): 抄送, 印发 (and 主题词) in 4号仿宋 in a table as wide as the type area,
        one row a part, ruled above, between and below by the table's borders (thick, thin,
        thick: 7.4.1), which keep the type area's width whatever the paragraphs' indents.

        The table floats at the foot of the type area (``w:tblpPr``, ``tblpYSpec="bottom"``), so
        that its last rule lies on the type area's bottom edge as 7.4.1 asks, on the page where
        the paragraph after it falls: the document's last page, or a page of its own where the
        text leaves no room above it (the text flows around it, never under it). It is placed
        from the page's edge (at the left margin), not the margin's: LibreOffice floats a table
        as wide as the type area only when it is placed relative to the page, and keeps the
        others in the text."""
        from docx.oxml import parse_xml

        rows: list[list[Element]] = []
        for element in elements:
            if rows and rows[-1][-1].kind == element.kind:
                rows[-1].append(element)
            else:
                rows.append([element])
        thick = f'w:val="single" w:sz="{IMPRINT_THICK}" w:space="0" w:color="000000"'
        thin = f'w:val="single" w:sz="{IMPRINT_THIN}" w:space="0" w:color="000000"'
        cell = f'<w:tc><w:tcPr><w:tcW w:w="{TYPE_WIDTH}" w:type="dxa"/></w:tcPr></w:tc>'
        table = parse_xml(
            f"<w:tbl {_W}><w:tblPr>"
            '<w:tblpPr w:leftFromText="0" w:rightFromText="0" w:topFromText="0" '
            f'w:bottomFromText="0" w:vertAnchor="margin" w:horzAnchor="page" '
            f'w:tblpX="{MARGIN_LEFT}" w:tblpYSpec="bottom"/><w:tblOverlap w:val="never"/>'
            f'<w:tblW w:w="{TYPE_WIDTH}" w:type="dxa"/>'
            f'<w:tblBorders><w:top {thick}/><w:left w:val="nil"/><w:bottom {thick}/>'
            f'<w:right w:val="nil"/><w:insideH {thin}/><w:insideV w:val="nil"/></w:tblBorders>'
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/>'
            "</w:tblCellMar>"
            '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
            f'</w:tblPr><w:tblGrid><w:gridCol w:w="{TYPE_WIDTH}"/></w:tblGrid>'
            + f"<w:tr>{cell}</w:tr>" * len(rows)
            + "</w:tbl>"
        )
        self._append(table)
        for row, tc in zip(rows, table.iter(_qn("w:tc")), strict=True):
            para: WordParagraph | None = None
            for element in row:
                text = _leaf_content(element)
                if not text:
                    continue
                if element.kind == "cc":
                    head = _CC_HEAD.match(text)
                    if head is None and para is not None:
                        para.add_run(text)  # a line the source wrapped: Word wraps it again
                        continue
                    para = self._paragraph(IMPRINT, text, into=tc)
                    if head is not None:  # 7.4.2: wrapped lines under the name after 抄送：
                        hanging = _advance(head.group(), IMPRINT_HALF_POINTS)
                        ind = _ind(
                            left=IMPRINT_EM + hanging,
                            right=IMPRINT_EM,
                            hanging=hanging,
                            em=IMPRINT_EM,
                        )
                        _set_ppr(para, f"<w:ind {ind}/>")
                elif element.kind == "printing" and (split := _PRINTING.fullmatch(text)):
                    # 7.4.3: the organ 左空一字, the date 右空一字, by a right tab stop
                    para = self._paragraph(IMPRINT, f"{split[1]}\t{split[2]}", into=tc)
                    _set_ppr(
                        para,
                        f'<w:tabs><w:tab w:val="right" w:pos="{TYPE_WIDTH - IMPRINT_EM}"/>'
                        "</w:tabs>",
                    )
                else:
                    para = self._paragraph(IMPRINT, text, into=tc)
            if para is None:  # a cell holds at least one paragraph
                self._paragraph(IMPRINT, into=tc)
        # The paragraph the table is anchored to (Word needs one after a floating table): one
        # point high and off the grid, so that it takes no line of the page.
        anchor = self._paragraph(IMPRINT)
        _set_ppr(anchor, '<w:snapToGrid w:val="0"/>')
        _set_ppr(anchor, '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>')

    def _section(self, section: Section, depth: int) -> None:
        heading = section.heading
        text = clean(heading.text.rstrip(LINE_ENDINGS)).lstrip(_INDENT)
        body: Iterable[Leaf] = section.body
        run_in = ""
        first = next((x for x in section.body if not isinstance(x, Blank)), None)
        if (
            not self.split_headings
            and isinstance(first, Paragraph)
            and first.line == heading.line
            and first.role == "text"
        ):
            run_in = clean(first.text.rstrip(LINE_ENDINGS)).rstrip(_INDENT)
            body = [x for x in section.body if x is not first]
        if not run_in:
            text = text.rstrip(_INDENT)
        para = self._paragraph(heading_style(depth), text)
        if run_in:
            run = para.add_run(run_in, style=self._style(BODY_CHAR, "character"))
            if HEADING_FONTS.get(min(depth, MAX_OUTLINE_DEPTH), (None, False))[1]:
                run.bold = False  # bold is a toggle: only direct formatting turns it off
        for leaf in body:
            self._leaf(leaf)

    # -- package, styles, page ----------------------------------------------------------------

    def _clean_package(self) -> None:
        """Drop what python-docx's template brings that a 公文 does not need."""
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        part = self.doc.part
        unwanted = {RT.CUSTOM_XML, RT.NUMBERING, _STYLES_WITH_EFFECTS, RT.FONT_TABLE}
        for rid, rel in list(part.rels.items()):
            if rel.reltype in unwanted:
                del part.rels[rid]
        package = part.package
        assert package is not None
        for rid, rel in list(package.rels.items()):
            if rel.reltype in {RT.THUMBNAIL, RT.EXTENDED_PROPERTIES}:
                del package.rels[rid]
        from docx.opc.constants import CONTENT_TYPE as CT
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part

        fonts = Part(PackURI("/word/fontTable.xml"), CT.WML_FONT_TABLE, _font_table(), package)
        part.relate_to(fonts, RT.FONT_TABLE)
        app = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, _APP_XML, package)
        package.relate_to(app, RT.EXTENDED_PROPERTIES)
        settings = self.doc.settings.element
        for tag in ("w:savePreviewPicture", "w:rsids"):
            for child in settings.findall(_qn(tag)):
                settings.remove(child)
        lang = settings.find(_qn("w:themeFontLang"))
        if lang is not None:
            lang.set(_qn("w:eastAsia"), "zh-CN")
        # The template says Word 2010, which opens the file in compatibility mode.
        for setting in settings.iter(_qn("w:compatSetting")):
            if setting.get(_qn("w:name")) == "compatibilityMode":
                setting.set(_qn("w:val"), "15")

    def _set_styles(self, *, gongwen: bool) -> None:
        from docx.oxml import parse_xml

        styles = self.doc.styles.element
        keep = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}
        for style in styles.findall(_qn("w:style")):
            if style.get(_qn("w:styleId")) not in keep:
                styles.remove(style)
        defaults = styles.find(_qn("w:docDefaults"))
        if defaults is not None:
            styles.remove(defaults)
        lang = '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
        run_defaults = _rpr(FANGSONG, BODY_HALF_POINTS, condense=CONDENSE).replace(
            "</w:rPr>", lang + "</w:rPr>"
        )
        para_defaults = (
            f'<w:pPr><w:spacing w:before="0" w:after="0" w:line="{LINE_PITCH}" '
            'w:lineRule="exact"/></w:pPr>'
        )
        defaults = parse_xml(
            f"<w:docDefaults {_W}><w:rPrDefault>{run_defaults}</w:rPrDefault>"
            f"<w:pPrDefault>{para_defaults}</w:pPrDefault></w:docDefaults>"
        )
        styles.insert(0, defaults)
        normal = styles.find(f"{_qn('w:style')}[@{_qn('w:styleId')}='Normal']")
        assert normal is not None
        for child in list(normal):
            if child.tag in (_qn("w:pPr"), _qn("w:rPr"), _qn("w:rsid")):
                normal.remove(child)
        normal.append(
            parse_xml(_ppr(spacing=True, align="both").replace("<w:pPr>", f"<w:pPr {_W}>", 1))
        )
        normal.append(
            parse_xml(_rpr(FANGSONG, BODY_HALF_POINTS).replace("<w:rPr>", f"<w:rPr {_W}>", 1))
        )
        for xml in _styles(gongwen):
            styles.append(parse_xml(xml))

    def _set_page(self) -> None:
        from docx.oxml import parse_xml
        from docx.shared import Twips

        section = self.doc.sections[0]
        section.page_width, section.page_height = Twips(PAGE_WIDTH), Twips(PAGE_HEIGHT)
        section.top_margin, section.bottom_margin = Twips(MARGIN_TOP), Twips(MARGIN_BOTTOM)
        section.left_margin, section.right_margin = Twips(MARGIN_LEFT), Twips(MARGIN_RIGHT)
        section.header_distance, section.footer_distance = (
            Twips(HEADER_DISTANCE),
            Twips(FOOTER_DISTANCE),
        )
        section.gutter = Twips(0)
        sect_pr = section._sectPr
        for name in ("w:rsidR", "w:rsidRPr", "w:rsidSect"):
            sect_pr.attrib.pop(_qn(name), None)
        grid = sect_pr.find(_qn("w:docGrid"))
        if grid is None:
            grid = parse_xml(f"<w:docGrid {_W}/>")
            sect_pr.append(grid)
        grid.set(_qn("w:type"), "lines")
        grid.set(_qn("w:linePitch"), str(LINE_PITCH))
        if self.page_numbers:
            self.doc.settings.odd_and_even_pages_header_footer = True
            self._page_number(section.footer.paragraphs[0], odd=True)
            self._page_number(section.even_page_footer.paragraphs[0], odd=False)

    def _page_number(self, para: WordParagraph, *, odd: bool) -> None:
        """``— 1 —``: right and one character in on odd pages, left on even pages."""
        from docx.oxml import parse_xml

        para.style = self.doc.styles.get_by_id(PAGE_NUMBER, _paragraph_type())
        p = para._p
        ind = 'w:rightChars="100" w:right="280"' if odd else 'w:leftChars="100" w:left="280"'
        ppr = p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:spacing {_W} w:line="280" w:lineRule="exact"/>'))
        ppr.append(parse_xml(f"<w:ind {_W} {ind}/>"))
        ppr.append(parse_xml(f'<w:jc {_W} w:val="{"right" if odd else "left"}"/>'))
        p.append(parse_xml(f'<w:r {_W}><w:t xml:space="preserve">— </w:t></w:r>'))
        p.append(
            parse_xml(f'<w:fldSimple {_W} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
        )
        p.append(parse_xml(f'<w:r {_W}><w:t xml:space="preserve"> —</w:t></w:r>'))

    def _set_properties(self, title: str) -> None:
        props = self.doc.core_properties
        props.title = title
        props.author = ""
        props.comments = ""
        props.last_modified_by = ""
        props.language = "zh-CN"
        props.revision = 1
        if self.date is not None:
            props.created = props.modified = self.date
            return
        from docx.opc.parts.coreprops import CorePropertiesPart

        package = self.doc.part.package
        assert package is not None
        for part in package.iter_parts():
            if isinstance(part, CorePropertiesPart):
                element = part.element
                for name in ("created", "modified"):
                    for child in element.findall(f"{{http://purl.org/dc/terms/}}{name}"):
                        element.remove(child)


def _is_gongwen(document: Document) -> bool:
    """Whether ``document`` has 公文 parts, or is an attachment (附件1 above its title)."""
    return bool(document.elements) or _label(document) is not None


def _label(document: Document) -> TitleLine | None:
    """The 附件1 line above an attachment's title, if the document's title lines start so."""
    first = next((x for x in document.title_lines if not isinstance(x, (Blank, Boilerplate))), None)
    return first if isinstance(first, TitleLine) and first.role == "label" else None


def _first_date(items: Sequence[Leaf]) -> str:
    """The first 成文日期 among ``items``, its lines joined (a PDF may break it over several)."""
    out = ""
    for leaf in items:
        if isinstance(leaf, Element) and leaf.kind == "date":
            out += _leaf_content(leaf)
        elif out:
            break
    return out


class _Attachments:
    """Lines up the 附件说明 (7.3.3): 附件： 左空二字, each attachment's number under the first
    one's, and every name, wrapped or not, under the first character of the first name."""

    def __init__(self) -> None:
        self.numbers_at: int | None = None  # where the numbers start: after 附件：
        self.para: WordParagraph | None = None  # the last name's paragraph
        self.named = False  # whether that paragraph holds a name yet

    def line(self, writer: _Writer, text: str) -> None:
        """Write one line of the 附件说明 (``text``, without its indent) through ``writer``."""
        head = _ATTACHMENT_HEAD.match(text)
        rest = text[head.end() :] if head else text
        number = _ATTACHMENT_NUMBER.match(rest)
        if head is None and number is None and self.para is not None and self.named:
            # A name the source wrapped (text from a PDF): joined to its line, which Word
            # wraps again under the name.
            self.para.add_run(text)
            return
        first = self.numbers_at is None
        if self.numbers_at is None:
            self.numbers_at = 2 * EM + _advance(head.group() if head else "附件：")
        start = 2 * EM if head else self.numbers_at
        name_at = self.numbers_at + (_advance(number.group()) if number else 0)
        para = writer._paragraph(ATTACHMENTS, text)
        _set_ppr(para, f"<w:ind {_ind(left=name_at, hanging=name_at - start)}/>")
        if first:  # 在正文下空一行
            para.paragraph_format.space_before = _twips(LINE_PITCH)
        self.para = para
        self.named = bool(rest[number.end() :] if number else rest)


def _fit_mark(para: WordParagraph, text: str) -> None:
    """The 发文机关标志 a little smaller, down to 22 pt, where its name would not fit one line."""
    size = next(
        (
            hp
            for hp in range(MARK_HALF_POINTS, MARK_MIN_HALF_POINTS - 1, -1)
            if _advance(text, hp) <= TYPE_WIDTH
        ),
        MARK_MIN_HALF_POINTS,
    )
    if size != MARK_HALF_POINTS:
        for run in para.runs:
            _set_rpr(run, _rpr(half_points=size))


# The children of a w:pPr in schema order (ISO/IEC 29500-1 17.3.1.26).
_PPR_ORDER = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
    "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
    "rPr sectPr pPrChange"
).split()


def _set_ppr(para: WordParagraph, xml: str) -> None:
    """Put the ``w:pPr`` child ``xml`` on ``para`` in schema order, replacing one of its kind."""
    from docx.oxml import parse_xml

    child = parse_xml(re.sub(r"^<(w:\w+)", rf"<\1 {_W}", xml))
    ppr = para._p.get_or_add_pPr()
    for old in ppr.findall(child.tag):
        ppr.remove(old)
    rank = _PPR_ORDER.index(child.tag.rsplit("}", 1)[1])
    for sibling in ppr:
        if _PPR_ORDER.index(sibling.tag.rsplit("}", 1)[1]) > rank:
            sibling.addprevious(child)
            return
    ppr.append(child)


def _set_rpr(run: Any, xml: str) -> None:
    """Give ``run`` the ``w:rPr`` ``xml`` (made by `_rpr`), in place of any it had."""
    from docx.oxml import parse_xml

    r = run._r
    for old in r.findall(_qn("w:rPr")):
        r.remove(old)
    r.insert(0, parse_xml(xml.replace("<w:rPr>", f"<w:rPr {_W}>", 1)))


def _run(para: WordParagraph, text: str, rpr: str) -> Any:
    """A run of ``text`` with its own formatting ``rpr`` (made by `_rpr`)."""
    run = para.add_run(text)
    _set_rpr(run, rpr)
    return run


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _twips(value: int) -> Any:
    from docx.shared import Twips

    return Twips(value)


def _paragraph_type() -> Any:
    from docx.enum.style import WD_STYLE_TYPE

    return WD_STYLE_TYPE.PARAGRAPH


def _char_type() -> Any:
    from docx.enum.style import WD_STYLE_TYPE

    return WD_STYLE_TYPE.CHARACTER


def _normalise_zip(data: bytes) -> bytes:
    """The same zip with a fixed timestamp and permissions on every entry."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 0
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
