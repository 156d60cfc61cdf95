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
import zipfile
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any

from govspeech.errors import PluginError, UsageError
from govspeech.nodes import (
    BASIC_INDENT_CHARS,
    LINE_ENDINGS,
    Blank,
    Boilerplate,
    Document,
    Leaf,
    Paragraph,
    ParsedFile,
    Section,
    TitleLine,
)
from govspeech.plugin import Exporter
from govspeech.views import TextRun, documents, flow

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.text.paragraph import Paragraph as WordParagraph

INSTALL_HINT = "export --format docx needs python-docx: pip install 'govspeech[docx]'"

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


def heading_style(depth: int) -> str:
    """The style id of a section heading at ``depth`` (1 at the top)."""
    return f"GSHeading{min(depth, MAX_OUTLINE_DEPTH)}"


#: Depth → (font, bold) of the headings that differ from body text (deeper: as body text).
HEADING_FONTS = {1: (HEITI, False), 2: (KAITI, False), 3: (FANGSONG, True), 4: (FANGSONG, False)}

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
    return clean(leaf.text.rstrip(LINE_ENDINGS)).strip(_INDENT)


# --- XML snippets -----------------------------------------------------------------------------


def _rpr(
    font: str | None = None,
    half_points: int | None = None,
    bold: bool | None = None,
    condense: int | None = None,
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
) -> str:
    """A ``w:pPr`` with its children in schema order."""
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
    if indent is True:  # 首行缩进 2 字符, and its twips for readers that ignore the chars
        parts.append(f'<w:ind w:firstLineChars="200" w:firstLine="{BODY_HALF_POINTS * 20}"/>')
    elif indent is False:
        parts.append('<w:ind w:firstLineChars="0" w:firstLine="0"/>')
    if align is not None:
        parts.append(f'<w:jc w:val="{align}"/>')
    if outline is not None:
        parts.append(f'<w:outlineLvl w:val="{outline}"/>')
    return f"<w:pPr>{''.join(parts)}</w:pPr>" if parts else ""


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


def _styles() -> list[str]:
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
    return out


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
            f"--docx-date: {text!r} is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)"
        ) from None
    if value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return value


class DocxExporter(Exporter):
    """The ``docx`` format."""

    name = "docx"
    description = "A Word file in 公文 layout (GB/T 9704-2012): A4, 仿宋 body, 黑体/楷体 headings"
    extensions = (".docx",)
    parallel = True  # run depends on its file only
    binary = True

    def __init__(self) -> None:
        self._date: dt.datetime | None = None

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        group = parser.add_argument_group("docx format")
        group.add_argument(
            "--docx-date",
            metavar="DATE",
            help="docx: creation date written into the file (YYYY-MM-DD[THH:MM:SS], UTC); "
            "default SOURCE_DATE_EPOCH if set, else none, so the same input gives the same bytes",
        )
        group.add_argument(
            "--docx-split-headings",
            action="store_true",
            help="docx: put the text after a heading's title sentence in a paragraph of its own "
            "(default: it runs on in the heading's paragraph, as in the input)",
        )
        group.add_argument(
            "--docx-no-page-numbers",
            action="store_true",
            help="docx: leave out the page numbers (— 1 — in the footer)",
        )

    def prepare(self, options: argparse.Namespace) -> None:
        try:
            import docx  # noqa: F401
        except ImportError as exc:
            if exc.name in (None, "docx"):
                raise PluginError(INSTALL_HINT) from None
            raise PluginError(f"{INSTALL_HINT} (python-docx failed to import: {exc})") from None
        files = getattr(options, "files", [])
        if len(files) > 1 and not getattr(options, "per_file", False):
            raise UsageError("docx writes one file per input; use -o folder/")
        self._date = None
        if getattr(options, "docx_date", None):
            self._date = _parse_date(options.docx_date)
        elif os.environ.get("SOURCE_DATE_EPOCH", "").strip():
            try:
                epoch = int(os.environ["SOURCE_DATE_EPOCH"])
            except ValueError:
                raise UsageError("SOURCE_DATE_EPOCH must be a number of seconds") from None
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
        self._set_styles()
        self._set_page()
        title = ""
        for leaf in tree.preamble:
            self._leaf(leaf)
        for k, view in enumerate(documents(tree)):
            if k and self._count:
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

    def _paragraph(self, style: str, text: str = "") -> WordParagraph:
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph as WordParagraph

        # python-docx's add_paragraph finds the body's sectPr by scanning every paragraph
        # before it, which is quadratic in the document's length; insert next to it directly.
        # (Even body.sectPr is such a scan: it is looked up once.)
        if self._sect_pr is None:
            self._sect_pr = self.doc.element.body.sectPr
        p = OxmlElement("w:p")
        if self._sect_pr is not None:
            self._sect_pr.addprevious(p)
        else:
            self.doc.element.body.append(p)
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

    def _leaf(self, leaf: Leaf) -> None:
        """One title line or body paragraph; blank lines and boilerplate are left out."""
        if isinstance(leaf, (Blank, Boilerplate)):
            return
        text = _leaf_content(leaf)
        if not text:
            return
        if isinstance(leaf, TitleLine):
            style = TITLE if leaf.role == "title" else SUBTITLE
        elif isinstance(leaf, Paragraph) and leaf.role == "salutation":
            style = SALUTATION
        elif isinstance(leaf, Paragraph) and leaf.role == "closing":
            style = CLOSING
        elif isinstance(leaf, Paragraph) and leaf.role == "part":
            style = heading_style(1)  # a part without a number: titled like 一、, in 黑体
        else:
            style = BODY
        self._paragraph(style, text)

    def _document(self, document: Document) -> None:
        before = self._count
        for leaf in document.title_lines:
            self._leaf(leaf)
        if self._count > before and self._last is not None:
            # one empty line (空一行) between the title block and the text
            self._last.paragraph_format.space_after = _twips(LINE_PITCH)
        for leaf in document.opening:
            self._leaf(leaf)
        for item in flow(document):
            if isinstance(item, TextRun):  # the text going back up after a list
                for leaf in item.leaves:
                    self._leaf(leaf)
            else:
                self._section(item.section, item.depth)
        for leaf in document.closing:
            self._leaf(leaf)

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

    def _set_styles(self) -> None:
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
        for xml in _styles():
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
