"""govspeech fix: only marker characters change, the result checks clean for the fixable codes,
a second fix changes nothing; --diff, --in-place (atomic, encoding, BOM and line endings kept),
-o FILE, stdout; on the injected speech, the corpus file and real work reports."""

from __future__ import annotations

import argparse
import codecs
import difflib
import io
import json
import os
import sys
from pathlib import Path

import pytest

import govspeech
from govspeech.cli import main
from govspeech.nodes import Paragraph, ParsedFile
from govspeech_plugins.check.rules import RULES

from .conftest import CORPUS_FILE, report, report_paths
from .test_check import CLEAN, INJECTED, INJECTED_ERRORS

SAFE = sorted(code for code, rule in RULES.items() if rule.fix == "safe")
FIXABLE = sorted(code for code, rule in RULES.items() if rule.fix)
assert FIXABLE == ["GS101", *SAFE]  # the one unsafe fix: a gap may be a lost item


def run(capsys, *args: str | Path, stdin: bytes | None = None, monkeypatch=None):  # type: ignore[no-untyped-def]
    """Run the CLI in this process; return (exit code, stdout, stderr)."""
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def fixed(capsys, path: Path, *args: str) -> str:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "fix", *args, path)
    assert code == 0, err
    return out


def findings(capsys, path: Path, *args: str) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "check", "--format", "json", *args, path)
    assert code in (0, 1), err
    return [(r["line"], r["code"]) for r in json.loads(out)]


def marker_spans(tree: ParsedFile) -> list[tuple[int, int]]:
    """Character spans of every marker in the tree: headings' and enumerations' in paragraphs."""
    spans = []
    for doc in tree.iter_documents():
        for sec in doc.iter_sections():
            spans.append((sec.heading.marker_start, sec.heading.marker_end))
    for leaf in tree.iter_leaves():
        if isinstance(leaf, Paragraph):
            spans.extend((item.start, item.start + len(item.marker)) for item in leaf.items)
    return sorted(spans)


def changed_spans(old: str, new: str) -> list[tuple[int, int]]:
    """Where ``new`` differs from ``old``: spans of ``old`` (empty for an insertion).

    Markers never hold a line break, so the texts have the same lines; each changed line is
    compared with difflib.SequenceMatcher.
    """
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    assert len(a) == len(b)
    spans, offset = [], 0
    for x, y in zip(a, b, strict=True):
        if x != y:
            matcher = difflib.SequenceMatcher(None, x, y, autojunk=False)
            for tag, i1, i2, _, _ in matcher.get_opcodes():
                if tag != "equal":
                    spans.append((offset + i1, offset + i2))
        offset += len(x)
    return spans


def assert_only_markers_changed(old: str, new: str) -> int:
    """Every changed span lies inside a marker of ``old``; return how many spans changed."""
    spans = marker_spans(govspeech.parse(old))
    changed = changed_spans(old, new)
    for i1, i2 in changed:
        assert any(s <= i1 and i2 <= e for s, e in spans), (old[i1 - 10 : i2 + 10], new)
    return len(changed)


def test_marker_spans_and_the_change_check():
    old = INJECTED.read_text(encoding="utf-8")
    tree = govspeech.parse(old)
    spans = marker_spans(tree)
    markers = [old[s:e].strip(" \t\u3000") for s, e in spans]
    assert "（二）、" in markers and "１、" not in markers and "二是" in markers
    assert len(spans) == len(set(spans)) == 41  # 38 headings, 3 items inside a paragraph
    # A change outside a marker is caught; one inside is not.
    with pytest.raises(AssertionError):
        assert_only_markers_changed(old, old.replace("营商环境就是生产力", "营商环境是生产力"))
    with pytest.raises(AssertionError):
        assert_only_markers_changed(old, old.replace("（三）营造良好氛围", "（三）营造良好氛围。"))
    assert assert_only_markers_changed(old, old.replace("（二）、", "（二）")) == 1


