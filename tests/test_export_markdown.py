"""``export --format markdown``: headings by depth, body paragraphs, escaping, --no-body."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import govspeech
from govspeech.cli import main
from govspeech.nodes import Boilerplate, Paragraph, TitleLine
from govspeech.views import TextRun, documents, flow, leaf_text, sections

from .conftest import CORPUS_FILE, GOLDEN, report

GOLDEN_MD = GOLDEN / "export" / "corpus_speeches.md"

# Eight levels: 第一部分 > 一、 > （一） > 1. > （1） > ① > ⑴ > ——.
DEEP = """关于深层结构的讲话
同志们：
第一部分 总体要求
一、指导思想
（一）基本原则
1.坚持稳中求进
（1）统筹发展
①加强协调
⑴落实责任
——压实主体责任。这是第八层的正文。
——严格考核。
⑵强化考核
（2）注重安全
二、主要任务
谢谢大家！
"""

HOSTILE = """在<script>alert(1)</script>会议上的*x*讲话
同志们：
# y
> 引用
- 不是列表
[link](x) 与 &amp; 与 3~5年 与 $x$ 与 `code` 与 a_b_c
一、*x*与[link](x) #
（一）“引号”、书名号《法》：冒号；分号。1. 不是列表
二、分隔线。---
"""


def export(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["export", "--format", "markdown", *args]) == 0
    return capsys.readouterr().out


def unescape(text: str) -> str:
    """CommonMark backslash escapes undone: what a renderer shows."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def expected_blocks(tree: govspeech.ParsedFile, *, body: bool = True) -> list[str]:
    """The Markdown blocks the tree should give, unescaped, computed from the tree itself."""
    blocks: list[str] = []

    def paras(leaves: tuple[object, ...]) -> list[str]:
        return [leaf_text(p) for p in leaves if isinstance(p, Paragraph) and leaf_text(p).strip()]

    for view in documents(tree):
        doc = view.document
        blocks.append(f"# {view.title}")
        if body:
            blocks += [
                leaf_text(t)
                for t in doc.title_lines
                if isinstance(t, TitleLine) and t.role == "subtitle"
            ]
            blocks += paras(doc.opening)
        for item in flow(doc):
            if isinstance(item, TextRun):  # text after a list, where it stands in the source
                blocks += paras(item.leaves) if body else []
                continue
            assert item.depth <= 5  # no list items in these inputs
            blocks.append(f"{'#' * (item.depth + 1)} {item.section.marker}{item.section.title}")
            if body:
                blocks += paras(item.section.body)
        if body:
            blocks += paras(doc.closing)
    return blocks


def test_corpus_golden(capsys: pytest.CaptureFixture[str], golden) -> None:  # type: ignore[no-untyped-def]
    """Checked by hand against tests/data/corpus_speeches.txt (see the commit message)."""
    golden("export/corpus_speeches.md", export(capsys, str(CORPUS_FILE)))


def test_corpus_blocks_in_order(
    capsys: pytest.CaptureFixture[str], corpus_tree: govspeech.ParsedFile
) -> None:
    text = export(capsys, str(CORPUS_FILE))
    assert text.endswith("\n") and not text.endswith("\n\n")
    blocks = text[:-1].split("\n\n")
    assert all(b and "\n" not in b for b in blocks)  # one line each, a blank line between
    assert [unescape(b) for b in blocks] == expected_blocks(corpus_tree)


def test_corpus_documents_and_heading_levels(
    capsys: pytest.CaptureFixture[str], corpus_tree: govspeech.ParsedFile
) -> None:
    lines = export(capsys, str(CORPUS_FILE)).splitlines()
    titles = [line[2:] for line in lines if line.startswith("# ")]
    # 13 documents, speech 7 in 7 parts: its own and 6 run-together speeches without a title.
    assert len(titles) == 13 + 6
    assert sum("(part " in t for t in titles) == 7
    assert titles[6] == "在全县疫情防控工作会议上的讲话篇七 (part 1 of 7)"
    levels = [len(line) - len(line.lstrip("#")) for line in lines if line.startswith("#")]
    want = []
    for view in documents(corpus_tree):
        want.append(1)
        want += [sv.depth + 1 for sv in sections(view.document)]
    assert levels == want
    assert max(levels) == 5


