"""``export --format docx``: a Word file in GB/T 9704-2012 layout, read back with python-docx.

Fonts and sizes are read from the XML and resolved through the style hierarchy the way Word
does it (run, character style, paragraph style and its ``basedOn`` chain, document defaults),
so the checks hold whether a property is set on the run or in a style.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import govspeech
from govspeech.cli import main
from govspeech.nodes import Blank, Boilerplate, Document, Paragraph, ParsedFile

from .conftest import CORPUS_FILE, report

docx = pytest.importorskip("docx")

from docx.oxml.ns import qn  # noqa: E402

TWIPS_PER_MM = 1440 / 25.4
HEITI, KAITI, FANGSONG, XIAOBIAOSONG = "黑体", "楷体_GB2312", "仿宋_GB2312", "方正小标宋简体"


# --- helpers --------------------------------------------------------------------------------


def export(path: Path, *inputs: Path | str, extra: tuple[str, ...] = ()) -> Any:
    assert main(["export", *map(str, inputs), "-o", str(path), *extra]) == 0
    return docx.Document(str(path))


@pytest.fixture(scope="module")
def corpus_docx(tmp_path_factory):  # type: ignore[no-untyped-def]
    return export(tmp_path_factory.mktemp("docx") / "讲话.docx", CORPUS_FILE)


class Styles:
    """Resolves a paragraph's or run's effective properties through the style hierarchy."""

    def __init__(self, document: Any) -> None:
        root = document.styles.element
        self.by_id = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
        defaults = root.find(qn("w:docDefaults"))
        self.rpr_default = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self.ppr_default = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")

    def chain(self, style_id: str | None) -> Iterator[Any]:
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None

    @staticmethod
    def _style_id(element: Any, prop: str, tag: str) -> str | None:
        pr = element.find(qn(prop))
        ref = pr.find(qn(tag)) if pr is not None else None
        return ref.get(qn("w:val")) if ref is not None else None

    def run_prop(self, paragraph: Any, run: Any, get: Callable[[Any], Any]) -> Any:
        """The first value ``get`` finds: run, character style, paragraph style, defaults."""
        p, r = paragraph._p, run._r
        candidates = [r.find(qn("w:rPr"))]
        candidates += [
            s.find(qn("w:rPr")) for s in self.chain(self._style_id(r, "w:rPr", "w:rStyle"))
        ]
        candidates += [
            s.find(qn("w:rPr")) for s in self.chain(self._style_id(p, "w:pPr", "w:pStyle"))
        ]
        candidates.append(self.rpr_default)
        for rpr in candidates:
            if rpr is not None and (value := get(rpr)) is not None:
                return value
        return None

    def para_prop(self, paragraph: Any, get: Callable[[Any], Any]) -> Any:
        p = paragraph._p
        candidates = [p.find(qn("w:pPr"))]
        candidates += [
            s.find(qn("w:pPr")) for s in self.chain(self._style_id(p, "w:pPr", "w:pStyle"))
        ]
        candidates.append(self.ppr_default)
        for ppr in candidates:
            if ppr is not None and (value := get(ppr)) is not None:
                return value
        return None

    def east_asia(self, paragraph: Any, run: Any) -> str | None:
        return self.run_prop(paragraph, run, lambda rpr: _attr(rpr, "w:rFonts", "w:eastAsia"))

    def size(self, paragraph: Any, run: Any) -> int | None:
        value = self.run_prop(paragraph, run, lambda rpr: _attr(rpr, "w:sz", "w:val"))
        return int(value) if value is not None else None

    def bold(self, paragraph: Any, run: Any) -> bool:
        value = self.run_prop(paragraph, run, lambda rpr: _on_off(rpr, "w:b"))
        return bool(value)

    def outline(self, paragraph: Any) -> int | None:
        value = self.para_prop(paragraph, lambda ppr: _attr(ppr, "w:outlineLvl", "w:val"))
        return int(value) if value is not None else None

    def align(self, paragraph: Any) -> str | None:
        return self.para_prop(paragraph, lambda ppr: _attr(ppr, "w:jc", "w:val"))

    def first_line(self, paragraph: Any) -> tuple[int, int]:
        """(firstLineChars, firstLine twips) of the paragraph, 0 where unset."""
        chars = self.para_prop(paragraph, lambda ppr: _attr(ppr, "w:ind", "w:firstLineChars"))
        twips = self.para_prop(paragraph, lambda ppr: _attr(ppr, "w:ind", "w:firstLine"))
        return int(chars or 0), int(twips or 0)


def _attr(parent: Any, tag: str, attr: str) -> str | None:
    child = parent.find(qn(tag))
    return child.get(qn(attr)) if child is not None else None


def _on_off(parent: Any, tag: str) -> bool | None:
    child = parent.find(qn(tag))
    if child is None:
        return None
    return child.get(qn("w:val"), "1") not in ("0", "false", "off")


def style_id(paragraph: Any) -> str:
    pstyle = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return pstyle.get(qn("w:val")) if pstyle is not None else "Normal"


def headings(document: Any) -> list[Any]:
    return [p for p in document.paragraphs if style_id(p).startswith("GSHeading")]


def page_break_before(paragraph: Any) -> bool:
    return paragraph.paragraph_format.page_break_before is True


def leaf_content(leaf: Any) -> str:
    return leaf.text.rstrip("\r\n").strip(" \t\u3000\u00a0\ufeff")


def first_text(doc: Document) -> str:
    """What the Word file's first paragraph of ``doc`` starts with."""
    for leaf in doc.iter_leaves():
        if not isinstance(leaf, (Blank, Boilerplate)) and leaf_content(leaf):
            return leaf_content(leaf)
    raise AssertionError("empty document")