# ---------------------------------------------------------------------- what fix changes


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_fix_injected_changes_only_markers(capsys, unsafe):
    out = fixed(capsys, INJECTED, *(["--unsafe-fixes"] if unsafe else []))
    old = INJECTED.read_text(encoding="utf-8")
    assert out != old
    assert assert_only_markers_changed(old, out) >= 12


def test_fix_injected_restores_the_clean_speech(capsys, tmp_path):
    """With --unsafe-fixes, the fixed speech is the clean one except where the injected error
    is one fix does not repair (boilerplate, level order, a lost heading, punctuation, a lone
    item); and check then finds exactly those."""
    out = fixed(capsys, INJECTED, "--unsafe-fixes")
    clean = CLEAN.read_text(encoding="utf-8").splitlines()
    differ = {n for n, (a, b) in enumerate(zip(clean, out.splitlines(), strict=True), 1) if a != b}
    left = [(line, code) for line, code in INJECTED_ERRORS if not RULES[code].fix]
    assert differ == {line for line, _ in left} - {41} | {39}
    path = tmp_path / "fixed.txt"
    path.write_text(out, encoding="utf-8")
    assert findings(capsys, path) == left


def test_fix_corpus_changes_only_markers(capsys):
    out = fixed(capsys, CORPUS_FILE)
    old = CORPUS_FILE.read_text(encoding="utf-8")
    assert assert_only_markers_changed(old, out) == 3
    a, b = old.splitlines(), out.splitlines()
    changed = [n for n, (x, y) in enumerate(zip(a, b, strict=True), 1) if x != y]
    assert changed == [94, 192, 310]
    assert b[191].startswith("三是物资储备") and "。二是信息上报要及时准确" in b[93]


@pytest.mark.parametrize("path", [INJECTED, CORPUS_FILE], ids=["injected", "corpus"])
@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_fixed_text_checks_clean_for_fixable_codes_and_fixing_again_changes_nothing(
    capsys, tmp_path, path, unsafe
):
    args = ["--unsafe-fixes"] if unsafe else []
    out = fixed(capsys, path, *args)
    target = tmp_path / "fixed.txt"
    target.write_text(out, encoding="utf-8")
    codes = FIXABLE if unsafe else SAFE
    assert findings(capsys, target, "--select", ",".join(codes)) == []
    # The codes fix does not repair are still reported, where they were.
    before = [f for f in findings(capsys, path) if not RULES[f[1]].fix]
    assert [f for f in findings(capsys, target) if not RULES[f[1]].fix] == before
    # A second fix is a no-op, byte for byte.
    raw = target.read_bytes()
    code, again, err = run(capsys, "fix", *args, target)
    assert code == 0 and again.encode("utf-8") == raw
    assert err == "Fixed 0 markers in 0 files.\n"


def test_fix_without_unsafe_fixes_leaves_number_gaps(capsys):
    out = fixed(capsys, INJECTED).splitlines()
    assert out[16].startswith("4．加强事中事后监管")
    out = fixed(capsys, INJECTED, "--unsafe-fixes").splitlines()
    assert out[16].startswith("3．加强事中事后监管")


def test_fix_renumbers_from_where_the_list_starts(capsys):
    """gwr_2010: a list whose 一是 sits inside a paragraph, 二是 三是(…。四是…) 四是: only the
    repeated 四是 changes (to 五是), not 二是 into 一是."""
    path = report(2010)
    old = path.read_text(encoding="utf-8")
    out = fixed(capsys, path)
    assert_only_markers_changed(old, out)
    a, b = old.splitlines(), out.splitlines()
    assert [n for n, (x, y) in enumerate(zip(a, b, strict=True), 1) if x != y] == [215]
    assert b[214] == a[214].replace("四是", "五是", 1)