def test_speech_7_parts(capsys: pytest.CaptureFixture[str]) -> None:
    text = export(capsys, str(CORPUS_FILE))
    parts = re.findall(r"^# 在全县疫情防控工作会议上的讲话篇七 \(part (\d) of 7(.*)\)$", text, re.M)
    assert parts == [
        ("1", ""),
        ("2", ", line 135"),
        ("3", ", line 143"),
        ("4", ", line 157"),
        ("5", ", line 169"),
        ("6", ", line 183"),
        ("7", ", line 197"),
    ]


def test_no_boilerplate(
    capsys: pytest.CaptureFixture[str], corpus_tree: govspeech.ParsedFile
) -> None:
    text = unescape(export(capsys, str(CORPUS_FILE)))
    junk = [
        leaf_text(leaf)
        for leaf in corpus_tree.iter_leaves()
        if isinstance(leaf, Boilerplate) and len(leaf_text(leaf)) > 3
    ]
    assert len(junk) >= 6
    for line in junk:
        assert line not in text
    for word in ("众鑫文档网", "小编", "xuefen.com.cn", "总结是观察"):
        assert word not in text


def test_body_paragraphs_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    text = export(capsys, str(CORPUS_FILE))
    # Document 2: its web blurb left out, salutation and opening under the # heading, body
    # under its heading, closing at the end.
    start = text.index("# 在全县疫情防控工作会议上的讲话篇二\n")
    end = text.index("# 在全县疫情防控工作会议上的讲话篇三\n")
    doc2 = text[start:end].rstrip("\n").split("\n\n")
    assert doc2[1:3] == [
        "同志们:",
        "今天,召开全县未成年人保护工作全国示范县建设暨做深做实“xx姐姐工作室”工作座谈会,"
        "主要目的是深入研究部署未成年人保护工作,促进“xx姐姐工作室”进一步做深做实,"
        "推动我县未成年人保护工作“作示范、勇争先”。下面,就全力创建未成年人保护工作全国示范县,"
        "做深做实“xx姐姐工作室”,我再强调几点意见。",
    ]
    assert doc2[3] == "## 一、要瞄准一流定位,增强“作示范、勇争先”的信心决心。"
    assert doc2[4].startswith("未成年人是祖国的未来")
    assert doc2[5] == "### 1.上级有要求。"
    assert doc2[6].startswith("党中央、国务院历来高度重视未成年人工作")
    assert doc2[7].startswith("为深入贯彻落实党中央、国务院关于未成年人保护工作的决策部署")
    assert doc2[-1].startswith("同志们,未成年人保护事业任重而道远")
    # The stars of 县长*** are escaped, so they show as written.
    assert "\\*\\*\\*同志" in text and "***" not in text


def test_no_body(capsys: pytest.CaptureFixture[str], corpus_tree: govspeech.ParsedFile) -> None:
    text = export(capsys, "--no-body", str(CORPUS_FILE))
    blocks = text[:-1].split("\n\n")
    assert all(b.startswith("#") for b in blocks)
    assert [unescape(b) for b in blocks] == expected_blocks(corpus_tree, body=False)
    assert "同志们" not in text
    # The same outline `outline --format markdown` prints.
    assert main(["outline", "--format", "markdown", str(CORPUS_FILE)]) == 0
    assert capsys.readouterr().out == text


