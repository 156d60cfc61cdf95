"""The ``outline`` command on real text: text, markdown and JSON, --depth, --kinds, --lines."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

import govspeech
from govspeech.cli import main
from govspeech.serialize import load_schema

from .conftest import CORPUS_FILE, TESTS, report

EXAMPLE = TESTS.parent / "examples" / "speech.txt"


def outline(capsys, *args: str) -> str:  # type: ignore[no-untyped-def]
    assert main(["outline", *args]) == 0
    return capsys.readouterr().out


def test_corpus_file_matches_checked_golden(capsys, golden):
    """tests/golden/corpus_speeches.outline.txt was read line by line against the source."""
    got = outline(capsys, "--lines", str(CORPUS_FILE))
    golden("corpus_speeches.outline.txt", got)


def test_corpus_file_every_heading_once_and_no_boilerplate(capsys, corpus_tree):
    got = outline(capsys, str(CORPUS_FILE))
    lines = got.splitlines()
    titles = [line for line in lines if line and not line.startswith(" ")]
    # 13 speeches; the seventh is a page that ran six more speeches together with it.
    assert len(titles) == 13 + 6
    assert len({t.split(" (part")[0] for t in titles}) == 13
    sections = [line.strip() for line in lines if line.startswith(" ")]
    expected = [
        f"{s.marker}{s.title}" for d in corpus_tree.iter_documents() for s in d.iter_sections()
    ]
    assert sections == expected
    for leaf in corpus_tree.iter_leaves():
        if isinstance(leaf, govspeech.Boilerplate) and leaf.content.strip():
            assert leaf.content.strip() not in got


def test_indentation_follows_levels(capsys, corpus_tree):
    got = outline(capsys, str(CORPUS_FILE))
    depths = [
        (len(line) - len(line.lstrip(" "))) // 2 for line in got.splitlines() if line.startswith(" ")
    ]
    levels = [s.level for d in corpus_tree.iter_documents() for s in d.iter_sections()]
    assert depths == levels


def test_example_speech(capsys):
    assert outline(capsys, str(EXAMPLE)).splitlines() == [
        "在全县安全生产和防汛工作会议上的讲话",
        "  一、提高思想认识，切实增强做好安全生产工作的责任感",
        "    （一）认清当前形势。",
        "    （二）正视存在问题。",
        "  二、突出工作重点，全力抓好汛期安全各项措施",
        "    1.抓好重点行业领域整治",
        "      （1）道路交通。",
        "      （2）建筑施工。",
        "    2.抓好防汛准备",
        "      ——要做好物资储备。",
        "      ——要做好人员转移预案。",
        "    3.抓好应急值守",
        "      一是严格执行24小时值班制度。",
        "      二是畅通信息报送渠道，重大险情30分钟内报告。",
        "  三、强化组织保障，确保各项工作落到实处",
        "    （一）压实责任。",
        "    （二）强化督查。",
    ]


def test_depth(capsys):
    got = outline(capsys, "--depth", "1", str(EXAMPLE)).splitlines()
    assert got == [
        "在全县安全生产和防汛工作会议上的讲话",
        "  一、提高思想认识，切实增强做好安全生产工作的责任感",
        "  二、突出工作重点，全力抓好汛期安全各项措施",
        "  三、强化组织保障，确保各项工作落到实处",
    ]
    two = outline(capsys, "--depth", "2", str(EXAMPLE)).splitlines()
    assert len(two) == 4 + 7 and not any(line.startswith("      ") for line in two)


def test_kinds_hide_enumerations_and_dashes(capsys):
    got = outline(capsys, "--kinds", "numbered", str(EXAMPLE))
    assert "一是" not in got and "——" not in got
    assert "      （2）建筑施工。" in got
    only_enums = outline(capsys, "--kinds", "enum", str(EXAMPLE)).splitlines()
    # With their numbered parents hidden, the items move up to the top level.
    assert only_enums[1:] == [
        "  一是严格执行24小时值班制度。",
        "  二是畅通信息报送渠道，重大险情30分钟内报告。",
    ]


def test_bad_kinds_is_a_usage_error(capsys):
    assert main(["outline", "--kinds", "numbered,bogus", str(EXAMPLE)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "numbered, enum, dash" in err


def test_lines_point_at_the_heading_lines(capsys):
    source = CORPUS_FILE.read_text(encoding="utf-8").splitlines()
    for row in outline(capsys, "--lines", str(CORPUS_FILE)).splitlines():
        if not row:
            continue
        number, text = row.split(maxsplit=1)
        line = source[int(number) - 1]
        head, _, part = text.partition(" (part")
        if part and not part.startswith(" 1 "):
            # A later part of a run-together page has no title line: it starts at its
            # salutation or opening paragraph.
            assert part.endswith(f"line {number})"), row
            assert line.startswith(("同志们", "今天")), row
            continue
        assert line.strip().startswith(head[:12]) or head[:12] in line, row


def test_markdown_levels(capsys):
    md = outline(capsys, "--format", "markdown", str(EXAMPLE)).splitlines()
    assert md[0] == "# 在全县安全生产和防汛工作会议上的讲话"
    assert "## 一、提高思想认识，切实增强做好安全生产工作的责任感" in md
    assert "### （一）认清当前形势。" in md
    assert "#### （1）道路交通。" in md
    assert "### 1.抓好重点行业领域整治" in md
    assert "#### ——要做好物资储备。" in md


def test_markdown_deeper_than_six_levels_become_lists(capsys, tmp_path):
    markers = ["第一部分", "一、", "（一）", "1.", "（1）", "①", "⑴", "——"]
    text = "深层标题测试\n" + "".join(f"{m}第{k}层。\n" for k, m in enumerate(markers, 1))
    path = tmp_path / "deep.txt"
    path.write_text(text, encoding="utf-8")
    tree = govspeech.parse(text)
    assert [s.level for s in tree.documents[0].iter_sections()] == list(range(1, 9))
    md = outline(capsys, "--format", "markdown", str(path)).splitlines()
    headings = [line for line in md if line.startswith("#")]
    assert [len(h.split()[0]) for h in headings] == [1, 2, 3, 4, 5, 6]
    items = [line for line in md if line.lstrip().startswith("- ")]
    assert items == ["- ①第6层。", "  - ⑴第7层。", "    - ——第8层。"]


def test_markdown_lines_follow_the_escaped_heading(capsys, tmp_path):
    markers = ["第一部分", "一、", "（一）", "（1）", "①", "⑴"]
    text = "深层标题测试\n" + "".join(f"{m}第{k}层。\n" for k, m in enumerate(markers, 1))
    path = tmp_path / "deep.txt"
    path.write_text(text + "1.\n", encoding="utf-8")  # a marker alone, seven levels down
    md = outline(capsys, "--format", "markdown", "--lines", str(path))
    # "- 1." would open an ordered list inside the item; the line number comes after.
    assert md.endswith("###### ①第5层。 (L6)\n\n- ⑴第6层。 (L7)\n  - 1\\. (L8)\n")


def test_markdown_list_items_do_not_start_ordered_lists():
    from govspeech.views import escape_block, escape_inline

    # CommonMark opens a list at "1." or "1)" followed by a space, not at "1.道路".
    assert escape_block("1. 道路交通。") == "1\\. 道路交通。"
    assert escape_block("12) 道路交通。") == "12\\) 道路交通。"
    assert escape_block("1)道路交通。") == "1)道路交通。"
    assert escape_inline("12. 道路交通。") == "12. 道路交通。"


def test_markdown_escapes(capsys, tmp_path):
    path = tmp_path / "md.txt"
    path.write_text("关于*重点*工作的讲话\n一、落实<b>“两个维护”</b>_要求\n", encoding="utf-8")
    md = outline(capsys, "--format", "markdown", str(path))
    assert "# 关于\\*重点\\*工作的讲话" in md
    assert "## 一、落实\\<b\\>“两个维护”\\</b\\>\\_要求" in md


def test_json_validates_and_matches_the_tree(capsys, corpus_tree):
    data = json.loads(outline(capsys, "--format", "json", str(CORPUS_FILE)))
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    assert data["view"] == "outline" and len(data["documents"]) == 13
    assert [d["title"] for d in data["documents"]] == [d.title for d in corpus_tree.documents]
    first = data["documents"][1]["sections"][0]
    assert (first["marker"], first["level"], first["line"]) == ("一、", 1, 24)
    assert [c["marker"] for c in first["children"]] == ["1.", "2.", "3."]


def test_json_depth_and_kinds(capsys):
    data = json.loads(
        outline(capsys, "--format", "json", "--depth", "2", "--kinds", "numbered", str(EXAMPLE))
    )
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    secs = data["documents"][0]["sections"]
    assert [s["marker"] for s in secs] == ["一、", "二、", "三、"]
    assert all(not c["children"] for s in secs for c in s["children"])


def test_json_lines_for_several_inputs(capsys):
    got = outline(capsys, "--format", "json", str(CORPUS_FILE), str(EXAMPLE)).splitlines()
    assert len(got) == 2
    docs = [json.loads(line) for line in got]
    assert [d["path"] for d in docs] == [str(CORPUS_FILE), str(EXAMPLE)]


def test_report_outline_is_the_report_tree(capsys):
    path = report(1978)
    tree = govspeech.parse_file(path)
    got = outline(capsys, "--depth", "1", str(path)).splitlines()
    assert got[0] == tree.documents[0].title
    assert [line.strip() for line in got[1:]] == [
        f"{s.marker}{s.title}" for s in tree.documents[0].sections
    ]
    assert all(re.match(r"  [一二三四五六七八九十]+、", line) for line in got[1:])


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_untitled_text(capsys, tmp_path, fmt):
    path = tmp_path / "untitled.txt"
    path.write_text("同志们：\n一、统一思想。\n二、狠抓落实。\n", encoding="utf-8")
    got = outline(capsys, "--format", fmt, str(path))
    if fmt == "json":
        assert json.loads(got)["documents"][0]["title"] is None
    else:
        assert "(untitled, line 1)" in got and "二、狠抓落实。" in got


def test_json_outline_of_a_regulation_cites_its_articles(capsys, tmp_path):
    """outline --format json: articles and their 项 carry their citation, also with --kinds."""
    path = tmp_path / "办法.txt"
    path.write_text(
        "第一章　总则\n第一条　为了鼓励公民举报，制定本办法。\n"
        "第二条　举报可以采取下列方式：\n（一）拨打举报受理电话；\n（二）向国家安全机关投递信函。\n",
        encoding="utf-8",
    )
    for kinds in ([], ["--kinds", "numbered"]):
        assert main(["outline", "--format", "json", *kinds, str(path)]) == 0
        data = json.loads(capsys.readouterr().out)
        jsonschema.Draft202012Validator(load_schema()).validate(data)
        (chapter,) = data["documents"][0]["sections"]
        assert "citation" not in chapter
        first, second = chapter["children"]
        assert (first["citation"], second["citation"]) == ("第一条", "第二条")
        assert [c["citation"] for c in second["children"]] == ["第二条第（一）项", "第二条第（二）项"]
