"""``export --format opml``: valid OPML 2.0 whose outlines are the tree, body text as _note."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

import govspeech
from govspeech.cli import main
from govspeech.nodes import Document, Paragraph, Section, TitleLine
from govspeech.views import body_text, documents, leaf_text

from .conftest import CORPUS_FILE, GOLDEN, report
from .test_export_markdown import DEEP

GOLDEN_OPML = GOLDEN / "export" / "corpus_speeches.opml"
SPEECH = Path(__file__).parent.parent / "examples" / "speech.txt"

Tree = tuple[str, str | None, tuple[Any, ...]]


def export(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["export", "--format", "opml", *args]) == 0
    return capsys.readouterr().out


def parse(text: str) -> ET.Element:
    root = ET.fromstring(text)
    assert root.tag == "opml" and root.get("version") == "2.0"
    assert [child.tag for child in root] == ["head", "body"]
    return root


def from_xml(outline: ET.Element) -> Tree:
    assert set(outline.attrib) <= {"text", "_note"}
    kids = tuple(from_xml(o) for o in outline)
    assert all(o.tag == "outline" for o in outline)
    return (outline.attrib["text"], outline.get("_note"), kids)


def doc_note(doc: Document) -> str | None:
    """Subtitles, opening and the text between sections, an empty line, closing: written out
    again here, independently."""
    head = [
        leaf_text(t) for t in doc.title_lines if isinstance(t, TitleLine) and t.role == "subtitle"
    ]
    head += [leaf_text(p) for p in doc.opening if isinstance(p, Paragraph)]
    # the document's own text between its sections comes with the opening
    head += [leaf_text(p) for p in doc.tail if isinstance(p, Paragraph) and leaf_text(p)]
    tail = [leaf_text(p) for p in doc.closing if isinstance(p, Paragraph)]
    parts = ["\n".join(head), "\n".join(tail)]
    return "\n\n".join(p for p in parts if p) or None


def note_of(section: Section) -> str | None:
    """`body_text`, less lines of white space the parser keeps as paragraphs (U+2003)."""
    return "\n".join(line for line in body_text(section).split("\n") if line.strip()) or None


def from_tree(tree: govspeech.ParsedFile, *, body: bool = True) -> list[Tree]:
    def sec(s: Section) -> Tree:
        note = note_of(s) if body else None
        return (f"{s.marker}{s.title}".strip(), note, tuple(sec(c) for c in s.children))

    return [
        (
            v.title,
            doc_note(v.document) if body else None,
            tuple(sec(s) for s in v.document.sections),
        )
        for v in documents(tree)
    ]


def count(trees: list[Tree] | tuple[Tree, ...]) -> int:
    return sum(1 + count(t[2]) for t in trees)


def test_corpus_golden(capsys: pytest.CaptureFixture[str], golden) -> None:  # type: ignore[no-untyped-def]
    """Checked by hand against tests/data/corpus_speeches.txt (see the commit message)."""
    golden("export/corpus_speeches.opml", export(capsys, str(CORPUS_FILE)))


def test_corpus_outlines_are_the_tree(
    capsys: pytest.CaptureFixture[str], corpus_tree: govspeech.ParsedFile
) -> None:
    root = parse(export(capsys, str(CORPUS_FILE)))
    head = root.find("head")
    assert head is not None and [e.tag for e in head] == ["title"]  # no dateCreated
    assert head.findtext("title") == "corpus_speeches"
    body = root.find("body")
    assert body is not None
    got = [from_xml(o) for o in body]
    want = from_tree(corpus_tree)
    assert got == want
    assert len(got) == 13 + 6  # speech 7 is in 7 parts
    n_sections = sum(1 for d in corpus_tree.iter_documents() for _ in d.iter_sections())
    assert len(root.findall(".//outline")) == count(got) == 19 + n_sections


def test_notes_are_the_body_text(
    capsys: pytest.CaptureFixture[str], corpus_tree: govspeech.ParsedFile
) -> None:
    root = parse(export(capsys, str(CORPUS_FILE)))
    outlines = root.findall("body/outline")
    views = list(documents(corpus_tree))
    # Document 2: the web blurb before 同志们 is boilerplate and left out.
    note = outlines[1].get("_note")
    assert note is not None and note.startswith("同志们:\n今天,召开全县未成年人保护工作")
    assert "小编" not in note and note.endswith("以优异成绩迎接党的二十大胜利召开!")
    assert "\n\n同志们,未成年人保护事业任重而道远" in note
    # Every section's note, in document order.
    notes = [o.get("_note") for o in root.findall("body/outline//outline")]
    bodies = [body_text(s) or None for v in views for s in v.document.iter_sections()]
    assert notes == bodies
    text = ET.tostring(root, encoding="unicode")
    for word in ("众鑫文档网", "小编", "xuefen.com.cn", "总结是观察"):
        assert word not in text


def test_no_body(capsys: pytest.CaptureFixture[str], corpus_tree: govspeech.ParsedFile) -> None:
    text = export(capsys, "--no-body", str(CORPUS_FILE))
    root = parse(text)
    assert "_note" not in text
    body = root.find("body")
    assert body is not None
    assert [from_xml(o) for o in body] == from_tree(corpus_tree, body=False)


def test_deep_nesting(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "deep.txt"
    path.write_text(DEEP, encoding="utf-8")
    root = parse(export(capsys, str(path)))
    chain = root.find("body/outline" + "/outline" * 8)
    assert chain is not None
    assert chain.get("text") == "——压实主体责任。" and chain.get("_note") == "这是第八层的正文。"
    assert [from_xml(o) for o in root.iterfind("body/outline")] == from_tree(govspeech.parse(DEEP))


def test_xml_special_characters_round_trip(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    title = "在<script>alert(1)</script>&\"引号\"'单引号'会议上的讲话"
    heading = '一、A&B <c> "d" ]]> &#10; 制表\t符'
    body = "正文 <![CDATA[x]]> &amp; & < > \" ' 与\t制表"
    path = tmp_path / "hostile.txt"
    path.write_text(f"{title}\n同志们：\n{heading}。{body}\n", encoding="utf-8")
    text = export(capsys, str(path), "--opml-title", '<标题> & "引号"')
    root = parse(text)
    assert root.findtext("head/title") == '<标题> & "引号"'
    top = root.find("body/outline")
    assert top is not None
    assert top.get("text") == title and top.get("_note") == "同志们："
    sec = top.find("outline")
    assert sec is not None
    assert sec.get("text") == heading + "。" and sec.get("_note") == body
    assert "<script>" not in text


def test_control_characters_are_left_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "controls.txt"
    path.write_text("同志们：\x1b[31m红色\x0b竖\x0c页\x7f\n一、统一\x01思想。正文\x08。\n", "utf-8")
    text = export(capsys, str(path))
    root = parse(text)  # well-formed although XML 1.0 cannot hold these characters
    top = root.find("body/outline")
    assert top is not None and top.get("_note") == "同志们：[31m红色竖页\x7f"
    sec = top.find("outline")
    assert sec is not None and sec.get("text") == "一、统一思想。" and sec.get("_note") == "正文。"


def test_several_inputs_one_opml(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    speech = SPEECH
    text = export(capsys, str(CORPUS_FILE), str(speech))
    assert text.count("<opml") == 1 and text.count("<head>") == 1
    root = parse(text)
    assert root.findtext("head/title") == "corpus_speeches, speech"
    body = root.find("body")
    assert body is not None
    want = from_tree(govspeech.parse_file(CORPUS_FILE)) + from_tree(govspeech.parse_file(speech))
    assert [from_xml(o) for o in body] == want
    # Many inputs: the first three file names and a count.
    copies = []
    for k in range(5):
        copies.append(tmp_path / f"c{k}.txt")
        copies[-1].write_bytes(speech.read_bytes())
    root = parse(export(capsys, *map(str, copies)))
    assert root.findtext("head/title") == "c0, c1, c2 and 2 more"
    assert len(root.findall("body/outline")) == 5


def test_one_bad_input_leaves_a_valid_opml(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["export", "--format", "opml", str(empty), str(CORPUS_FILE)]) == 2
    captured = capsys.readouterr()
    assert "empty.txt" in captured.err
    root = parse(captured.out)
    assert len(root.findall("body/outline")) == 19


def test_output_file_by_extension(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "讲话.opml"
    assert main(["export", str(CORPUS_FILE), "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert target.read_text(encoding="utf-8") == GOLDEN_OPML.read_text(encoding="utf-8")
    parse(target.read_text(encoding="utf-8"))


def test_one_file_per_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "corpus_speeches.txt").write_bytes(CORPUS_FILE.read_bytes())
    (inputs / "speech.txt").write_bytes(SPEECH.read_bytes())
    out = tmp_path / "out"
    assert main(["export", "-f", "opml", str(inputs), "-o", f"{out}/"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["corpus_speeches.opml", "speech.opml"]
    one = (out / "corpus_speeches.opml").read_text(encoding="utf-8")
    assert one == GOLDEN_OPML.read_text(encoding="utf-8")
    assert parse((out / "speech.opml").read_text(encoding="utf-8")).findtext("head/title") == (
        "speech"
    )


def test_report(capsys: pytest.CaptureFixture[str]) -> None:
    path = report(2024)
    root = parse(export(capsys, str(path)))
    body = root.find("body")
    assert body is not None
    assert [from_xml(o) for o in body] == from_tree(govspeech.parse_file(path))
    top = body[0]
    assert top.get("text") == "2024年中华人民共和国国务院政府工作报告"
    note = top.get("_note")
    assert note is not None
    assert note.startswith("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n")
