"""Markdown and MinerU's content_list.json as inputs (issue 17, part 2): what PDF converters
write, every heading at one level, read back with the levels the numbering gives."""

from __future__ import annotations

import json
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

import govspeech
from govspeech.cli import main
from govspeech.read.formats import SOURCE_FORMATS, read_source_any, sniff
from govspeech.read.markdown import content_list_text, markdown_text

EXAMPLE = Path(__file__).parent.parent / "examples" / "speech.txt"


def _flat_markdown(text: str) -> str:
    """The speech as a PDF converter writes it: every heading line a level-1 Markdown heading,
    the first one in bold, a blank line between paragraphs."""
    tree = govspeech.parse(text)
    heads = {s.line for d in tree.iter_documents() for s in d.iter_sections()}
    title = tree.documents[0].title_lines[0].line
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if n == title or (n in heads and n % 2):
            out.append(f"# {line.strip()}")
        elif n in heads:
            out.append(f"**{line.strip()}**")  # marker's bold, as marker and MinerU write it
        else:
            out.append(line)
        out.append("")
    return "\n".join(out)


def test_a_flat_markdown_speech_gets_its_levels_back(tmp_path, capsys):
    text = EXAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "speech.md"
    path.write_text(_flat_markdown(text), encoding="utf-8")
    want = [
        (s.level, s.marker, s.title) for s in govspeech.parse(text).documents[0].iter_sections()
    ]
    tree = govspeech.parse_file(path)
    got = [(s.level, s.marker, s.title) for s in tree.documents[0].iter_sections()]
    assert got == want and len(want) > 10
    assert tree.documents[0].title == "在全县安全生产和防汛工作会议上的讲话"
    # the relevel PDF-converter users ask for: the Markdown export writes the depths found
    assert main(["export", str(path), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    headings = [line for line in out.splitlines() if line.startswith("#")]
    assert headings[0] == "# 在全县安全生产和防汛工作会议上的讲话"
    depths = {line.split(" ", 1)[1].split("*")[0]: line.count("#", 0, 7) for line in headings[1:]}
    assert depths["一、提高思想认识，切实增强做好安全生产工作的责任感"] == 2
    assert depths["（一）认清当前形势。"] == 3
    assert depths["（1）道路交通。"] == 4  # 二、 > 1. > （1）


def test_markdown_decoration_is_stripped_and_the_words_kept():
    md = (
        "---\ntitle: x\n---\n## 一、总体要求 ##\n* （一）**压实责任**。\n> 引文\n"
        "<!-- INFO END -->\n详见[通知](http://example.cn/a.html)![图](a.png)\n---\n"
        "| 序号 | 任务 |\n| --- | --- |\n| 1 | 排查 |\n```\n# 代码\n```\n"
    )
    lines = markdown_text(md).splitlines()
    assert lines[:3] == ["", "", ""]  # the front matter's lines are kept as blank lines
    assert lines[3:9] == ["一、总体要求", "（一）压实责任。", "引文", "", "详见通知", ""]
    assert lines[9:] == ["序号\u3000任务", "", "1\u3000排查", "", "# 代码"]


def test_mineru_content_list(tmp_path):
    blocks = [
        {"type": "text", "text": "关于做好防汛工作的通知", "text_level": 1, "page_idx": 0},
        {"type": "text", "text": "各区人民政府：", "page_idx": 0},
        {"type": "text", "text": "一、压实责任", "text_level": 1, "page_idx": 0},
        {"type": "image", "img_path": "a.jpg", "img_caption": ["防汛责任图"], "page_idx": 1},
        {"type": "text", "text": "二、强化保障", "text_level": 1, "page_idx": 2},
        {"type": "text", "text": "各部门要加强协同。", "page_idx": 2},
    ]
    data = json.dumps(blocks, ensure_ascii=False).encode("utf-8")
    text, pages = content_list_text(data)
    assert text.splitlines()[::2] == [
        "关于做好防汛工作的通知",
        "各区人民政府：",
        "一、压实责任",
        "防汛责任图",
        "二、强化保障",
        "各部门要加强协同。",
    ]
    assert pages == (1, 7, 9)
    path = tmp_path / "notice_content_list.json"
    path.write_bytes(data)
    tree = govspeech.parse_file(path)
    assert [s.marker for s in tree.documents[0].iter_sections()] == ["一、", "二、"]
    assert [tree.page_of(s.line) for s in tree.documents[0].iter_sections()] == [1, 3]
    full = tree.to_dict()
    assert full["pages"] == [1, 7, 9] and full["documents"][0]["sections"][1]["page"] == 3
    with pytest.raises(govspeech.InputFormatError):
        content_list_text(b'[{"type": "text"}, 3]')


def _zip(members: dict[str, bytes]) -> bytes:
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_every_input_is_told_by_its_extension_or_its_content():
    assert {"markdown", "pdf", "office", "content-list"} <= set(SOURCE_FORMATS)
    for suffix, fmt in {
        ".md": "markdown",
        ".pdf": "pdf",
        ".doc": "office",
        ".wps": "office",
        ".rtf": "office",
        ".odt": "office",
    }.items():
        assert sniff(f"a{suffix}", b"") == fmt
    assert sniff(None, b"%PDF-1.7\n") == "pdf"
    assert sniff(None, b"{\\rtf1\\ansi ...") == "office"
    assert sniff(None, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100) == "office"
    assert sniff("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") == "docx"  # encrypted
    odt = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b""})
    assert sniff(None, odt) == "office"
    assert sniff(None, _zip({"word/document.xml": b""})) == "docx"
    assert sniff("x.json", b'[{"type": "text", "text": "x"}]') == "content-list"


def test_folders_pick_up_markdown_and_the_cli_reads_it(tmp_path, capsys):
    (tmp_path / "a.md").write_text("# 一、总体要求\n\n# （一）压实责任\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("一、总体要求\n", encoding="utf-8")
    assert main(["outline", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "a.md" in out and "  （一）压实责任" in out
    # --from markdown reads a file of any name as Markdown
    other = tmp_path / "c.txt"
    other.write_text("**一、总体要求**\n", encoding="utf-8")
    assert main(["outline", "--from", "markdown", str(other)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].strip() == "一、总体要求"
    src = read_source_any(b"## 1. \xe7\x94\xb2", source_format="markdown", name="<stdin>")
    assert src.text == "1. 甲\n"
