"""govspeech check: the numbering linter on the corpus file, on real work reports and on a speech
with known injected errors; its output, exit codes, code selection, configuration, suppression
comments; and the examples of docs/check.md, so that the documentation cannot drift."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

import govspeech
from govspeech.cli import main
from govspeech_plugins.check.rules import RULES, analyse

from .conftest import CORPUS_FILE, DATA, TESTS, report, report_paths

INJECTED = DATA / "check_injected.txt"
CLEAN = DATA / "check_clean.txt"
DOCS = TESTS.parent / "docs" / "check.md"

# check_injected.txt is check_clean.txt with these errors written into it, one line each; the
# list is written by hand from the injections, not copied from the tool's output.
INJECTED_ERRORS = [
    (2, "GS501"),  # the dateline replaced by a site's blurb: 下面是小编为大家整理的…，供大家参考。
    (8, "GS303"),  # （一) unbalanced brackets
    (10, "GS302"),  # (三): halfwidth brackets in fullwidth text
    (12, "GS302"),  # 二. for 二、
    (16, "GS302"),  # ２． fullwidth digits
    (17, "GS101"),  # 1． 2． 4．: 3． skipped
    (20, "GS302"),  # （二）、 a 顿号 after the bracket
    (21, "GS302"),  # 1、 for 1．
    (22, "GS102"),  # inside the paragraph: 一是…。二是…。二是…。
    (27, "GS201"),  # the sub-points of 1． numbered （一）（二） instead of （1）（2）
    (28, "GS201"),
    (30, "GS104"),  # （2）（3） instead of （1）（2）
    (36, "GS102"),  # 一是 二是 二是 四是
    (41, "GS103"),  # the heading 三、 (line 39) lost: （一） restarts below 二、
    (44, "GS302"),  # 第一、 for 第一，
    (48, "GS304"),  # （三）营造良好氛围 without 。 among siblings ending with 。
    (50, "GS301"),  # 一是 二要 三是
    (54, "GS401"),  # a lone 一是
]
# The lines the injections changed: those above, plus （3） (line 31, renumbered with line 30);
# the lost heading is line 39, reported at line 41 where the numbering restarts.
INJECTED_LINES = {line for line, _ in INJECTED_ERRORS} - {41} | {31, 39}

# The corpus file's findings other than boilerplate, each checked against the source:
CORPUS_FINDINGS = [
    (94, "GS301"),  # 3.第三张防护网…一是…。二要…。三是…。 (speech 5)
    (153, "GS103"),  # speech 7: the second run of (一)(二)(三), its parent heading lost
    (192, "GS102"),  # speech 7: 一是 二是 二是 四是 (lines 190–193)
    (310, "GS301"),  # speech 13 repeats speech 5: the same 二要
]
# Boilerplate: the site's preamble (1), blurbs repeating a sentence of their speech (21 = 31,
# 55 = 71, 77 = 86, 114 = 119), 下面是小编为大家整理的 (220, 241), a lone ; (239), 【本文地址…】.
CORPUS_BOILERPLATE = [1, 21, 55, 77, 114, 220, 239, 241, 322]

FINDING = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>GS\d{3})(?P<safe> \[\*\])? (?P<msg>.+)$"
)


def run(capsys, *args: str | Path):  # type: ignore[no-untyped-def]
    """Run the CLI in this process; return (exit code, stdout, stderr)."""
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def found(capsys, *args: str | Path) -> list[dict]:  # type: ignore[no-untyped-def]
    """The findings of ``govspeech check --format json ARGS``."""
    code, out, err = run(capsys, "check", "--format", "json", *args)
    assert code in (0, 1), err
    rows = json.loads(out)
    assert code == (1 if rows else 0)
    return rows


def pairs(rows: list[dict]) -> list[tuple[int, str]]:
    return [(r["line"], r["code"]) for r in rows]


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ") and "Traceback" not in err
    return lines[0]


# ---------------------------------------------------------------------- injected errors


def test_injected_errors_are_found_at_their_lines_and_nothing_else(capsys):
    assert pairs(found(capsys, INJECTED)) == INJECTED_ERRORS


def test_injected_errors_are_found_with_every_check_on(capsys):
    assert pairs(found(capsys, "--select", "ALL", INJECTED)) == INJECTED_ERRORS


def test_the_injected_file_is_the_clean_one_with_the_injections():
    clean = CLEAN.read_text(encoding="utf-8").splitlines()
    injected = INJECTED.read_text(encoding="utf-8").splitlines()
    assert len(clean) == len(injected) >= 55
    changed = {n for n, (a, b) in enumerate(zip(clean, injected, strict=True), 1) if a != b}
    assert changed == INJECTED_LINES


# A regulation for the codes of articles: its text is right but for the injections.
INJECTED_REGULATION = DATA / "check_injected_regulation.txt"
INJECTED_REGULATION_ERRORS = [
    (7, "GS105"),  # 第五条 after 第三条: 第四条 is missing
    (12, "GS305"),  # the last 项 ends with ； (the sentence is not closed)
    (13, "GS105"),  # 第六条之二 without 之一
]


# A 公文 for the codes of its parts: right but for the injections.
INJECTED_GONGWEN = DATA / "check_injected_gongwen.txt"
INJECTED_GONGWEN_ERRORS = [
    (2, "GS601"),  # 沪府发（2024）第012号: （） around the year, 第, a leading zero
    (4, "GS605"),  # the title ends with 。
    (6, "GS603"),  # the 主送机关 ends with a half-width colon
    (13, "GS604"),  # 附件：1、… — the number written 1、
    (13, "GS604"),  # … and the name ends with 。
    (17, "GS602"),  # 2024年05月06日: leading zeros
]


def test_every_code_on_by_default_is_injected():
    on = {code for code, rule in RULES.items() if rule.default}
    injected = INJECTED_ERRORS + INJECTED_REGULATION_ERRORS + INJECTED_GONGWEN_ERRORS
    assert {code for _, code in injected} == on


def test_injected_gongwen_gives_exactly_its_errors_and_fix_repairs_them(capsys, tmp_path):
    rows = found(capsys, INJECTED_GONGWEN)
    assert [(r["line"], r["code"]) for r in rows] == INJECTED_GONGWEN_ERRORS
    assert rows[0]["message"].endswith("write 沪府发〔2024〕12号")
    code, out, _ = run(capsys, "fix", INJECTED_GONGWEN)
    assert code == 0
    before = INJECTED_GONGWEN.read_text(encoding="utf-8").splitlines()
    after = out.splitlines()
    changed = {n for n, (a, b) in enumerate(zip(before, after, strict=True), 1) if a != b}
    assert changed == {line for line, _ in INJECTED_GONGWEN_ERRORS}
    assert after[1] == "沪府发〔2024〕12号" and after[3].endswith("通知")
    assert after[12] == "附件：1．上海市防汛防台责任人名单" and after[16] == "2024年5月6日"
    fixed = tmp_path / "fixed.txt"
    fixed.write_text(out, encoding="utf-8")
    assert found(capsys, fixed) == []
    assert run(capsys, "fix", fixed)[1] == out  # fixing again changes nothing
    # the parts are still the parts: the fix made the title a title, the rest stays as it was
    doc = govspeech.parse(out).documents[0]
    assert doc.title == "上海市人民政府关于做好2024年防汛防台工作的通知"
    assert doc.meta.number == "沪府发〔2024〕12号" and doc.meta.date == "2024-05-06"
    assert doc.meta.cc == ("市委各部门", "市人大常委会办公厅", "市政协办公厅")


def test_injected_regulation_gives_exactly_its_errors(capsys):
    rows = found(capsys, INJECTED_REGULATION)
    assert [(r["line"], r["code"]) for r in rows] == INJECTED_REGULATION_ERRORS
    assert [r["message"] for r in rows] == [
        "第五条 after 第三条: expected 第四条",
        "the last item （三） ends with ；: expected 。",
        "第六条之二 after 第六条: expected 第六条之一",
    ]


def test_inline_duplicate_is_reported_at_its_column(capsys):
    line = INJECTED.read_text(encoding="utf-8").splitlines()[21]
    (row,) = [r for r in found(capsys, INJECTED) if r["line"] == 22]
    assert row["column"] == line.index("二是用好") + 1
    assert row["message"] == "duplicate number: 二是 repeats 二是 (expected 三是)"


def test_clean_speech_checks_clean(capsys):
    code, out, err = run(capsys, "check", CLEAN)
    assert (code, out) == (0, "") and err == "All checks passed.\n"
    code, out, _ = run(capsys, "check", "--select", "ALL", CLEAN)
    assert (code, out) == (0, "")


# ---------------------------------------------------------------------- the corpus file


@pytest.fixture(scope="module")
def corpus_lines() -> list[str]:
    return CORPUS_FILE.read_text(encoding="utf-8").splitlines()


def test_corpus_findings_beyond_boilerplate(capsys, corpus_lines):
    rows = found(capsys, CORPUS_FILE)
    assert [p for p in pairs(rows) if p[1] != "GS501"] == CORPUS_FINDINGS
    # What the source says at those lines.
    assert corpus_lines[190].startswith("二是院内管理")
    assert corpus_lines[191].startswith("二是物资储备")
    assert corpus_lines[192].startswith("四是队伍建设")
    assert corpus_lines[152].startswith("(一)强化组织领导")
    assert corpus_lines[147].startswith("(一)强化联防联控")
    for n in (94, 310):
        assert re.search("一是.+。二要.+。三是", corpus_lines[n - 1])


def test_corpus_duplicate_in_speech_7(capsys):
    (row,) = [r for r in found(capsys, CORPUS_FILE) if r["code"] == "GS102"]
    assert (row["line"], row["column"]) == (192, 1)
    assert row["message"] == "duplicate number: 二是 repeats 二是 (expected 三是)"
    assert row["fix"] == "safe"


def test_corpus_restarted_runs_in_speech_7(capsys):
    (row,) = [r for r in found(capsys, CORPUS_FILE) if r["code"] == "GS103"]
    assert (row["line"], row["column"]) == (153, 1)
    assert row["message"] == "numbering restarts at (一) with no parent heading above it"


def test_corpus_boilerplate(capsys, corpus_lines):
    rows = [r for r in found(capsys, CORPUS_FILE) if r["code"] == "GS501"]
    assert [r["line"] for r in rows] == CORPUS_BOILERPLATE
    for n, twin in ((21, 31), (55, 71), (77, 86), (114, 119)):
        assert corpus_lines[n - 1][:15] in corpus_lines[twin - 1]


def test_shi_yao_shi_is_mixed_forms_not_a_gap(capsys):
    """一是 二要 三是 (line 94): one list with a slip of the pen, not a jump from 二是 to 三是."""
    rows = [r for r in found(capsys, "--select", "ALL", CORPUS_FILE) if r["line"] == 94]
    assert [(r["code"], r["message"]) for r in rows] == [
        ("GS301", "二要 is written unlike its siblings (二是)")
    ]


def test_corpus_speech_2_skips_a_level(capsys, tmp_path, monkeypatch):
    """Speech 2 goes 一、 → 1. with no （一）: GS202 when skipped levels are not allowed."""
    (tmp_path / "govspeech.toml").write_text("[check]\nallow-skipped-levels = false\n")
    monkeypatch.chdir(tmp_path)
    lines = CORPUS_FILE.read_text(encoding="utf-8").splitlines()
    expected = [n for n in range(26, 42) if re.match(r"\d\.", lines[n - 1])]
    assert expected == [26, 28, 29, 32, 34, 35, 38, 39, 40, 41]
    rows = [r for r in found(capsys, CORPUS_FILE) if r["code"] == "GS202"]
    assert [r["line"] for r in rows] == expected
    assert rows[0]["message"] == "1. directly below 一、 skips the level （一）"
    # Allowed by default.
    monkeypatch.chdir(TESTS)
    assert not [r for r in found(capsys, CORPUS_FILE) if r["code"] == "GS202"]


def test_corpus_tree_marks_are_the_tree_markers(corpus_tree):
    """Every mark the checker sees is a marker in the text at its offset."""
    marks = analyse(corpus_tree).marks
    assert len(marks) > 200
    text = corpus_tree.text
    for mark in marks:
        assert text[mark.start : mark.end] == mark.marker


# ---------------------------------------------------------------------- real reports


RECENT = [p for p in report_paths() if int(p.stem.split("_")[1]) >= 2012]


@pytest.mark.parametrize(
    "path",
    RECENT or [pytest.param(None, marks=pytest.mark.skip(reason="shared corpus not present"))],
    ids=[p.stem for p in RECENT] or ["none"],
)
def test_recent_work_reports_check_clean(capsys, path):
    code, out, _ = run(capsys, "check", path)
    assert (code, out) == (0, "")
    # The only thing left is Wikisource's licence notice, off by default.
    rows = found(capsys, "--select", "ALL", path)
    assert [r["code"] for r in rows] == ["GS502"]
    assert rows[0]["message"].startswith("a licence trailer left in the text: 本作品")


def test_enumeration_going_on_inside_an_item_paragraph(capsys):
    """gwr_2009: …。一是… / 二是… / 三是…。四是… on one line / 五是 on the next: one list."""
    path = report(2009)
    lines = [line.lstrip("\u3000") for line in path.read_text(encoding="utf-8").splitlines()]
    assert "。一是突出抓好工业、交通" in lines[253]
    assert lines[255].startswith("二是") and lines[257].startswith("三是")
    assert "。四是开展全民节能减排行动" in lines[257]
    assert lines[259].startswith("五是") and lines[261].startswith("六是")
    rows = found(capsys, "--select", "ALL", path)
    assert not [r for r in rows if 250 <= r["line"] <= 262]


def test_list_begun_inside_an_item_paragraph_goes_on_in_the_next_item(capsys):
    """gwr_2006: 二要… / 抓好资源节约工作。一要…二要…三要… / 四要…: no jump from 二要 to 四要."""
    path = report(2006)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[120].startswith("二要") and lines[124].startswith("四要")
    assert re.search("一要.+二要.+三要", lines[122])
    assert not [r for r in found(capsys, path) if r["code"] == "GS101"]


def test_one_is_the_other_is_idiom_is_not_a_duplicate(capsys):
    """1987: 基本点是两条，一是坚持四项基本原则，一是实行改革、开放 ("one … the other …")."""
    path = report(1987)
    assert "一是坚持四项基本原则，一是实行改革、开放" in path.read_text(encoding="utf-8")
    assert not [r for r in found(capsys, path) if r["code"] == "GS102"]


def test_duplicated_paragraph_in_2010_report(capsys):
    """gwr_2010 repeats the 四是 sentence of line 213 as line 215: a real duplicate."""
    path = report(2010)
    rows = [r for r in found(capsys, path) if r["code"] == "GS102"]
    assert [(r["line"], r["message"]) for r in rows] == [
        (215, "duplicate number: 四是 repeats 四是 (expected 五是)")
    ]


def test_heading_punctuation_is_compared_within_a_run(capsys):
    """gwr_1987: the parts 一、…四、 have no final punctuation; a list restarting at 一、 inside
    四、 ends its items with ；. The parts are not flagged for differing from that list."""
    path = report(1987)
    rows = [r for r in found(capsys, path) if r["code"] == "GS304"]
    assert [r["line"] for r in rows] == [98]  # 三、 runs on into its first body sentence


# ---------------------------------------------------------------------- output


def test_text_output_format_and_order(capsys):
    code, out, err = run(capsys, "check", INJECTED)
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == len(INJECTED_ERRORS)
    keys = []
    for line in lines:
        m = FINDING.match(line)
        assert m, line
        assert m["path"] == str(INJECTED)
        assert bool(m["safe"]) == (RULES[m["code"]].fix == "safe")
        keys.append((int(m["line"]), int(m["col"]), m["code"]))
    assert keys == sorted(keys)
    assert lines[1] == f"{INJECTED}:8:1: GS303 [*] unbalanced brackets in （一): write （一）"
    assert lines[5] == f"{INJECTED}:17:1: GS101 numbering jumps from ２． to 4． (expected 3．)"
    safe = sum(RULES[c].fix == "safe" for _, c in INJECTED_ERRORS)
    unsafe = sum(RULES[c].fix == "unsafe" for _, c in INJECTED_ERRORS)
    assert (safe, unsafe) == (11, 1)
    assert err == (
        f"Found {len(INJECTED_ERRORS)} findings in 1 file, {safe} fixable with govspeech fix, "
        f"{unsafe} more with --unsafe-fixes.\n"
    )


def test_same_line_findings_are_sorted_by_column_then_code(capsys, tmp_path):
    path = tmp_path / "two.txt"
    line = "（二）、重点任务。一是抓好落实。二是抓好落实。二是抓好督查。"
    path.write_text(f"（一）总体要求。\n{line}\n", encoding="utf-8")
    _, out, _ = run(capsys, "check", path)
    got = [FINDING.match(line) for line in out.splitlines()]
    assert [(int(m["line"]), int(m["col"]), m["code"]) for m in got if m] == [
        (2, 1, "GS302"),
        (2, line.rindex("二是") + 1, "GS102"),
    ]


def test_files_in_a_folder_come_in_sorted_order(capsys, tmp_path):
    shutil.copy(INJECTED, tmp_path / "b.txt")
    shutil.copy(INJECTED, tmp_path / "a.txt")
    shutil.copy(CLEAN, tmp_path / "c.txt")
    code, out, err = run(capsys, "check", tmp_path)
    assert code == 1
    paths = [FINDING.match(line)["path"] for line in out.splitlines()]  # type: ignore[index]
    assert paths == [str(tmp_path / "a.txt")] * 18 + [str(tmp_path / "b.txt")] * 18
    assert "Found 36 findings in 2 files" in err


def test_json_output(capsys):
    rows = found(capsys, INJECTED)
    assert pairs(rows) == INJECTED_ERRORS
    for row in rows:
        assert set(row) == {"path", "line", "column", "code", "name", "message", "fix"}
        assert row["path"] == str(INJECTED)
        assert row["name"] == RULES[row["code"]].name
        assert row["fix"] == RULES[row["code"]].fix
    assert rows[0]["message"].startswith("web-page boilerplate left in the text: 下面是小编")
    code, out, _ = run(capsys, "check", "--format", "json", CLEAN)
    assert (code, json.loads(out)) == (0, [])


def test_statistics(capsys):
    code, out, _ = run(capsys, "check", "--statistics", INJECTED)
    assert code == 1
    counts: dict[str, int] = {}
    for _, c in INJECTED_ERRORS:
        counts[c] = counts.get(c, 0) + 1
    expected = [
        f"{n:>5}  {c}  {'[*]' if RULES[c].fix == 'safe' else '   '}  {RULES[c].name}"
        for c, n in sorted(counts.items())
    ]
    assert out.splitlines() == expected
    assert "    6  GS302  [*]  non-standard-form" in out.splitlines()


# ---------------------------------------------------------------------- exit codes


def test_exit_codes(capsys, tmp_path):
    assert run(capsys, "check", CLEAN)[0] == 0
    assert run(capsys, "check", INJECTED)[0] == 1
    code, _, err = run(capsys, "check", tmp_path / "missing.txt")
    assert code == 2 and "no such file" in one_error_line(err)
    (tmp_path / "empty.txt").write_text("  \n")
    code, out, err = run(capsys, "check", tmp_path / "empty.txt")
    assert (code, out) == (2, "") and "no text" in one_error_line(err)
    # A file that cannot be read: the others are still checked, and the exit code is 2.
    code, out, err = run(capsys, "check", INJECTED, tmp_path / "empty.txt")
    assert code == 2 and len(out.splitlines()) == len(INJECTED_ERRORS)
    assert err.startswith("error: ") and "Found 18 findings in 1 file" in err
    code, out, err = run(capsys, "check", CLEAN, tmp_path / "empty.txt")
    assert (code, out) == (2, "")
    assert "All checks passed" not in err and "No findings in the 1 file read.\n" in err
    assert re.match(r"2 files, 1 documents, \d+ sections, 1 failed, [\d.]+ s$", err.splitlines()[-1])
    # A missing input stops the run before anything is checked.
    code, out, err = run(capsys, "check", INJECTED, tmp_path / "missing.txt")
    assert (code, out) == (2, "") and "missing.txt: no such file" in one_error_line(err)


@pytest.mark.parametrize(
    "args, what",
    [
        (["--select", "GS999"], "--select: unknown code 'GS999'"),
        (["--ignore", "GS1,XYZ"], "--ignore: unknown code 'XYZ'"),
        (["--extend-select", "GS7"], "--extend-select: unknown code 'GS7'"),
        (["--format", "xml"], "--format"),
        (["--arabic-dot", "。"], "--arabic-dot"),
    ],
)
def test_bad_options_are_one_line_usage_errors(capsys, args, what):
    code, out, err = run(capsys, "check", *args, CLEAN)
    assert code == 2 and out == ""
    assert what in one_error_line(err)


# ---------------------------------------------------------------------- selecting codes


def codes(capsys, *args: str | Path) -> set[str]:  # type: ignore[no-untyped-def]
    return {r["code"] for r in found(capsys, *args)}


def test_select_ignore_extend_select_and_prefixes(capsys):
    everything = {c for _, c in INJECTED_ERRORS}
    assert codes(capsys, "--select", "GS1", INJECTED) == {"GS101", "GS102", "GS103", "GS104"}
    assert codes(capsys, "--select", "GS102,GS304", INJECTED) == {"GS102", "GS304"}
    assert codes(capsys, "--select", "gs30", INJECTED) == {"GS301", "GS302", "GS303", "GS304"}
    assert codes(capsys, "--ignore", "GS3", INJECTED) == everything - {
        "GS301",
        "GS302",
        "GS303",
        "GS304",
    }
    assert codes(capsys, "--select", "ALL", "--ignore", "GS5,GS2", INJECTED) == everything - {
        "GS501",
        "GS201",
    }
    assert codes(capsys, "--select", "GS1", "--extend-select", "GS401", INJECTED) == {
        "GS101",
        "GS102",
        "GS103",
        "GS104",
        "GS401",
    }
    report_file = report(2024)
    assert codes(capsys, report_file) == set()
    assert codes(capsys, "--extend-select", "GS502", report_file) == {"GS502"}


# ---------------------------------------------------------------------- configuration


def test_config_from_govspeech_toml_in_the_cwd(capsys, tmp_path, monkeypatch):
    (tmp_path / "govspeech.toml").write_text('[check]\nselect = ["GS3"]\nignore = ["GS304"]\n')
    monkeypatch.chdir(tmp_path)
    assert codes(capsys, INJECTED) == {"GS301", "GS302", "GS303"}
    # Options override the file.
    assert codes(capsys, "--select", "GS401", INJECTED) == {"GS401"}
    assert codes(capsys, "--extend-select", "GS304", INJECTED) == {
        "GS301",
        "GS302",
        "GS303",
        "GS304",
    }
    assert codes(capsys, "--ignore", "GS302", INJECTED) == {"GS301", "GS303"}


def test_config_from_pyproject_found_upwards(capsys, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.govspeech.check]\nextend-select = ["GS502"]\n'
        'ignore = ["GS1", "GS2", "GS3", "GS4"]\n'
    )
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert codes(capsys, INJECTED) == {"GS501"}
    assert codes(capsys, report(2024)) == {"GS502"}


def test_pyproject_without_the_table_is_passed_over(capsys, tmp_path, monkeypatch):
    (tmp_path / "govspeech.toml").write_text('[check]\nselect = ["GS102"]\n')
    inner = tmp_path / "project"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.ruff]\nline-length = 99\n')
    monkeypatch.chdir(inner)
    assert codes(capsys, INJECTED) == {"GS102"}


def test_config_option_names_the_file(capsys, tmp_path, monkeypatch):
    (tmp_path / "govspeech.toml").write_text('[check]\nselect = ["GS102"]\n')
    other = tmp_path / "house-style.toml"
    other.write_text('[check]\nselect = ["GS104"]\n')
    project = tmp_path / "pyproject.toml"
    project.write_text('[tool.govspeech.check]\nselect = ["GS401"]\n')
    monkeypatch.chdir(tmp_path)
    assert codes(capsys, INJECTED) == {"GS102"}
    assert codes(capsys, "--config", other, INJECTED) == {"GS104"}
    assert codes(capsys, "--config", project, INJECTED) == {"GS401"}
    code, _, err = run(capsys, "check", "--config", tmp_path / "nope.toml", INJECTED)
    assert code == 2 and "no such configuration file" in one_error_line(err)


@pytest.mark.parametrize(
    "table, what",
    [
        ("selct = []", "unknown setting 'selct'"),
        ('select = ["GS9"]', "unknown code 'GS9'"),
        ('select = "GS1"', "select must be a list of codes"),
        ('arabic-dot = "。"', "arabic-dot must be one of"),
        ('allow-skipped-levels = "no"', "allow-skipped-levels must be true or false"),
        ('per-file-ignores = ["GS1"]', "per-file-ignores must be a table"),
        ("select = [", "not valid TOML"),
    ],
)
def test_bad_configuration_is_a_one_line_usage_error(capsys, tmp_path, monkeypatch, table, what):
    (tmp_path / "govspeech.toml").write_text(f"[check]\n{table}\n")
    monkeypatch.chdir(tmp_path)
    for command in ("check", "fix"):
        code, out, err = run(capsys, command, INJECTED)
        assert code == 2 and out == ""
        assert what in one_error_line(err)


def test_per_file_ignores(capsys, tmp_path, monkeypatch):
    (tmp_path / "govspeech.toml").write_text(
        '[check.per-file-ignores]\n"drafts/*.txt" = ["GS3"]\n"old.txt" = ["GS1", "GS501"]\n'
    )
    (tmp_path / "drafts").mkdir()
    shutil.copy(INJECTED, tmp_path / "drafts" / "draft.txt")
    shutil.copy(INJECTED, tmp_path / "old.txt")
    shutil.copy(INJECTED, tmp_path / "new.txt")
    monkeypatch.chdir(tmp_path)
    everything = {c for _, c in INJECTED_ERRORS}
    assert codes(capsys, "new.txt") == everything
    assert codes(capsys, "drafts/draft.txt") == everything - {"GS301", "GS302", "GS303", "GS304"}
    assert codes(capsys, "old.txt") == everything - {"GS101", "GS102", "GS103", "GS104", "GS501"}


def test_arabic_dot(capsys, tmp_path, monkeypatch):
    lines = CLEAN.read_text(encoding="utf-8").splitlines()
    dots = [n for n, line in enumerate(lines, 1) if re.match(r"\d．", line)]
    assert dots == [15, 16, 17, 21, 22, 23, 26, 29]
    monkeypatch.chdir(tmp_path)
    # auto: ． in fullwidth text (check_clean.txt), . in halfwidth text (the corpus file)
    assert codes(capsys, CLEAN) == set()
    assert "GS302" not in codes(capsys, CORPUS_FILE)
    rows = found(capsys, "--arabic-dot", ".", CLEAN)
    assert {r["code"] for r in rows} == {"GS302"}
    assert [r["line"] for r in rows] == dots
    assert rows[0]["message"] == "non-standard marker 1．: write 1."
    corpus = [r for r in found(capsys, "--arabic-dot", "fullwidth", CORPUS_FILE)]
    assert "non-standard marker 1.: write 1．" in {r["message"] for r in corpus}
    (tmp_path / "govspeech.toml").write_text('[check]\narabic-dot = "halfwidth"\n')
    assert [r["line"] for r in found(capsys, CLEAN)] == dots
    assert found(capsys, "--arabic-dot", "auto", CLEAN) == []


# ---------------------------------------------------------------------- suppression


def with_comment(tmp_path: Path, line: int, comment: str) -> Path:
    lines = INJECTED.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[line - 1] = lines[line - 1].rstrip("\n") + comment + "\n"
    path = tmp_path / "speech.txt"
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "line, comment, gone",
    [
        (36, "【govspeech: noqa】", {(36, "GS102")}),
        (36, "【govspeech: noqa GS102】", {(36, "GS102")}),
        (36, "【govspeech：noqa GS102】", {(36, "GS102")}),
        (36, "  govspeech: noqa GS304, GS102", {(36, "GS102")}),
        (36, "【govspeech: noqa GS304】", set()),
        (22, "【govspeech: noqa GS102】", {(22, "GS102")}),
        (2, "【govspeech: noqa】", {(2, "GS501")}),
        (27, "（govspeech: noqa GS201）", {(27, "GS201")}),
    ],
)
def test_noqa_comment(capsys, tmp_path, line, comment, gone):
    path = with_comment(tmp_path, line, comment)
    assert set(pairs(found(capsys, path))) == set(INJECTED_ERRORS) - gone


def test_noqa_counts_lines_as_the_parser_does(capsys, tmp_path):
    """A form feed inside a line does not move the comment to another line."""
    path = tmp_path / "ff.txt"
    path.write_text(
        "讲话\n同志们：\f今天开会。\n一是加强领导。\n二是强化督查。\n"
        "二是狠抓落实。【govspeech: noqa GS102】\n三是严明纪律。\n",
        encoding="utf-8",
    )
    assert found(capsys, path) == []


# ---------------------------------------------------------------------- docs/check.md


def doc_sections() -> dict[str, str]:
    parts = re.split(r"^### (GS\d{3}) ", DOCS.read_text(encoding="utf-8"), flags=re.M)
    pairs = zip(parts[1::2], parts[2::2], strict=True)
    return {code: body.split("\n## ")[0] for code, body in pairs}


def doc_example(body: str, which: str) -> str:
    m = re.search(rf"\*\*{which}\*\*\s*```text\n(.*?)```", body, re.S)
    assert m, which
    return m.group(1)


def test_docs_describe_every_code():
    doc = DOCS.read_text(encoding="utf-8")
    assert list(doc_sections()) == list(RULES)
    rows = re.findall(r"^\| (GS\d{3}) \| (\S+) \| (\S+) \| (\S+) \|$", doc, flags=re.M)
    assert [r[0] for r in rows] == list(RULES)
    for code, name, fix, default in rows:
        rule = RULES[code]
        assert name == rule.name
        assert fix == (rule.fix or "no")
        assert default == ("on" if rule.default else "off")
    for code, body in doc_sections().items():
        assert body.startswith(RULES[code].name + "\n"), code


@pytest.mark.parametrize("code", list(RULES))
def test_docs_examples(capsys, tmp_path, code):
    body = doc_sections()[code]
    bad, good = doc_example(body, "Bad"), doc_example(body, "Good")
    path = tmp_path / "bad.txt"
    path.write_text(bad, encoding="utf-8")
    assert {r["code"] for r in found(capsys, "--select", "ALL", path)} == {code}
    (tmp_path / "good.txt").write_text(good, encoding="utf-8")
    assert found(capsys, "--select", "ALL", tmp_path / "good.txt") == []
    # fix turns the bad example into the good one when it repairs the code; else leaves it.
    code_, out, _ = run(capsys, "fix", "--select", "ALL", "--unsafe-fixes", path)
    assert code_ == 0
    assert out == (good if RULES[code].fix else bad)


def test_parse_of_docs_examples_is_lossless(tmp_path):
    for body in doc_sections().values():
        for which in ("Bad", "Good"):
            text = doc_example(body, which)
            assert govspeech.parse(text).text == text


def test_docs_sample_output_is_real(capsys, monkeypatch):
    block = DOCS.read_text(encoding="utf-8").split(
        "$ govspeech check tests/data/check_injected.txt\n"
    )
    shown = block[1].split("\n```")[0].splitlines()
    assert shown[-2] == "…"
    monkeypatch.chdir(TESTS.parent)
    _, out, err = run(capsys, "check", "tests/data/check_injected.txt")
    assert out.splitlines()[: len(shown) - 2] == shown[:-2]
    assert err.strip() == shown[-1]


def test_docs_sample_configuration_is_valid(capsys, tmp_path, monkeypatch):
    doc = DOCS.read_text(encoding="utf-8")
    toml = doc.split("```toml\n")[1].split("```")[0]
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "archive").mkdir()
    shutil.copy(INJECTED, tmp_path / "archive" / "speech.txt")
    shutil.copy(INJECTED, tmp_path / "speech.txt")
    monkeypatch.chdir(tmp_path)
    # GS1–GS3 and GS502, less GS304; archive/ also less GS3.
    assert codes(capsys, "speech.txt") == {"GS101", "GS102", "GS103", "GS104", "GS201"} | {
        "GS301",
        "GS302",
        "GS303",
    }
    assert codes(capsys, "archive/speech.txt") == {"GS101", "GS102", "GS103", "GS104", "GS201"}


# Where the parser and check once read one marker family two ways (issue: one family table).


def test_a_bare_numeral_line_and_the_next_numbered_heading_are_one_run(capsys, tmp_path):
    """一 alone on its line is 一、 without its comma: 二、 continues it, at the same level."""
    text = "在全县工作会议上的讲话\n一\n统一思想。\n二、突出重点。\n三、强化保障。\n"
    doc = govspeech.parse(text).documents[0]
    assert [(s.marker, s.level) for s in doc.iter_sections()] == [("一", 1), ("二、", 1), ("三、", 1)]
    path = tmp_path / "讲话.txt"
    path.write_text(text, encoding="utf-8")
    assert [r["code"] for r in found(capsys, path)] == ["GS301"]  # mixed forms, no GS104


def test_yaodian_and_yaojian_are_words_not_enumerations(capsys, tmp_path):
    """要点 and 要件 are not 一要/三要 items, inside a paragraph as at a line's start."""
    text = "在会议上的讲话\n一、总体要求\n会议明确，一要点是抓落实，三要件齐全才能审批。\n"
    doc = govspeech.parse(text).documents[0]
    assert [p.items for p in doc.sections[0].paragraphs] == [()]
    path = tmp_path / "讲话.txt"
    path.write_text(text, encoding="utf-8")
    assert found(capsys, path) == []
    code, out, _ = run(capsys, "fix", "--unsafe-fixes", path)
    assert code == 0 and out == text
