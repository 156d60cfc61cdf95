"""The State Council's government work reports (1956-2024) from the shared corpus.

They stay outside the repository; these tests skip when the folder is absent.
"""

from __future__ import annotations

import json

import pytest

import govspeech

from .conftest import report, report_paths

REPORTS = report_paths()
pytestmark = pytest.mark.skipif(not REPORTS, reason="shared corpus reports not present")


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_report_parses_as_one_document_losslessly(path):
    tree = govspeech.parse_file(path)
    src = path.read_text("utf-8")
    assert tree.text == src
    (doc,) = tree.documents
    assert doc.title == src.split("\n", 1)[0].strip()
    assert not doc.subdocuments
    for sec in doc.iter_sections():
        for child in sec.children:
            assert child.level == sec.level + 1
        assert sec.title or sec.style == "cn_bare"
        assert src[sec.title_start : sec.title_end] == sec.title
    # the Wikisource licence trailer never yields headings
    assert all("本作品" not in s.title for s in doc.iter_sections())


def _top(year: int) -> list[tuple[int, str]]:
    doc = govspeech.parse_file(report(year)).documents[0]
    return [(s.level, s.marker) for s in doc.iter_sections() if s.kind == "numbered"]


def test_2024_outline():
    doc = govspeech.parse_file(report(2024)).documents[0]
    assert [s.marker for s in doc.sections] == ["一、", "二、", "三、"]
    assert [s.title for s in doc.sections][:2] == [
        "2023年工作回顾",
        "2024年经济社会发展总体要求和政策取向",
    ]
    third = doc.sections[2]
    assert [c.number for c in third.children] == list(range(1, 11))
    assert {c.level for c in third.children} == {2}
    # the dateline below the title is a subtitle, not a dash item
    assert doc.title_lines[-1].content.startswith("——2024年3月5日")
    first = doc.sections[0]
    assert [c.kind for c in first.children][:7] == ["dash"] * 7


def test_1981_nested_restart_and_family_order():
    assert _top(1981) == [
        (1, "（一）"),
        (1, "（二）"),
        (2, "一、"),
        (2, "二、"),
        (2, "三、"),
        (2, "四、"),
        (3, "一、"),
        (3, "二、"),
        (3, "三、"),
        (2, "五、"),
        (2, "六、"),
        (2, "七、"),
        (2, "八、"),
        (2, "九、"),
        (2, "十、"),
        (1, "（三）"),
    ]


def test_1978_ordinal_headings_hold_numbered_items():
    doc = govspeech.parse_file(report(1978)).documents[0]
    third = doc.sections[2]
    assert third.marker == "三、"
    assert [c.marker for c in third.children] == [
        "第一，",
        "第二，",
        "第三，",
        "第四，",
        "第五，",
        "第六，",
    ]
    assert [g.number for g in third.children[0].children] == list(range(1, 10))


def test_1960_bare_numerals_are_headings():
    doc = govspeech.parse_file(report(1960)).documents[0]
    assert [(s.marker, s.level) for s in doc.sections] == [
        ("一", 1),
        ("二", 1),
        ("三", 1),
        ("四", 1),
    ]


def test_2000_marker_only_enumerations_take_the_next_line():
    doc = govspeech.parse_file(report(2000)).documents[0]
    second = doc.sections[1]
    enums = second.children[:3]
    assert [(e.marker, e.line, e.title_line) for e in enums] == [
        ("一是", 57, 58),
        ("二是", 61, 62),
        ("三是", 65, 66),
    ]
    assert enums[0].title.startswith("发行1000亿元长期国债")


def _parents(year: int) -> dict[int, int | None]:
    """Heading line → the line of the heading it sits under (None at the top)."""
    doc = govspeech.parse_file(report(year)).documents[0]
    out: dict[int, int | None] = {}
    stack = [(sec, None) for sec in reversed(doc.sections)]
    while stack:
        sec, parent = stack.pop()
        out[sec.line] = parent
        stack.extend((child, sec.line) for child in reversed(sec.children))
    return out


def test_1982_lists_spelling_out_the_points_of_its_last_part():
    """Read by hand (tests/owners/gwr_1982.txt): the report's last part has no number
    (全面实现六五计划的主要措施, line 147, after 六五计划前两年的执行情况, 118); its points
    第一、(154) 第二、(191) 第三、(220) 第四、(237) and 最后，(266) stand at the top, not inside
    六、 (93), and the lists 一、…五、 (168–184), 一、…三、 (198–202) and 一、…三、 (256–260)
    spell out 第一、, 第二、 and 第四、. None of them restarts the report's 一、…六、."""
    parent = _parents(1982)
    assert [parent[n] for n in (154, 191, 220, 237, 266)] == [None] * 5
    assert [parent[n] for n in (168, 172, 176, 180, 184)] == [154] * 5
    assert [parent[n] for n in (198, 200, 202)] == [191] * 3
    assert [parent[n] for n in (256, 258, 260)] == [237] * 3
    doc = govspeech.parse_file(report(1982)).documents[0]
    assert [p.line for p in doc.tail if type(p).__name__ == "Paragraph"][:1] == [118]
    assert 147 in [p.line for p in doc.tail]