def all_xml(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels"))}


# --- page --------------------------------------------------------------------------------------


def test_page_is_a4_with_the_standard_margins(corpus_docx):
    (section,) = corpus_docx.sections
    width, height = section.page_width.twips, section.page_height.twips
    top, bottom = section.top_margin.twips, section.bottom_margin.twips
    left, right = section.left_margin.twips, section.right_margin.twips
    mm = lambda twips: twips / TWIPS_PER_MM  # noqa: E731
    assert round(mm(width)) == 210 and round(mm(height)) == 297
    assert abs(mm(top) - 37) <= 1  # 天头
    assert abs(mm(left) - 28) <= 1  # 订口
    type_width, type_height = width - left - right, height - top - bottom
    assert abs(mm(type_width) - 156) < 0.5 and abs(mm(type_height) - 225) < 0.5  # 版心
    assert round(mm(bottom)) == 35 and round(mm(right)) == 26
    grid = section._sectPr.find(qn("w:docGrid"))
    # 22 lines a page: a line pitch of 225 mm / 22, rounded down.
    assert grid.get(qn("w:linePitch")) == "579" and type_height // 579 == 22


def test_28_characters_a_line(corpus_docx):
    styles = Styles(corpus_docx)
    condensed = -int(_attr(styles.rpr_default, "w:spacing", "w:val") or 0)
    section = corpus_docx.sections[0]
    width = section.page_width.twips - section.left_margin.twips - section.right_margin.twips
    pitch = 16 * 20 - condensed  # twips per 3号 character
    assert width // pitch == 28


def test_page_numbers_odd_right_even_left(corpus_docx, tmp_path):
    assert corpus_docx.settings.odd_and_even_pages_header_footer
    section = corpus_docx.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    for para, align in ((odd, "right"), (even, "left")):
        assert para._p.find(f"{qn('w:pPr')}/{qn('w:jc')}").get(qn("w:val")) == align
        xml = para._p.xml
        assert 'w:instr=" PAGE "' in xml and "— " in xml and " —" in xml
        assert Styles(corpus_docx).east_asia(para, para.runs[0]) == "宋体"
    bare = export(tmp_path / "bare.docx", CORPUS_FILE, extra=("--docx-no-page-numbers",))
    assert not bare.settings.odd_and_even_pages_header_footer
    assert "PAGE" not in "".join(all_xml(tmp_path / "bare.docx").values())


# --- structure -------------------------------------------------------------------------------


def test_headings_follow_the_tree(corpus_docx, corpus_tree):
    expected = [sec for doc in corpus_tree.iter_documents() for sec in doc.iter_sections()]
    got = headings(corpus_docx)
    assert len(got) == len(expected) > 100
    styles = Styles(corpus_docx)
    for para, sec in zip(got, expected, strict=True):
        assert para.text.startswith(sec.marker), (para.text, sec.marker, sec.line)
        assert sec.title.strip() in para.text
        assert style_id(para) == f"GSHeading{min(sec.level, 9)}"
        # The title is outline level 1 (w:outlineLvl 0), a section at depth N level N + 1.
        assert styles.outline(para) == min(sec.level, 8)


def test_titles_are_centred_xiaobiaosong_22pt_at_outline_level_1(corpus_docx, corpus_tree):
    styles = Styles(corpus_docx)
    titles = [p for p in corpus_docx.paragraphs if style_id(p) == "GSTitle"]
    assert [p.text for p in titles] == [d.title for d in corpus_tree.documents if d.title]
    for para in titles:
        assert styles.align(para) == "center" and styles.outline(para) == 0
        assert styles.first_line(para) == (0, 0)
        for run in para.runs:
            assert styles.east_asia(para, run) == XIAOBIAOSONG
            assert styles.size(para, run) == 44  # 2号 = 22 pt


def test_heading_fonts_by_level(corpus_docx, corpus_tree):
    styles = Styles(corpus_docx)
    expected = [sec for doc in corpus_tree.iter_documents() for sec in doc.iter_sections()]
    seen = set()
    for para, sec in zip(headings(corpus_docx), expected, strict=True):
        run = para.runs[0]  # marker and title
        font, bold = {1: (HEITI, False), 2: (KAITI, False), 3: (FANGSONG, True)}.get(
            sec.level, (FANGSONG, False)
        )
        assert styles.east_asia(para, run) == font, (sec.level, para.text)
        assert styles.bold(para, run) is bold
        assert styles.size(para, run) == 32  # 3号
        assert styles.first_line(para) == (200, 640)
        for body in para.runs[1:]:  # body text run on in the heading's paragraph
            assert styles.east_asia(para, body) == FANGSONG and not styles.bold(para, body)
        seen.add(sec.level)
    assert {1, 2, 3, 4} <= seen


def test_run_in_body_text_stays_in_the_heading_paragraph(corpus_docx):
    # Line 85: `1.第一张防护网:进入xx的人、物排查。从空间上讲,…`: heading and body on one line.
    para = next(p for p in headings(corpus_docx) if p.text.startswith("1.第一张防护网"))
    assert para.runs[0].text == "1.第一张防护网:进入xx的人、物排查。"
    assert para.runs[1].text.startswith("从空间上讲")
    assert para.runs[1]._r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}").get(qn("w:val")) == "GSBodyChar"