def test_fix_respects_selection_and_noqa(capsys, tmp_path):
    lines = INJECTED.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[35] = lines[35].rstrip("\n") + "【govspeech: noqa GS102】\n"
    path = tmp_path / "speech.txt"
    path.write_text("".join(lines), encoding="utf-8")
    out = fixed(capsys, path).splitlines()
    assert out[35].startswith("二是健全政企沟通机制")  # suppressed: left as it is
    assert out[21].count("二是") == 1  # the other duplicate is fixed
    # Without GS302, GS301 still writes 二. like its sibling 一、 and ２． like 1．.
    out = fixed(capsys, path, "--ignore", "GS302").splitlines()
    assert out[11].startswith("二、聚焦") and out[15].startswith("2．")
    out = fixed(capsys, path, "--ignore", "GS301,GS302").splitlines()
    assert out[11].startswith("二.聚焦") and out[15].startswith("２．")
    assert out[7].startswith("（一）优化")  # GS303 still fixed
    out = fixed(capsys, path, "--select", "GS104").splitlines()
    changed = [n for n, (x, y) in enumerate(zip(lines, out, strict=True), 1) if x.rstrip("\n") != y]
    assert changed == [30, 31]


def test_fix_arabic_dot(capsys):
    old = CLEAN.read_text(encoding="utf-8")
    assert fixed(capsys, CLEAN) == old
    out = fixed(capsys, CLEAN, "--arabic-dot", ".")
    assert assert_only_markers_changed(old, out) == 8
    pairs = list(zip(old.splitlines(), out.splitlines(), strict=True))
    changed = [(a, b) for a, b in pairs if a != b]
    assert len(changed) == 8
    assert all(b[1] == "." and b.replace(".", "．", 1) == a for a, b in changed)


@pytest.mark.parametrize("year", [1958, 1979, 1982, 1985, 1987, 1992, 2004, 2007, 2010, 2011])
def test_fix_on_older_reports(year):
    """Reports whose markers fix rewrites (第一、 （１） ——— -- and numbering): only markers
    change, nothing fixable is left, and fixing again changes nothing."""
    from govspeech_plugins.check.rules import analyse

    text = report(year).read_text(encoding="utf-8")
    for unsafe in (False, True):
        out = _fix(text, unsafe)
        # 2007 has only a gap (a heading lost): nothing but --unsafe-fixes changes it.
        assert (assert_only_markers_changed(text, out) > 0) == (unsafe or year != 2007)
        codes = set(FIXABLE if unsafe else SAFE)
        assert not [f for f in analyse(govspeech.parse(out)).findings if f.code in codes]
        assert _fix(out, unsafe) == out


# ---------------------------------------------------------------------- clean input


RECENT = [p for p in report_paths() if int(p.stem.split("_")[1]) >= 2012]


@pytest.mark.parametrize(
    "path",
    [CLEAN, *RECENT],
    ids=["check_clean", *[p.stem for p in RECENT]],
)
def test_fix_on_clean_text_changes_nothing(capsys, path):
    raw = path.read_bytes()
    code, out, err = run(capsys, "fix", path)
    assert code == 0 and out == path.read_text(encoding="utf-8")
    assert err == "Fixed 0 markers in 0 files.\n"
    code, out, err = run(capsys, "fix", "--diff", path)
    assert (code, out) == (0, "") and err == "Would fix 0 markers in 0 files.\n"
    code, out, _ = run(capsys, "fix", "--in-place", path)
    assert (code, out) == (0, "") and path.read_bytes() == raw


# ---------------------------------------------------------------------- --diff


def test_diff_counts_lines_as_check_does(capsys, tmp_path):
    """A \x85 inside a line does not end it: the hunk's line numbers are check's."""
    path = tmp_path / "x85.txt"
    path.write_text("一、甲\x85丙\n二.乙\n", encoding="utf-8")
    main(["check", str(path)])
    assert f"{path}:2:1: GS302" in capsys.readouterr().out
    main(["fix", "--diff", str(path)])
    out = capsys.readouterr().out
    assert "@@ -1,2 +1,2 @@" in out and "-二.乙\n+二、乙\n" in out


