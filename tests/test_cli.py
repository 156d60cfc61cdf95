"""The command line: commands, inputs, outputs, exit codes and one-line errors."""

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

from .conftest import CORPUS_FILE, report

SPEECH = (
    "关于加强安全生产工作的讲话\n同志们：\n一、统一思想。\n（一）提高站位。正文。\n二、狠抓落实。\n"
)


def run(capsys, *args: str, stdin: bytes | None = None, monkeypatch=None):  # type: ignore[no-untyped-def]
    """Run the CLI in this process; return (exit code, stdout, stderr)."""
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


SUMMARY = re.compile(r"^\d+ files, \d+ documents, \d+ sections, \d+ failed, [\d.]+ s$")


def without_summary(err: str) -> str:
    """stderr without the summary line a run over several files ends with."""
    lines = err.splitlines(keepends=True)
    return "".join(lines[:-1]) if lines and SUMMARY.match(lines[-1].strip()) else err


def one_error_line(err: str) -> str:
    lines = without_summary(err).strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("error: ")
    return lines[0]


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"govspeech {govspeech.__version__}"


def test_top_help_lists_commands_and_examples(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for word in ("outline", "export", "plugins", "examples:", "exit codes"):
        assert word in out
    assert "govspeech outline 讲话.txt" in out


def test_no_command_is_a_usage_error(capsys):
    code, _, err = run(capsys)
    assert code == 2 and "no command" in one_error_line(err)


def test_unknown_command_suggests(capsys):
    code, _, err = run(capsys, "outlien", str(CORPUS_FILE))
    assert code == 2 and "did you mean 'outline'" in one_error_line(err)


def test_command_help_shows_options_and_examples(capsys):
    code, out, _ = run(capsys, "outline", "--help")
    assert code == 0
    for word in ("--depth", "--lines", "--kinds", "--format", "-o", "--encoding", "examples:"):
        assert word in out
    code2, out2, _ = run(capsys, "help", "outline")
    assert code2 == 0 and out2 == out


def test_bad_option_value_is_one_line(capsys):
    code, _, err = run(capsys, "outline", "--depth", "zero", str(CORPUS_FILE))
    assert code == 2 and "--depth" in one_error_line(err)


def test_plugins_lists_builtins(capsys):
    code, out, _ = run(capsys, "plugins")
    assert code == 0
    rows = {line.split()[0]: line for line in out.splitlines()}
    assert {"outline", "export", "json"} <= set(rows)
    assert f"govspeech {govspeech.__version__}" in rows["outline"]
    assert rows["json"].split()[1] == "format"


# --- inputs ---------------------------------------------------------------------------------


def test_stdin(capsys, monkeypatch):
    code, out, _ = run(
        capsys, "outline", "-", stdin=SPEECH.encode("gb18030"), monkeypatch=monkeypatch
    )
    assert code == 0
    assert out.splitlines() == [
        "关于加强安全生产工作的讲话",
        "  一、统一思想。",
        "    （一）提高站位。",
        "  二、狠抓落实。",
    ]


def test_folder_and_glob_inputs(capsys, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(SPEECH, encoding="utf-8")
    (tmp_path / "a" / "two.txt").write_text(SPEECH.replace("安全生产", "人才"), encoding="gbk")
    (tmp_path / "a" / "notes.bin").write_bytes(b"\x00\x01")  # not a text file: skipped
    (tmp_path / "a" / ".hidden.txt").write_text("一、隐藏。\n", encoding="utf-8")
    code, out, _ = run(capsys, "outline", str(tmp_path / "a"))
    assert code == 0
    assert out.count("==> ") == 2 and "人才" in out and "隐藏" not in out
    code, out_glob, _ = run(capsys, "outline", str(tmp_path / "**" / "*.txt"))
    assert code == 0 and out_glob == out


def test_encoding_override(capsys, tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(SPEECH.encode("gbk"))
    code, out, _ = run(capsys, "outline", "--encoding", "gbk", str(path))
    assert code == 0 and "一、统一思想。" in out
    code, _, err = run(capsys, "outline", "--encoding", "utf-8", str(path))
    assert code == 2 and "not valid utf-8" in one_error_line(err)
    code, _, err = run(capsys, "outline", "--encoding", "klingon", str(path))
    assert code == 2 and "unknown encoding" in one_error_line(err)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: _write(d / "empty.txt", b""), "no text"),
        (lambda d: _write(d / "blank.txt", b" \r\n\t\n"), "no text"),
        (
            lambda d: _write(d / "bad.txt", "一、统一思想。".encode("gbk") + b"\xff\xff\x81"),
            "decode",
        ),
        (lambda d: _write(d / "bin.txt", bytes(range(256)) * 4), "binary"),
        (lambda d: _folder_of_binaries(d), "no text files"),
        (lambda d: d / "nothing-*.txt", "no files match"),
    ],
    ids=["missing", "empty", "blank", "undecodable", "binary", "binary-folder", "glob"],
)
def test_bad_input_one_line_exit_2(capsys, tmp_path, make, message):
    target = tmp_path / "out.txt"
    code, out, err = run(capsys, "outline", str(make(tmp_path)), "-o", str(target))
    assert code == 2
    assert message in one_error_line(err)
    assert out == ""
    assert not target.exists() and not list(tmp_path.glob(".out.txt.*"))


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _folder_of_binaries(root: Path) -> Path:
    folder = root / "binaries"
    folder.mkdir()
    for k in range(3):
        (folder / f"blob{k}.bin").write_bytes(os.urandom(64))
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    return folder


