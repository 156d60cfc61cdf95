"""The command line behaves like the tools people know (ruff, black, pandoc).

``-o -`` is stdout, ``-q``/``-v`` on every command, ``--color`` for ``check`` and ``fix
--diff`` (with the changed characters of a long line highlighted), the output format from
the ``-o`` file's extension, ``-f`` for ``--format``, ``plugins --help``, option values
checked by argparse, and standard input read from a pipe when no FILE is given. Real text
throughout: ``examples/speech.txt`` and ``tests/data``. In process, except where a real
terminal or pipe is the point.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import govspeech
from govspeech.cli import main

from .conftest import CORPUS_FILE, DATA, GOLDEN

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "speech.txt"
INJECTED = DATA / "check_injected.txt"
CLEAN = DATA / "check_clean.txt"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
COMMANDS = ("outline", "export", "check", "fix", "summarize")


def run(capsys, *args: str):  # type: ignore[no-untyped-def]
    """Run the CLI in this process; return (exit code, stdout, stderr)."""
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and lines[0].startswith("error: ")
    return lines[0]


def pipe_in(monkeypatch, data: bytes) -> None:  # type: ignore[no-untyped-def]
    """Standard input as a pipe holding ``data`` (not a terminal)."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


class _Terminal(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


def terminal_stdout(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Make the captured standard output say it is a terminal (what ``--color auto`` asks)."""
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)


# --- 1. -o - is standard output ------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_dash_o_is_stdout_for_every_command(capsys, command):
    args = (command, "--diff") if command == "fix" else (command,)
    plain = run(capsys, *args, EXAMPLE)
    dashed = run(capsys, *args, "-o", "-", EXAMPLE)
    assert plain == dashed
    assert plain[1].strip(), "the command printed something"
    assert not (EXAMPLE.parent / "-").exists()


def test_dash_o_with_several_files_and_jobs(capsys):
    plain = run(capsys, "outline", "--jobs", "2", "--force-jobs", EXAMPLE, CLEAN)
    dashed = run(capsys, "outline", "--jobs", "2", "--force-jobs", EXAMPLE, CLEAN, "-o", "-")
    assert plain[0] == dashed[0] == 0 and plain[1] == dashed[1]
    assert plain[1].count("==> ") == 2


# --- 2. -q and -v ----------------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_common_options_on_every_command(capsys, command):
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    for option in ("-q, --quiet", "-v, --verbose", "--color WHEN", "-o FILE, --output FILE"):
        assert option in out, option


def test_quiet_check_prints_findings_only(capsys):
    code, out, err = run(capsys, "check", INJECTED)
    assert code == 1 and err.startswith("Found 18 findings in 1 file")
    quiet = run(capsys, "check", "-q", INJECTED)
    assert quiet == (1, out, "")  # the same findings and exit code, no count
    assert run(capsys, "check", "--quiet", CLEAN) == (0, "", "")  # no "All checks passed."


def test_quiet_fix_and_export_notes(capsys, tmp_path):
    code, out, err = run(capsys, "fix", "--diff", EXAMPLE)
    assert code == 1 and err == "Would fix 3 markers in 1 file.\n"
    assert run(capsys, "fix", "--diff", "-q", EXAMPLE) == (1, out, "")
    code, out, err = run(capsys, "export", "--csv-bom", EXAMPLE)
    assert err == "warning: --csv-bom has no effect with --format json\n"
    assert run(capsys, "export", "-q", "--csv-bom", EXAMPLE) == (0, out, "")
    # Several files: no summary line either.
    code, out, err = run(capsys, "outline", "-q", EXAMPLE, CLEAN)
    assert code == 0 and out.count("==> ") == 2 and err == ""


def test_quiet_never_hides_errors_or_skipped_inputs(capsys, tmp_path):
    code, out, err = run(capsys, "outline", "-q", EXAMPLE, tmp_path / "missing.txt")
    assert code == 2 and out == ""
    assert "missing.txt: no such file" in one_error_line(err)
    folder = tmp_path / "讲话稿"
    folder.mkdir()
    (folder / "讲话.txt").write_bytes(EXAMPLE.read_bytes())
    (folder / "页面.html").write_text("<html><body><p>一、总体要求</p></body></html>", "utf-8")
    code, _, err = run(capsys, "fix", "--in-place", "-q", folder)
    assert code == 0
    assert err == (
        f"warning: {folder / '页面.html'}: skipped, not a text file; Word files and web pages "
        "are read-only inputs for fix (their fixed text: -o FILE.txt)\n"
    )
    assert "1．抓好重点行业领域整治" in (folder / "讲话.txt").read_text("utf-8")


def test_verbose_says_what_each_file_was(capsys):
    trees = [govspeech.parse_file(p) for p in (EXAMPLE, CLEAN)]
    code, out, err = run(capsys, "outline", "-v", EXAMPLE, CLEAN)
    assert code == 0 and out == run(capsys, "outline", EXAMPLE, CLEAN)[1]
    lines = err.splitlines()
    assert len(lines) == 3
    total = 0
    for line, path, tree in zip(lines, (EXAMPLE, CLEAN), trees, strict=False):
        sections = sum(1 for d in tree.iter_documents() for _ in d.iter_sections())
        total += sections
        counts = f"documents: {len(tree.documents)}, sections: {sections}"
        assert re.fullmatch(rf"{re.escape(str(path))}: txt, utf-8; {counts}; \d+ ms", line), line
    assert re.fullmatch(rf"2 files, 2 documents, {total} sections, 0 failed, [\d.]+ s", lines[2])


def test_verbose_one_file_and_standard_input(capsys, monkeypatch):
    pipe_in(monkeypatch, EXAMPLE.read_text("utf-8").encode("gb18030"))
    code, out, err = run(capsys, "check", "-v")
    assert code == 1 and out.startswith("<stdin>:9:1: GS302 [*] non-standard marker 1.")
    first, *rest = err.splitlines()
    assert re.fullmatch(r"<stdin>: txt, gb18030; documents: 1, sections: 16; \d+ ms", first)
    assert rest[0] == "Found 3 findings in 1 file, 3 fixable with govspeech fix."
    assert re.fullmatch(r"1 files, 1 documents, 16 sections, 0 failed, [\d.]+ s", rest[1])


def test_quiet_and_verbose_together_is_a_usage_error(capsys):
    code, out, err = run(capsys, "check", "-q", "-v", EXAMPLE)
    assert code == 2 and out == ""
    assert "-v/--verbose: not allowed with argument -q/--quiet" in one_error_line(err)


# --- 3. colour -------------------------------------------------------------------------------


def test_check_in_colour(capsys):
    code, plain, _ = run(capsys, "check", INJECTED)
    code2, coloured, _ = run(capsys, "check", "--color", "always", INJECTED)
    assert code == code2 == 1
    assert ANSI.sub("", coloured) == plain
    first = coloured.splitlines()[0]
    assert first.startswith(f"\x1b[1m{INJECTED}\x1b[0m:2:1: \x1b[1;31mGS501\x1b[0m web-page")
    fixable = next(line for line in coloured.splitlines() if "GS303" in line)
    assert "\x1b[1;31mGS303\x1b[0m \x1b[36m[*]\x1b[0m unbalanced brackets" in fixable
    stats = run(capsys, "check", "--statistics", "--color", "always", INJECTED)[1]
    assert ANSI.sub("", stats) == run(capsys, "check", "--statistics", INJECTED)[1]
    assert "\x1b[1;31mGS302\x1b[0m  \x1b[36m[*]\x1b[0m" in stats
    # JSON is never coloured.
    assert "\x1b" not in run(capsys, "check", "-f", "json", "--color", "always", INJECTED)[1]


@pytest.mark.parametrize(
    ("choice", "tty", "no_color", "coloured"),
    [
        ("auto", True, None, True),
        ("auto", True, "", True),  # NO_COLOR set but empty: no effect
        ("auto", True, "1", False),
        ("auto", False, None, False),
        ("always", False, "1", True),  # asked for explicitly: NO_COLOR only turns off auto
        ("never", True, None, False),
    ],
)
def test_color_auto_always_never(capsys, monkeypatch, choice, tty, no_color, coloured):
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    if tty:
        terminal_stdout(monkeypatch)
    code, out, _ = run(capsys, "check", "--color", choice, EXAMPLE)
    assert code == 1 and ("\x1b[" in out) == coloured
    assert ANSI.sub("", out).startswith(f"{EXAMPLE}:9:1: GS302 [*] non-standard marker 1.")


def test_color_auto_is_off_into_a_file(capsys, monkeypatch, tmp_path):
    monkeypatch.delenv("NO_COLOR", raising=False)
    terminal_stdout(monkeypatch)
    target = tmp_path / "findings.txt"
    assert run(capsys, "check", EXAMPLE, "-o", target)[0] == 1
    assert "\x1b" not in target.read_text("utf-8") and "GS302" in target.read_text("utf-8")


def test_fix_diff_without_colour_is_the_plain_unified_diff(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)  # the diff names the file as given
    code, out, _ = run(capsys, "fix", "--diff", "tests/data/check_injected.txt")
    golden = GOLDEN / "fix_diff_check_injected.diff"
    assert code == 1 and out.encode("utf-8") == golden.read_bytes()
    never = run(capsys, "fix", "--diff", "--color", "never", "tests/data/check_injected.txt")
    assert never[1] == out


def test_fix_diff_in_colour_highlights_the_changed_characters(capsys):
    code, plain, _ = run(capsys, "fix", "--diff", INJECTED)
    code2, coloured, _ = run(capsys, "fix", "--diff", "--color", "always", INJECTED)
    assert code == code2 == 1 and ANSI.sub("", coloured) == plain
    lines = coloured.splitlines()
    assert lines[0] == f"\x1b[1m--- a/{str(INJECTED).lstrip('/')}\x1b[0m"
    assert lines[2].startswith("\x1b[36m@@ -") and lines[2].endswith(" @@\x1b[0m")
    # 二是 repeated: only 二 → 三 is highlighted, the rest of the line in plain red and green.
    old = next(line for line in lines if line.startswith("\x1b[31m-2．破解融资难题"))
    new = next(line for line in lines if line.startswith("\x1b[32m+2．破解融资难题"))
    assert re.findall(r"\x1b\[7m(.*?)\x1b\[27m", old) == ["二"]
    assert re.findall(r"\x1b\[7m(.*?)\x1b\[27m", new) == ["三"]
    assert old.endswith("\x1b[0m") and "。\x1b[7m二\x1b[27m是用好应急转贷资金" in old
    # （一) → （一）, （二）、 → （二）: the bracket, the stray 、
    assert "\x1b[32m+（一\x1b[7m）\x1b[27m" in coloured
    removed = next(line for line in lines if ANSI.sub("", line).startswith("-（二）、"))
    assert removed.startswith("\x1b[31m-（二）\x1b[7m、\x1b[27m")


def test_fix_diff_highlights_one_marker_in_a_line_of_a_thousand_characters(capsys, tmp_path):
    lines = CORPUS_FILE.read_text("utf-8").split("\n")
    line = lines[166]
    assert len(line) > 1000 and line.count("三是") == 1
    at = line.index("三是")
    lines[166] = line[:at] + "二是" + line[at + 2 :]  # 二是 twice: fix renumbers the second
    path = tmp_path / "讲话.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    code, coloured, _ = run(capsys, "fix", "--diff", "--color", "always", path)
    assert code == 1
    old = next(x for x in coloured.splitlines() if x.startswith("\x1b[31m-") and len(x) > 1000)
    new = next(x for x in coloured.splitlines() if x.startswith("\x1b[32m+") and len(x) > 1000)
    assert re.findall(r"\x1b\[7m(.*?)\x1b\[27m", old) == ["二"]
    assert re.findall(r"\x1b\[7m(.*?)\x1b\[27m", new) == ["三"]
    assert ANSI.sub("", new)[1:] == line


def test_changed_spans_join_close_changes_and_bound_the_work():
    from govspeech_plugins.check.color import changed_spans

    assert changed_spans("（1)道路交通。", "（1）道路交通。") == ([(2, 3)], [(2, 3)])
    # 1、 → 1．and 2、 → 2．in one line: two runs, far apart
    old = "1、抓好重点行业领域整治。要严查违法行为。2、抓好防汛准备"
    new = old.replace("、", "．")
    assert changed_spans(old, new) == ([(1, 2), (22, 23)], [(1, 2), (22, 23)])
    # changes one character apart are one run: ２． → 2. is "２．" → "2."
    assert changed_spans("２．抓好", "2.抓好") == ([(0, 2)], [(0, 2)])
    # a 200 000-character line with changes at both ends: highlighted between them, at once
    body = "要严查“三超一疲劳”等违法行为，" * 12_500
    assert changed_spans("二" + body + "二", "三" + body + "三") == (
        [(0, len(body) + 2)],
        [(0, len(body) + 2)],
    )


def test_colour_is_seen_on_a_real_terminal_and_not_through_a_pipe(tmp_path):
    """A pseudo-terminal as stdout: auto colours it; the same run into a pipe does not."""
    import pty

    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    command = [sys.executable, "-m", "govspeech", "check", str(EXAMPLE)]
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(command, stdout=follower, stderr=subprocess.PIPE, env=env)
        os.close(follower)
        follower = -1
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the terminal's other end is closed and drained
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(leader)
        if follower >= 0:
            os.close(follower)
    assert proc.returncode == 1
    assert b"\x1b[1;31mGS302\x1b[0m" in seen
    piped = subprocess.run(command, capture_output=True, env=env)
    assert piped.returncode == 1 and b"\x1b" not in piped.stdout
    assert piped.stdout.decode("utf-8").replace("\n", "\r\n") == ANSI.sub("", seen.decode("utf-8"))


# --- 4. the outline format from the output file's extension -----------------------------------


def test_outline_format_from_the_extension(capsys, tmp_path):
    expected = {
        "提纲.md": run(capsys, "outline", "--format", "markdown", EXAMPLE)[1],
        "提纲.json": run(capsys, "outline", "--format", "json", EXAMPLE)[1],
        "提纲.txt": run(capsys, "outline", EXAMPLE)[1],
        "提纲.xyz": run(capsys, "outline", EXAMPLE)[1],  # unknown: the default, text
        "提纲": run(capsys, "outline", EXAMPLE)[1],
    }
    assert expected["提纲.md"].startswith("# 在全县安全生产和防汛工作会议上的讲话\n")
    assert json.loads(expected["提纲.json"])["documents"][0]["title"].startswith("在全县")
    for name, text in expected.items():
        code, out, err = run(capsys, "outline", "-o", tmp_path / name, EXAMPLE)
        assert (code, out, err) == (0, "", ""), name  # nothing odd said about .xyz
        assert (tmp_path / name).read_text("utf-8") == text, name


def test_an_explicit_format_wins_over_the_extension(capsys, tmp_path):
    text = run(capsys, "outline", EXAMPLE)[1]
    assert run(capsys, "outline", "-f", "text", "-o", tmp_path / "a.md", EXAMPLE)[0] == 0
    assert (tmp_path / "a.md").read_text("utf-8") == text
    code, _, err = run(capsys, "outline", "--lines", "-o", tmp_path / "a.json", EXAMPLE)
    assert code == 2 and "--lines has no effect on the json outline" in one_error_line(err)


def test_summarize_and_check_choose_by_extension_too(capsys, tmp_path):
    markdown = run(capsys, "summarize", "-f", "markdown", EXAMPLE)[1]
    assert run(capsys, "summarize", EXAMPLE, "-o", tmp_path / "摘要.md")[0] == 0
    assert (tmp_path / "摘要.md").read_text("utf-8") == markdown
    findings = run(capsys, "check", "-f", "json", EXAMPLE)[1]
    assert run(capsys, "check", EXAMPLE, "-o", tmp_path / "findings.json")[0] == 1
    assert (tmp_path / "findings.json").read_text("utf-8") == findings
    assert json.loads(findings)[0]["code"] == "GS302"


def test_the_extension_names_the_files_of_an_output_folder(capsys, tmp_path):
    out = tmp_path / "提纲"
    assert run(capsys, "outline", "-f", "markdown", EXAMPLE, CLEAN, "-o", f"{out}/")[0] == 0
    assert sorted(p.name for p in out.rglob("*.*")) == ["check_clean.md", "speech.md"]
    assert run(capsys, "outline", EXAMPLE, "-o", f"{tmp_path / 'x.md'}/")[0] == 0
    assert [p.name for p in (tmp_path / "x.md").iterdir()] == ["speech.txt"]


# --- 5. -f for --format ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "fmt"),
    [("outline", "json"), ("export", "markdown"), ("check", "json"), ("summarize", "json")],
)
def test_dash_f_is_format_on_every_command_with_formats(capsys, command, fmt):
    short = run(capsys, command, "-f", fmt, EXAMPLE)
    long = run(capsys, command, "--format", fmt, EXAMPLE)
    assert short == long and short[1] != run(capsys, command, EXAMPLE)[1]
    assert "-f {" in run(capsys, command, "--help")[1]


# --- 6. govspeech plugins --help -------------------------------------------------------------


@pytest.mark.parametrize("args", [("plugins", "--help"), ("plugins", "-h"), ("help", "plugins")])
def test_plugins_help(capsys, args):
    code, out, err = run(capsys, *args)
    assert code == 0 and err == ""
    assert out.startswith("usage: govspeech plugins [-h]\n")
    assert "FAILED TO LOAD" in out and "examples:" in out


def test_plugins_with_an_argument_is_one_usage_line(capsys):
    code, out, err = run(capsys, "plugins", "outline")
    assert code == 2 and out == ""
    assert "unrecognized arguments: outline" in one_error_line(err)


# --- 7. option values checked by argparse ----------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("summarize", "--depth", "0"), "--depth must be 1 or more; got '0'"),
        (("outline", "--depth", "0"), "--depth must be 1 or more; got '0'"),
        (("outline", "--depth", "-1"), "--depth must be 1 or more; got '-1'"),
        (("outline", "--depth", "二"), "--depth must be a whole number; got '二'"),
        (("export", "--indent", "-1"), "--indent must be 0 or more; got '-1'"),
        (("export", "--html-open-depth", "-2"), "--html-open-depth must be 0 or more; got '-2'"),
        (("export", "--chunk-size", "0"), "--chunk-size must be 1 or more; got '0'"),
        (("export", "--chunk-overlap", "-1"), "--chunk-overlap must be 0 or more; got '-1'"),
        (("summarize", "--sentences", "-1"), "--sentences must be 0 or more; got '-1'"),
        (("summarize", "--keywords", "many"), "--keywords must be a whole number; got 'many'"),
        (("summarize", "--max-chars", "-5"), "--max-chars must be 0 or more; got '-5'"),
        (("summarize", "--ratio", "0"), "--ratio must be a number above 0 and at most 1; got '0'"),
        (("summarize", "--ratio", "nan"), "--ratio must be a number above 0 and at most 1"),
        (("outline", "--jobs", "-1"), "-j/--jobs must be 0 or more; got '-1'"),
        (("check", "--color", "yes"), "--color: invalid choice: 'yes' (choose from 'auto',"),
    ],
)
def test_bad_option_values_are_usage_errors(capsys, tmp_path, args, message):
    # The input does not exist: the option is refused first, before anything is read.
    code, out, err = run(capsys, *args, tmp_path / "讲话.txt")
    assert code == 2 and out == ""
    line = one_error_line(err)
    assert message in line, line
    assert line.startswith(f"error: govspeech {args[0]}: ") and line.endswith("--help)")


def test_good_edge_values_are_accepted(capsys):
    assert run(capsys, "summarize", "--sentences", "0", "--keywords", "0", EXAMPLE)[0] == 0
    code, out, _ = run(capsys, "export", "--indent", "0", EXAMPLE)
    assert code == 0 and out.count("\n") == 1
    assert run(capsys, "export", "-f", "html", "--html-open-depth", "0", EXAMPLE)[0] == 0
    assert run(capsys, "outline", "--depth", "１", EXAMPLE)[1].count("\n") == 4  # fullwidth 1


# --- 8. standard input -----------------------------------------------------------------------


def test_no_file_reads_a_pipe(capsys, monkeypatch):
    expected = run(capsys, "outline", EXAMPLE)
    pipe_in(monkeypatch, EXAMPLE.read_bytes())
    assert run(capsys, "outline") == expected
    pipe_in(monkeypatch, INJECTED.read_text("utf-8").encode("gbk"))
    code, out, err = run(capsys, "check")
    assert code == 1 and out.startswith("<stdin>:2:1: GS501 ")
    assert err.startswith("Found 18 findings in 1 file")


def test_dash_still_reads_standard_input(capsys, monkeypatch):
    expected = run(capsys, "outline", EXAMPLE)
    pipe_in(monkeypatch, EXAMPLE.read_bytes())
    assert run(capsys, "outline", "-") == expected


def test_no_file_and_a_terminal_is_a_usage_error(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", _Terminal(io.BytesIO(EXAMPLE.read_bytes())))
    code, out, err = run(capsys, "outline")
    assert code == 2 and out == ""
    assert one_error_line(err) == (
        "error: govspeech outline: no FILE given; name one or more files or folders, or pipe "
        "the text in: cat 讲话.txt | govspeech outline"
    )
    monkeypatch.setattr(sys, "stdin", None)  # started with standard input closed
    assert "no FILE given" in one_error_line(run(capsys, "check")[2])


def test_real_pipe_and_real_terminal(tmp_path):
    """``cat 讲话.txt | govspeech outline`` and the same with the keyboard as standard input."""
    import pty

    command = [sys.executable, "-m", "govspeech", "outline"]
    piped = subprocess.run(command, input=EXAMPLE.read_bytes(), capture_output=True)
    assert piped.returncode == 0 and piped.stderr == b""
    assert (
        piped.stdout.decode("utf-8").splitlines()[1]
        == "  一、提高思想认识，切实增强做好安全生产工作的责任感"
    )
    leader, follower = pty.openpty()
    try:
        typed = subprocess.run(command, stdin=follower, capture_output=True, timeout=60)
    finally:
        os.close(leader)
        os.close(follower)
    assert typed.returncode == 2 and typed.stdout == b""
    assert typed.stderr.decode("utf-8").startswith("error: govspeech outline: no FILE given")