def test_split_headings(tmp_path, corpus_tree):
    split = export(tmp_path / "split.docx", CORPUS_FILE, extra=("--docx-split-headings",))
    expected = [sec for doc in corpus_tree.iter_documents() for sec in doc.iter_sections()]
    got = headings(split)
    assert len(got) == len(expected)
    for para, sec in zip(got, expected, strict=True):
        assert len(para.runs) == 1 and para.text.startswith(sec.marker)
    texts = [p.text for p in split.paragraphs]
    k = texts.index("1.第一张防护网:进入xx的人、物排查。")
    assert texts[k + 1].startswith("从空间上讲") and style_id(split.paragraphs[k + 1]) == "GSBody"


def test_body_salutation_closing(corpus_docx, corpus_tree):
    styles = Styles(corpus_docx)
    body = [p for p in corpus_docx.paragraphs if style_id(p) == "GSBody"]
    assert len(body) > 50
    for para in body:
        assert styles.first_line(para) == (200, 640)  # 首行缩进 2 字符
        assert styles.align(para) == "both"
        for run in para.runs:
            assert styles.east_asia(para, run) == FANGSONG and styles.size(para, run) == 32
    rule = styles.para_prop(body[0], lambda ppr: _attr(ppr, "w:spacing", "w:lineRule"))
    line = styles.para_prop(body[0], lambda ppr: _attr(ppr, "w:spacing", "w:line"))
    assert rule == "exact" and 28 * 20 <= int(line) <= 29 * 20
    salutations = [p for p in corpus_docx.paragraphs if style_id(p) == "GSSalutation"]
    assert salutations and all(p.text.startswith("同志们") for p in salutations[:3])
    assert all(styles.first_line(p) == (0, 0) for p in salutations)
    closings = [p for p in corpus_docx.paragraphs if style_id(p) == "GSClosing"]
    assert "谢谢大家!" in [p.text for p in closings] or any("谢谢" in p.text for p in closings)
    assert all(styles.first_line(p) == (200, 640) for p in closings)


def test_every_paragraph_of_the_speeches_is_there(corpus_docx, corpus_tree):
    text = "\n".join(p.text for p in corpus_docx.paragraphs)
    for leaf in corpus_tree.iter_leaves():
        if isinstance(leaf, Paragraph) and leaf.content:
            assert leaf.content in text, leaf.line