def test_binary_files_named_txt_in_a_folder(capsys, tmp_path):
    for k in range(2):
        (tmp_path / f"blob{k}.txt").write_bytes(bytes(range(256)))
    code, out, err = run(capsys, "outline", str(tmp_path))
    assert code == 2 and out == ""
    assert SUMMARY.match(err.splitlines()[-1]) and "2 failed" in err.splitlines()[-1]
    lines = without_summary(err).strip().splitlines()
    assert len(lines) == 2 and all("binary data" in line for line in lines)


def test_one_bad_file_among_good_ones(capsys, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(SPEECH, encoding="utf-8")
    target = tmp_path / "outline.txt"
    code, _, err = run(capsys, "outline", str(good), str(tmp_path / "gone.txt"), "-o", str(target))
    assert code == 2 and "gone.txt" in one_error_line(err)
    # Input errors are found before anything runs, so nothing is written.
    assert not target.exists()
    (tmp_path / "empty.txt").write_bytes(b"")
    code, _, err = run(capsys, "outline", str(good), str(tmp_path / "empty.txt"), "-o", str(target))
    assert code == 2 and "empty.txt" in one_error_line(err)
    # A file that fails while reading does not stop the others.
    assert "一、统一思想。" in target.read_text(encoding="utf-8")


# --- output ---------------------------------------------------------------------------------


def test_output_in_a_missing_folder(capsys, tmp_path):
    code, out, err = run(capsys, "outline", str(CORPUS_FILE), "-o", str(tmp_path / "no" / "o.txt"))
    assert code == 2 and "does not exist" in one_error_line(err) and out == ""
    assert list(tmp_path.iterdir()) == []


def test_output_folder_gets_one_file_per_input(capsys, tmp_path):
    src = tmp_path / "src"
    (src / "乡镇").mkdir(parents=True)
    (src / "县里.txt").write_text(SPEECH, encoding="utf-8")
    (src / "乡镇" / "镇里.txt").write_text(SPEECH.replace("安全生产", "人才"), encoding="gb18030")
    (src / "乡镇" / "空.txt").write_bytes(b"")
    out_dir = tmp_path / "out"
    code, out, err = run(capsys, "outline", "--format", "json", str(src), "-o", f"{out_dir}/")
    assert code == 2 and out == ""
    assert "空.txt: no text" in one_error_line(err)
    written = sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*") if p.is_file())
    assert written == ["乡镇/镇里.json", "县里.json"]
    data = json.loads((out_dir / "乡镇" / "镇里.json").read_text(encoding="utf-8"))
    assert data["documents"][0]["title"] == "关于加强人才工作的讲话"
    # An existing folder works without the trailing slash, and never overwrites an input.
    code, _, err = run(capsys, "outline", str(src / "县里.txt"), "-o", str(src))
    assert code == 2 and "would overwrite its input" in one_error_line(err)
    assert (src / "县里.txt").read_text(encoding="utf-8") == SPEECH


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores permissions")
def test_output_folder_without_permission(capsys, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code, _, err = run(capsys, "outline", str(CORPUS_FILE), "-o", str(locked / "o.txt"))
    finally:
        locked.chmod(0o700)
    assert code == 2 and "permission denied" in one_error_line(err)
    assert list(locked.iterdir()) == []


def test_output_replaces_atomically(capsys, tmp_path):
    target = tmp_path / "outline.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    code, out, _ = run(
        capsys, "outline", "--format", "markdown", str(CORPUS_FILE), "-o", str(target)
    )
    assert code == 0 and out == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# 在全县疫情防控工作会议上的讲话篇一\n")
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["outline.md"]


def test_interrupted_run_leaves_old_file(tmp_path, monkeypatch, capsys):
    from govspeech_plugins import outline

    target = tmp_path / "outline.txt"
    target.write_text("old", encoding="utf-8")
    calls = []

    def interrupted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return "一、半截。\n"

    monkeypatch.setattr(outline, "render_text", interrupted)
    code, _, err = run(
        capsys,
        "outline",
        str(CORPUS_FILE),
        str(CORPUS_FILE.parent / ".." / "data" / CORPUS_FILE.name),
        "-o",
        str(target),
    )
    assert len(calls) == 2
    assert code == 130 and "interrupted" in err
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["outline.txt"]


def test_sigterm_removes_partial_output(tmp_path):
    """A real process killed with SIGTERM half-way leaves no output file behind."""
    big = tmp_path / "big.txt"
    big.write_text(CORPUS_FILE.read_text(encoding="utf-8") * 40, encoding="utf-8")
    target = tmp_path / "out.json"
    inputs = [str(big)] * 1 + [str(CORPUS_FILE)] * 200
    proc = subprocess.Popen(
        [sys.executable, "-m", "govspeech", "export", *inputs, "-o", str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    import time

    deadline = time.monotonic() + 30
    while not list(tmp_path.glob(".out.json.*")) and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.terminate()
    proc.wait(timeout=30)
    assert proc.returncode != 0
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt"]


def test_broken_pipe_is_quiet(tmp_path):
    # Far more output than a pipe buffers, so the writer really hits a closed pipe.
    for k in range(60):
        (tmp_path / f"copy{k:02}.txt").write_bytes(CORPUS_FILE.read_bytes())
    proc = subprocess.run(
        f"{sys.executable} -m govspeech outline {tmp_path} | head -1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.stdout.strip() == f"==> {tmp_path / 'copy00.txt'} <=="
    assert "Traceback" not in proc.stderr and "Broken pipe" not in proc.stderr


# --- real processes -------------------------------------------------------------------------


def test_python_m_govspeech_runs_lazily(tmp_path):
    """``outline`` imports neither jieba nor the plugins it does not run, nor what only a diff,
    a glob pattern or a progress bar needs."""
    lazy = ("jieba", "govspeech_plugins", "difflib", "glob", "tqdm")
    code = (
        "import sys; from govspeech.cli import main; "
        f"rc = main(['outline', {str(CORPUS_FILE)!r}, '-o', {str(tmp_path / 'outline.txt')!r}]); "
        f"print(rc, sorted(m for m in sys.modules if m.startswith({lazy!r})))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    code, modules = proc.stdout.split(" ", 1)
    assert code == "0"
    assert set(eval(modules)) == {  # no jieba, no other command or format
        "govspeech_plugins",
        "govspeech_plugins.outline",
    }


def test_console_script_and_module_agree():
    script = Path(sys.executable).with_name("govspeech")
    if not script.exists():
        pytest.skip("console script not installed in this environment")
    a = subprocess.run([str(script), "outline", str(CORPUS_FILE)], capture_output=True, check=True)
    b = subprocess.run(
        [sys.executable, "-m", "govspeech", "outline", str(CORPUS_FILE)],
        capture_output=True,
        check=True,
    )
    assert a.stdout == b.stdout and a.stdout.count(b"\n") > 150


def test_report_outline_line_numbers_point_at_headings(capsys):
    path = report(2024)
    code, out, _ = run(capsys, "outline", "--lines", "--depth", "2", str(path))
    assert code == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = out.splitlines()
    assert len(rows) > 10
    for row in rows[1:]:
        number, text = row.split(maxsplit=1)
        assert lines[int(number) - 1].strip().startswith(text[:6]), row


def test_export_json_stdout_is_utf8(capsys):
    code, out, _ = run(capsys, "export", str(CORPUS_FILE))
    assert code == 0
    assert "在全县疫情防控工作会议上的讲话篇一" in out and "\\u" not in out
    data = json.loads(out)
    assert data["schema"] == "govspeech/2" and len(data["documents"]) == 13


def test_from_overrides_the_extension(capsys, tmp_path):
    from .test_html_input import TYPED, div_page

    page = tmp_path / "saved.txt"
    page.write_bytes(div_page().encode("gbk"))
    typed = tmp_path / "typed.txt"
    typed.write_text(TYPED, encoding="utf-8")
    code, out, _ = run(capsys, "outline", "--from", "html", str(page))
    _, expected, _ = run(capsys, "outline", str(typed))
    assert code == 0 and out == expected
    _, out, _ = run(capsys, "outline", str(page))  # by its extension: markup read as text
    assert out != expected
    code, _, err = run(capsys, "outline", "--from", "epub", str(page))
    assert code == 2 and "--from" in one_error_line(err)


def test_two_inputs_for_one_output_file_are_refused(capsys, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "讲话.txt").write_text(SPEECH, encoding="utf-8")
    (src / "讲话.html").write_text(f"<html><body><p>{SPEECH}</p></body></html>", encoding="utf-8")
    code, _, err = run(capsys, "outline", str(src), "-o", f"{tmp_path / 'out'}/")
    assert code == 2 and "would both be written there" in one_error_line(err)
    assert not list((tmp_path / "out").rglob("*.txt"))