def test_deep_levels_become_list_items(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "deep.txt"
    path.write_text(DEEP, encoding="utf-8")
    assert max(sv.depth for sv in sections(govspeech.parse(DEEP).documents[0])) == 8
    assert export(capsys, str(path)) == (
        "# 关于深层结构的讲话\n\n"
        "同志们：\n\n"
        "## 第一部分 总体要求\n\n"
        "### 一、指导思想\n\n"
        "#### （一）基本原则\n\n"
        "##### 1.坚持稳中求进\n\n"
        "###### （1）统筹发展\n\n"
        "- ①加强协调\n"
        "  - ⑴落实责任\n"
        "    - ——压实主体责任。\n\n"
        "      这是第八层的正文。\n\n"
        "    - ——严格考核。\n"
        "  - ⑵强化考核\n\n"
        "###### （2）注重安全\n\n"
        "### 二、主要任务\n\n"
        "谢谢大家！\n"
    )
    outline = export(capsys, "--no-body", str(path))
    assert "- ①加强协调\n  - ⑴落实责任\n    - ——压实主体责任。\n    - ——严格考核。\n" in outline
    assert "正文" not in outline


def test_escaping(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    blocks = export(capsys, str(path))[:-1].split("\n\n")
    assert blocks == [
        "# 在\\<script\\>alert(1)\\</script\\>会议上的\\*x\\*讲话",
        "同志们：",
        "\\# y",
        "\\> 引用",
        "\\- 不是列表",
        "\\[link\\](x) 与 \\&amp; 与 3\\~5年 与 \\$x\\$ 与 \\`code\\` 与 a\\_b\\_c",
        "## 一、\\*x\\*与\\[link\\](x) \\#",
        "### （一）“引号”、书名号《法》：冒号；分号。",
        "1\\. 不是列表",
        "## 二、分隔线。",
        "\\---",
    ]
    # Undoing the escapes gives the text back: it renders as written.
    assert [unescape(b) for b in blocks[2:6]] == HOSTILE.splitlines()[2:6]
    assert "<script>" not in "\n".join(blocks)


def test_numbers_and_dashes_that_open_nothing_stay(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "numbers.txt"
    path.write_text(
        "关于数字的讲话\n同志们：\n1.5倍的增长。\n-5%的降幅。\n一、注意。2) 列表\n", "utf-8"
    )
    blocks = export(capsys, str(path))[:-1].split("\n\n")
    assert blocks[2:] == ["1.5倍的增长。", "-5%的降幅。", "## 一、注意。", "2\\) 列表"]


def test_output_file_by_extension(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for name in ("讲话.md", "讲话.markdown"):
        target = tmp_path / name
        assert main(["export", str(CORPUS_FILE), "-o", str(target)]) == 0
        assert capsys.readouterr().out == ""
        assert target.read_text(encoding="utf-8") == GOLDEN_MD.read_text(encoding="utf-8")


def test_one_file_per_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["export", "--format", "markdown", str(CORPUS_FILE), "-o", f"{out}/"]) == 0
    assert (out / "corpus_speeches.md").read_text("utf-8") == GOLDEN_MD.read_text("utf-8")


def test_several_inputs_one_after_another(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    one = export(capsys, str(CORPUS_FILE))
    copy = tmp_path / "copy.txt"
    copy.write_bytes(CORPUS_FILE.read_bytes())
    assert export(capsys, str(CORPUS_FILE), str(copy)) == one + "\n" + one


def test_report_subtitles(capsys: pytest.CaptureFixture[str]) -> None:
    path = report(2024)
    blocks = export(capsys, str(path))[:-1].split("\n\n")
    assert blocks[0] == "# 2024年中华人民共和国国务院政府工作报告"
    assert blocks[1:3] == ["政府工作报告", "——2024年3月5日在第十四届全国人民代表大会第二次会议上"]
    heads = [b for b in blocks if b.startswith("## ")]
    assert [h.split("、")[0] for h in heads][:3] == ["## 一", "## 二", "## 三"]
    assert len([b for b in blocks if b.startswith("#")]) == 1 + sum(
        1 for _ in govspeech.parse_file(path).documents[0].iter_sections()
    )


def test_white_space_paragraphs_are_left_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # gwr_2024 has a line holding only U+2003 EM SPACE, which the parser keeps as a paragraph.
    path = tmp_path / "space.txt"
    path.write_text("关于空白的讲话\n同志们：\n一、标题。\n\u2003\n正文。\n", encoding="utf-8")
    assert export(capsys, str(path)).split("\n\n")[2:] == ["## 一、标题。", "正文。\n"]


def test_no_body_is_one_option_for_both_formats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--help"]) == 0
    help_text = capsys.readouterr().out
    assert sum(line.lstrip().startswith("--no-body") for line in help_text.splitlines()) == 1
    assert "--opml-title" in help_text


@pytest.mark.parametrize("text", [DEEP, HOSTILE], ids=["deep", "hostile"])
def test_no_body_is_the_outline_for_lists_and_escapes_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str
) -> None:
    """Both commands write with `govspeech.views.MarkdownWriter`: one outline, byte for byte."""
    path = tmp_path / "input.txt"
    path.write_text(text, encoding="utf-8")
    outline = export(capsys, "--no-body", str(path))
    assert main(["outline", "--format", "markdown", str(path)]) == 0
    assert capsys.readouterr().out == outline