def test_no_boilerplate(corpus_docx, corpus_tree):
    texts = {p.text for p in corpus_docx.paragraphs}
    text = "\n".join(texts)
    for word in ("小编", "众鑫文档网", "本文地址", "http://", "总结是观察"):
        assert word not in text
    boilerplate = [leaf_content(b) for b in corpus_tree.iter_leaves() if isinstance(b, Boilerplate)]
    assert len(boilerplate) >= 8 and not texts & set(boilerplate)
    assert ";" not in texts


def test_no_word_numbering_anywhere(tmp_path):
    path = tmp_path / "out.docx"
    export(path, CORPUS_FILE)
    parts = all_xml(path)
    assert "word/numbering.xml" not in parts
    assert not any("w:numPr" in xml or "w:numId" in xml for xml in parts.values())


def test_documents_start_on_a_new_page(corpus_docx, corpus_tree):
    docs = list(corpus_tree.iter_documents())
    breaks = [p for p in corpus_docx.paragraphs if page_break_before(p)]
    assert len(breaks) == len(docs) - 1 == 18
    for para, doc in zip(breaks, docs[1:], strict=True):
        assert para.text.startswith(first_text(doc)[:20]), doc.line
    assert not page_break_before(corpus_docx.paragraphs[0])


def test_styles_are_named_and_fonts_set_for_every_script(corpus_docx):
    names = {s.name for s in corpus_docx.styles}
    for name in ("GS Title", "GS Subtitle", "GS Body", "GS Salutation", "GS Closing"):
        assert name in names
    assert {f"GS Heading {n}" for n in range(1, 10)} <= names
    styles = Styles(corpus_docx)
    fonts = styles.by_id["GSHeading1"].find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    assert {fonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")} == {HEITI}
    assert _attr(styles.rpr_default, "w:lang", "w:eastAsia") == "zh-CN"


def test_font_table_names_fallbacks(tmp_path):
    path = tmp_path / "out.docx"
    export(path, CORPUS_FILE)
    fonts = all_xml(path)["word/fontTable.xml"]
    for name, alt in (
        (FANGSONG, "仿宋"),
        (KAITI, "楷体"),
        (HEITI, "SimHei"),
        (XIAOBIAOSONG, "宋体"),
    ):
        assert f'w:name="{name}"' in fonts
        start = fonts.index(f'w:name="{name}"')
        assert alt in fonts[start : fonts.index("</w:font>", start)]


# --- a work report -----------------------------------------------------------------------------


def test_report_2024(tmp_path):
    path = report(2024)
    tree = govspeech.parse_file(path)
    document = export(tmp_path / "报告.docx", path)
    styles = Styles(document)
    paras = document.paragraphs
    assert style_id(paras[0]) == "GSTitle" and paras[0].text == tree.documents[0].title
    subtitles = [p for p in paras if style_id(p) == "GSSubtitle"]
    assert [p.text for p in subtitles] == [
        "政府工作报告",
        "——2024年3月5日在第十四届全国人民代表大会第二次会议上",
    ]
    for para in subtitles:
        assert styles.align(para) == "center" and styles.east_asia(para, para.runs[0]) == KAITI
    # The title block ends with one empty line (空一行).
    assert subtitles[-1].paragraph_format.space_after.twips == 579
    heads = headings(document)
    assert heads[0].text == "一、2023年工作回顾"
    assert styles.east_asia(heads[0], heads[0].runs[0]) == HEITI
    paren = next(p for p in heads if p.text.startswith("（一）"))
    assert styles.east_asia(paren, paren.runs[0]) == KAITI and styles.outline(paren) == 2
    assert len(heads) == sum(1 for _ in tree.documents[0].iter_sections())
    assert not any(page_break_before(p) for p in paras)  # one document: no page break


# --- awkward input -------------------------------------------------------------------------


def test_control_characters_do_not_corrupt_the_file(tmp_path):
    source = tmp_path / "ctl.txt"
    source.write_text(
        "关于\x1b[1m安全生产\x1b[0m的讲话\n同志们：\n一、统一\x0b思想。\x0c正文\x07内容。\n"
        "（一）提高站位。正文<&>\"'。\n",
        encoding="utf-8",
    )
    path = tmp_path / "ctl.docx"
    document = export(path, source)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "关于[1m安全生产[0m的讲话"
    joined = "".join(texts)
    assert not any(c in joined for c in "\x0b\x0c\x1b\x07")
    assert "一、统一 思想。 正文内容。" in texts
    assert "（一）提高站位。正文<&>\"'。" in texts
    for xml in all_xml(path).values():
        assert not any(c in xml for c in "\x0b\x0c\x1b\x07")


def test_parsed_string_with_xml_invalid_characters(tmp_path):
    from govspeech_plugins.export.docx import DocxExporter, clean

    assert clean("a\x00b\x0bc\ufffed\ud800e") == "ab cde"
    tree: ParsedFile = govspeech.parse("标题\n一、第一\x01部分。\x0c\n正文\ufffe。\n")
    exporter = DocxExporter()
    options = __import__("argparse").Namespace(files=["x.txt"], output=None)
    exporter.prepare(options)
    import io

    out = io.BytesIO()
    assert exporter.run(tree, options, out) == 0
    document = docx.Document(io.BytesIO(out.getvalue()))
    assert [p.text for p in document.paragraphs] == ["标题", "一、第一部分。", "正文。"]


# --- command line ------------------------------------------------------------------------------


def test_same_input_same_bytes(tmp_path):
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    export(a, CORPUS_FILE)
    export(b, CORPUS_FILE)
    assert a.read_bytes() == b.read_bytes()
    core = all_xml(a)["docProps/core.xml"]
    assert "dcterms:created" not in core and "python-docx" not in core
    assert "讲话篇一" in core  # the first title


def test_date_option_and_source_date_epoch(tmp_path, monkeypatch):
    dated = export(tmp_path / "d.docx", CORPUS_FILE, extra=("--docx-date", "2024-03-05"))
    assert dated.core_properties.created.isoformat().startswith("2024-03-05T00:00")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    export(a, CORPUS_FILE)
    export(b, CORPUS_FILE)
    assert a.read_bytes() == b.read_bytes()
    assert docx.Document(str(a)).core_properties.created.year == 2023


def test_bad_date_is_a_usage_error(capsys, tmp_path):
    target = tmp_path / "x.docx"
    assert main(["export", str(CORPUS_FILE), "-o", str(target), "--docx-date", "soon"]) == 2
    assert "--docx-date" in capsys.readouterr().err and not target.exists()


def test_stdout_when_not_a_terminal(capsysbinary):
    assert main(["export", "--format", "docx", str(CORPUS_FILE)]) == 0
    data = capsysbinary.readouterr().out
    assert data.startswith(b"PK")
    import io

    assert len(docx.Document(io.BytesIO(data)).paragraphs) > 100


def test_refuses_a_terminal(capsys, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["export", "--format", "docx", str(CORPUS_FILE)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "terminal" in err


def test_refuses_several_inputs_in_one_file(capsys, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("讲话\n一、第一。\n", encoding="utf-8")
    target = tmp_path / "both.docx"
    assert main(["export", str(CORPUS_FILE), str(other), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "docx writes one file per input; use -o folder/" in err
    assert not target.exists()


def test_several_inputs_to_a_folder(tmp_path):
    a, b = tmp_path / "in" / "a.txt", tmp_path / "in" / "b.txt"
    a.parent.mkdir()
    a.write_text("甲的讲话\n一、第一。\n", encoding="utf-8")
    b.write_text("乙的讲话\n一、第一。\n二、第二。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["export", "--format", "docx", str(a), str(b), "-o", f"{out}/"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.docx", "b.docx"]
    assert len(headings(docx.Document(str(out / "b.docx")))) == 2


def test_missing_python_docx_is_one_clear_line(capsys, monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "docx", None)  # `import docx` now raises ImportError
    target = tmp_path / "x.docx"
    assert main(["export", str(CORPUS_FILE), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "export --format docx needs python-docx: pip install 'govspeech[docx]'" in err
    assert not target.exists()


def test_python_docx_is_not_imported_until_used():
    code = (
        "import sys, govspeech_plugins.export.docx as m; "
        "print('docx' in sys.modules, m.DocxExporter.binary, m.DocxExporter.extensions)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True", "('.docx',)"]


def test_help_lists_the_docx_options(capsys):
    assert main(["export", "--help"]) == 0
    out = capsys.readouterr().out
    for option in ("--docx-date", "--docx-split-headings", "--docx-no-page-numbers"):
        assert option in out


def test_package_is_clean(tmp_path):
    """No template leftovers: thumbnail, custom XML, Word 2010 compatibility mode, python-docx."""
    path = tmp_path / "out.docx"
    export(path, CORPUS_FILE)
    parts = all_xml(path)
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in z.infolist())
    assert not any(n.startswith(("customXml/", "docProps/thumbnail")) for n in names)
    assert "word/stylesWithEffects.xml" not in names
    assert (
        'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"'
        in (parts["word/settings.xml"])
    )
    assert "Macintosh" not in parts["docProps/app.xml"]
    assert not any("python-docx" in xml for xml in parts.values())