def test_1987_clauses_inside_part_four():
    """一、…五、 (178–186), each a line ending with ；, are the tasks of 四、 (169)."""
    parent = _parents(1987)
    assert [parent[n] for n in (178, 180, 182, 184, 186)] == [169] * 5


def test_no_false_numbering_alarms_on_the_reports(capsys):
    """What GS101/GS103 still report on the 42 reports, each read in the source. 1984 151 and
    1988 174 are no longer reported: they start parts without a number (关于外交工作,
    今后五年建设和改革的…任务), whose titles are read now. 1988 128 restarts 一、 (the lessons
    of five years) right after the 一、…五、 price measures and a paragraph, with no heading
    between: a second list beside the first, which a reader would number as a part of its own.
    2007 133 is （四） after （二） in the source."""
    from govspeech.cli import main

    main(["check", "--select", "GS101,GS103", *map(str, REPORTS)])
    found = [
        (line.split(":")[0].rsplit("_", 1)[1][:4], int(line.split(":")[1]), line.split()[1])
        for line in capsys.readouterr().out.splitlines()
    ]
    assert found == [("1988", 128, "GS103"), ("2007", 133, "GS101")]


@pytest.mark.parametrize(("year", "address"), [(2024, 200), (2010, 558), (2016, 263), (2009, 481)])
def test_the_final_call_is_the_reports_closing(year, address):
    """各位代表！ standing alone before the last paragraphs (让我们…奋斗！) is the closing, not
    body of the last item (2024: （十）切实保障和改善民生 no longer ends with the final call)."""
    doc = govspeech.parse_file(report(year)).documents[0]
    closing = [leaf for leaf in doc.closing if type(leaf).__name__ == "Paragraph"]
    assert closing[0].line == address and closing[0].content in ("各位代表！", "各位代表：")
    last = list(doc.iter_sections())[-1]
    assert all(p.line < address for p in last.paragraphs)


@pytest.mark.parametrize(
    ("year", "line"), [(1982, 281), (1984, 228), (1987, 214), (1988, 439), (1995, 235)]
)
def test_concluding_remarks_are_the_closing(year, line):
    """结束语 standing alone after the last heading opens the report's closing: the concluding
    remarks are not body of the last item (1982: not of 最后，…; 1988: not of 十、国防建设)."""
    doc = govspeech.parse_file(report(year)).documents[0]
    closing = [leaf for leaf in doc.closing if type(leaf).__name__ == "Paragraph"]
    assert closing[0].line == line and closing[0].content.replace("\u3000", "") == "结束语"
    assert all(leaf.line < line for sec in doc.iter_sections() for leaf in sec.own_leaves)


@pytest.mark.parametrize(("year", "line"), [(2006, 395), (1980, 215)])
def test_a_final_call_that_opens_with_its_address(year, line):
    """各位代表！我们国家正站在新的历史起点上…: the last paragraph opening with the address is
    the closing (2006: not the 各位代表！… six lines before it, which is still body)."""
    doc = govspeech.parse_file(report(year)).documents[0]
    closing = [leaf for leaf in doc.closing if type(leaf).__name__ == "Paragraph"]
    assert closing[0].line == line and closing[0].content.startswith("各位代表！")


@pytest.mark.parametrize(
    ("year", "line", "start"),
    [(1978, 336, "让我们"), (1957, 322, "各位代表，"), (1979, 246, "各位代表！以上")],
)
def test_calls_and_slogans_close_the_older_reports(year, line, start):
    """1978: 让我们…前进吧！ and the 万岁！ slogans after it; 1957: 各位代表，… (a comma);
    1979: 各位代表！以上我报告了… right before 让我们…."""
    doc = govspeech.parse_file(report(year)).documents[0]
    closing = [leaf for leaf in doc.closing if type(leaf).__name__ == "Paragraph"]
    assert closing[0].line == line and closing[0].content.startswith(start)


def test_the_outline_shows_the_parts_without_a_number(capsys):
    """The 1984 report's two parts, 关于国内建设 (in the opening) and 关于外交工作 (between
    五、 and the foreign-affairs 一、), each before its own 一、 list, in the text outline
    and in the JSON outline's ``parts``."""
    from govspeech.cli import main

    main(["outline", "--depth", "1", str(report(1984))])
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == "  关于国内建设" and lines[2].startswith("  一、认真地有步骤地改革")
    k = lines.index("  关于外交工作")
    assert lines[k - 1].startswith("  五、") and lines[k + 1].startswith("  一、维护世界和平")
    main(["outline", "--format", "json", str(report(1984))])
    (doc,) = json.loads(capsys.readouterr().out)["documents"]
    assert [(p["title"], p["line"]) for p in doc["parts"]] == [
        ("关于国内建设", 10),
        ("关于外交工作", 132),
    ]