def test_diff_prints_a_unified_diff_and_writes_nothing(capsys, tmp_path):
    path = tmp_path / "speech.txt"
    path.write_bytes(INJECTED.read_bytes())
    before = os.stat(path)
    code, out, err = run(capsys, "fix", "--diff", path)
    assert code == 1
    assert path.read_bytes() == INJECTED.read_bytes()
    assert os.stat(path).st_mtime_ns == before.st_mtime_ns
    lines = out.splitlines()
    name = str(path).lstrip("/")
    assert lines[:2] == [f"--- a/{name}", f"+++ b/{name}"]
    assert lines[2].startswith("@@ -")
    assert "-（二）、强化要素保障。" in lines and "+（二）强化要素保障。" in lines
    assert err == "Would fix 12 markers in 1 file.\n"
    # The diff is the one between the input and what fix writes.
    fixed_lines = fixed(capsys, path).splitlines(keepends=True)
    expected = difflib.unified_diff(
        INJECTED.read_text(encoding="utf-8").splitlines(keepends=True),
        fixed_lines,
        f"a/{name}",
        f"b/{name}",
    )
    assert out == "".join(expected)


def test_diff_of_several_files(capsys, tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes(INJECTED.read_bytes())
    (tmp_path / "c.txt").write_bytes(CLEAN.read_bytes())
    code, out, err = run(capsys, "fix", "--diff", tmp_path)
    assert code == 1
    heads = [line for line in out.splitlines() if line.startswith("+++ ")]
    assert [h.rsplit("/", 1)[1] for h in heads] == ["a.txt", "b.txt"]
    assert err.startswith("Would fix 24 markers in 2 files.\n3 files, 3 documents, ")


def test_diff_marks_a_missing_final_newline(capsys, tmp_path):
    path = tmp_path / "speech.txt"
    path.write_text("（一）总体要求。\n（二）、重点任务。", encoding="utf-8")
    code, out, _ = run(capsys, "fix", "--diff", path)
    assert code == 1
    assert out.endswith("+（二）重点任务。\n\\ No newline at end of file\n")


# ---------------------------------------------------------------------- --in-place, -o


def test_in_place_rewrites_atomically(capsys, tmp_path):
    path = tmp_path / "speech.txt"
    path.write_bytes(INJECTED.read_bytes())
    os.chmod(path, 0o640)
    inode = os.stat(path).st_ino
    expected = fixed(capsys, INJECTED)
    code, out, err = run(capsys, "fix", "--in-place", path)
    assert (code, out) == (0, "") and err == "Fixed 12 markers in 1 file.\n"
    assert path.read_text(encoding="utf-8") == expected
    # A new file renamed over the old one, with its mode; no temporary file left behind.
    assert os.stat(path).st_ino != inode
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["speech.txt"]
    # Fixing again writes nothing at all.
    inode = os.stat(path).st_ino
    assert run(capsys, "fix", "--in-place", path)[0] == 0
    assert os.stat(path).st_ino == inode


def test_in_place_failure_leaves_the_file_untouched(capsys, tmp_path, monkeypatch):
    from govspeech_plugins.check import fix

    path = tmp_path / "speech.txt"
    path.write_bytes(INJECTED.read_bytes())

    def broken(text: str, tree: ParsedFile) -> bytes:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(fix, "_encode", broken)
    code, out, err = run(capsys, "fix", "--in-place", path)
    assert code == 1 and out == ""
    assert "disk on fire" in err
    assert path.read_bytes() == INJECTED.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["speech.txt"]


ENCODINGS = [
    pytest.param("gb18030", b"", "gb18030", id="gb18030"),
    pytest.param("utf-8", b"", "utf-8", id="utf-8"),
    pytest.param("utf-8", codecs.BOM_UTF8, "utf-8", id="utf-8-bom"),
    pytest.param("utf-16-le", codecs.BOM_UTF16_LE, "utf-16", id="utf-16-le-bom"),
    pytest.param("utf-16-be", codecs.BOM_UTF16_BE, "utf-16", id="utf-16-be-bom"),
]


@pytest.mark.parametrize("eol", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("codec, bom, decode", ENCODINGS)
@pytest.mark.parametrize("mode", ["in-place", "-o"])
def test_encoding_and_line_endings_are_kept(capsys, tmp_path, codec, bom, decode, eol, mode):
    text = INJECTED.read_text(encoding="utf-8").replace("\n", eol)
    raw = bom + text.encode(codec)
    path = tmp_path / "speech.txt"
    path.write_bytes(raw)
    if mode == "in-place":
        code, out, _ = run(capsys, "fix", "--in-place", path)
        target = path
    else:
        target = tmp_path / "fixed.txt"
        code, out, _ = run(capsys, "fix", path, "-o", target)
        assert path.read_bytes() == raw
    assert (code, out) == (0, "")
    new = target.read_bytes()
    assert new.startswith(bom) and not new[len(bom) :].startswith(bom or b"\0\0\0")
    new_text = new[len(bom) :].decode(codec)
    assert new_text.count("\r\n") == text.count("\r\n")
    assert new_text.count("\n") == text.count("\n")
    assert_only_markers_changed(text, new_text)
    # Byte for byte outside the markers: each unchanged stretch of text is the same bytes at
    # the same place in both files.
    matcher = difflib.SequenceMatcher(None, text, new_text, autojunk=False)
    for tag, i1, i2, j1, _ in matcher.get_opcodes():
        if tag != "equal":
            continue
        at_old = len(bom) + len(text[:i1].encode(codec))
        at_new = len(bom) + len(new_text[:j1].encode(codec))
        chunk = text[i1:i2].encode(codec)
        assert raw[at_old : at_old + len(chunk)] == chunk == new[at_new : at_new + len(chunk)]
    # And the result is what fix prints for the text itself.
    assert new_text == fixed(capsys, INJECTED).replace("\n", eol)
    assert govspeech.parse_file(target).encoding is not None
    # Fixing again is a no-op on the bytes.
    assert run(capsys, "fix", "--in-place", target)[0] == 0
    assert target.read_bytes() == new


def test_output_file(capsys, tmp_path):
    target = tmp_path / "out.txt"
    code, out, err = run(capsys, "fix", INJECTED, "-o", target)
    assert (code, out) == (0, "") and err == "Fixed 12 markers in 1 file.\n"
    assert target.read_text(encoding="utf-8") == fixed(capsys, INJECTED)


def test_output_folder_one_file_per_input(capsys, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(INJECTED.read_bytes())
    (src / "b.txt").write_bytes(CLEAN.read_bytes())
    code, _, _ = run(capsys, "fix", src / "a.txt", src / "b.txt", "-o", f"{tmp_path}/out/")
    assert code == 0
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == fixed(capsys, INJECTED)
    assert (tmp_path / "out" / "b.txt").read_bytes() == CLEAN.read_bytes()


def test_stdin_to_stdout(capsys, monkeypatch):
    code, out, err = run(capsys, "fix", "-", stdin=INJECTED.read_bytes(), monkeypatch=monkeypatch)
    assert code == 0 and out == fixed(capsys, INJECTED)
    assert err == "Fixed 12 markers in 1 file.\n"


@pytest.mark.parametrize(
    "args, what",
    [
        (["A", "B"], "several inputs: use --in-place, --diff or -o folder/"),
        (["--in-place", "A", "-o", "OUT"], "--in-place rewrites the inputs: leave out -o"),
        (["--in-place", "-"], "--in-place cannot rewrite standard input"),
        (["--in-place", "--diff", "A"], "not allowed with argument"),
        (["--select", "GS1O1", "A"], "unknown code 'GS1O1'"),
    ],
)
def test_usage_errors(capsys, tmp_path, args, what):
    (tmp_path / "a.txt").write_bytes(INJECTED.read_bytes())
    (tmp_path / "b.txt").write_bytes(INJECTED.read_bytes())
    names = {"A": tmp_path / "a.txt", "B": tmp_path / "b.txt", "OUT": tmp_path / "out.txt"}
    code, out, err = run(capsys, "fix", *[names.get(a, a) for a in args])
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and what in lines[0]
    assert (tmp_path / "a.txt").read_bytes() == INJECTED.read_bytes()
    assert not (tmp_path / "out.txt").exists()


def test_several_inputs_in_place(capsys, tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes(INJECTED.read_bytes())
    code, out, err = run(capsys, "fix", "--in-place", tmp_path / "a.txt", tmp_path / "b.txt")
    assert (code, out) == (0, "")
    assert err.startswith("Fixed 24 markers in 2 files.\n2 files, 2 documents, ")
    expected = fixed(capsys, INJECTED)
    for name in ("a.txt", "b.txt"):
        assert (tmp_path / name).read_text(encoding="utf-8") == expected


# ---------------------------------------------------------------------- one error anywhere


def _mistakes(marker: str) -> list[str]:
    """The ways a writer gets ``marker`` wrong: brackets, dots, 是/要, the number, the digits."""
    out = []
    for a, b in [("（", "("), ("）", ")"), ("．", "、"), ("．", "."), ("是", "要"), ("，", "、")]:
        if a in marker:
            out.append(marker.replace(a, b, 1))
    for d in "一二三四五":
        if d in marker:
            out += [marker.replace(d, e, 1) for e in "一二三四五六" if e != d]
    for d in "1234":
        if d in marker:
            out += [marker.replace(d, e, 1) for e in "12345" if e != d]
            out.append(marker.replace(d, chr(ord(d) - ord("0") + ord("０")), 1))
    if marker.endswith("）"):
        out.append(marker + "、")
    return out


def _fix(text: str, unsafe: bool) -> str:
    from govspeech_plugins.check.config import LintConfig
    from govspeech_plugins.check.fix import fixed_text

    config = LintConfig(frozenset(c for c, r in RULES.items() if r.default))
    options = argparse.Namespace(lint_config=config, unsafe_fixes=unsafe)
    return fixed_text(govspeech.parse(text), options)[0]


# four quarters of the markers, run in parallel; the default suite runs one, CI all four
@pytest.mark.parametrize(
    "chunk", [0, *(pytest.param(k, marks=pytest.mark.slow) for k in range(1, 4))]
)
def test_one_error_anywhere_is_fixed_in_one_pass(chunk):
    """Every plausible mistake in every marker of the clean speech, one at a time: fix changes
    only markers, leaves nothing fixable, and a second fix changes nothing."""
    from govspeech_plugins.check.rules import analyse

    clean = CLEAN.read_text(encoding="utf-8")
    cases = 0
    for start, end in marker_spans(govspeech.parse(clean))[chunk::4]:
        for wrong in _mistakes(clean[start:end]):
            text = clean[:start] + wrong + clean[end:]
            for unsafe in (False, True):
                out = _fix(text, unsafe)
                assert_only_markers_changed(text, out)
                codes = set(FIXABLE if unsafe else SAFE)
                left = [f for f in analyse(govspeech.parse(out)).findings if f.code in codes]
                assert not left, (wrong, unsafe, left)
                assert _fix(out, unsafe) == out, (wrong, unsafe)
                cases += 1
    assert cases > 100


@pytest.mark.parametrize(
    "lines, safe, unsafe",
    [
        # A repeat is renumbered; a jump after it is left for --unsafe-fixes.
        ("一、甲\n二、乙\n二、丙\n五、丁\n", "一二三五", "一二三四"),
        ("一、甲\n二、乙\n二、丙\n四、丁\n", "一二三四", "一二三四"),
        ("二、甲\n三、乙\n三、丙\n", "一二三", "一二三"),
        # 一是 五是 三是: one list with a slip, not two lists.
        ("（一）总体要求。\n一是甲。\n五是乙。\n三是丙。\n", "一五三", "一二三"),
    ],
)
def test_renumbering(capsys, tmp_path, lines, safe, unsafe):
    path = tmp_path / "speech.txt"
    path.write_text(lines, encoding="utf-8")
    for args, numbers in (([], safe), (["--unsafe-fixes"], unsafe)):
        out = [line for line in fixed(capsys, path, *args).splitlines() if line[0] != "（"]
        assert "".join(line[0] for line in out) == numbers, args
