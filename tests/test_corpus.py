"""Corpus mode: many files, --jobs, progress, the summary line, export_file on Dask."""

from __future__ import annotations

import fcntl
import json
import os
import pickle
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from govspeech.cli import corpus, main
from govspeech.cli.inputs import expand
from govspeech.errors import GovspeechError

from .conftest import CORPUS_FILE, TESTS

EXAMPLE = TESTS.parent / "examples" / "speech.txt"
SUMMARY = re.compile(r"^(\d+) files, (\d+) documents, (\d+) sections, (\d+) failed, [\d.]+ s$")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):  # type: ignore[no-untyped-def]
    """Sixteen good files in two sub-folders and one that is not text."""
    root = tmp_path_factory.mktemp("corpus")
    for k in range(8):
        (root / "县" / f"{k:02d}").mkdir(parents=True)
        (root / "县" / f"{k:02d}" / "讲话汇编.txt").write_bytes(CORPUS_FILE.read_bytes())
        (root / "乡镇").mkdir(exist_ok=True)
        (root / "乡镇" / f"讲话{k:02d}.txt").write_text(
            EXAMPLE.read_text(encoding="utf-8").replace("全县", f"第{k}镇"), encoding="gb18030"
        )
    (root / "乡镇" / "坏文件.txt").write_bytes(b"\x00\x01\x02binary")
    return root


def run(capsys, *args):  # type: ignore[no-untyped-def]
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "command",
    # summarize loads jieba in every worker: seconds; CI runs it
    [
        ["export", "--format", "jsonl"],
        ["outline"],
        pytest.param(["summarize"], marks=pytest.mark.slow),
    ],
)
def test_jobs_give_the_same_output_in_order(capsys, folder, command):
    one = run(capsys, *command, folder)
    two = run(capsys, *command, "--jobs", "2", folder)
    assert one[0] == two[0] == 2  # the binary file
    assert one[1] == two[1] and one[1]
    for err in (one[2], two[2]):
        lines = err.strip().splitlines()
        assert (
            lines[0]
            == f"error: {folder / '乡镇' / '坏文件.txt'}: binary data (NUL bytes), not a text file"
        )
        files, docs, _, failed = map(int, SUMMARY.match(lines[-1]).groups()[:4])  # type: ignore[union-attr]
        assert (files, docs, failed) == (17, 8 * 13 + 8, 1)


def test_jsonl_one_line_per_document(capsys, folder, corpus_tree):
    code, out, _ = run(capsys, "export", "--format", "jsonl", "--jobs", "2", folder)
    lines = out.splitlines()
    assert code == 2
    assert len(lines) == 8 * len(corpus_tree.documents) + 8
    paths = [json.loads(line)["path"] for line in lines]
    order = {p: k for k, p in enumerate(expand([str(folder)]))}
    positions = [order[p] for p in paths]
    assert positions == sorted(positions)  # input order, whatever worker finished first


def test_jobs_with_one_file_per_input(capsys, folder, tmp_path):
    outs = {}
    for jobs in ("1", "2"):
        target = tmp_path / f"out{jobs}"
        code, out, _ = run(
            capsys, "export", "--format", "markdown", "--jobs", jobs, folder, "-o", f"{target}/"
        )
        assert code == 2 and out == ""
        outs[jobs] = {p.relative_to(target): p.read_bytes() for p in target.rglob("*.md")}
    assert outs["1"] == outs["2"] and len(outs["1"]) == 16


def test_plugins_that_need_all_files_stay_in_one_process(capsys, folder):
    code, out, err = run(capsys, "check", "--jobs", "2", folder / "县")
    assert "warning: check gathers all files in one process; --jobs ignored" in err
    assert code == 1 and out == run(capsys, "check", folder / "县")[1]


def test_in_flight_work_is_bounded(capsys, folder, monkeypatch):
    """However many files, at most jobs × IN_FLIGHT chunks wait in the pool."""
    peak = {"now": 0, "max": 0}
    real = corpus._executor

    def counting(jobs, job):  # type: ignore[no-untyped-def]
        pool = real(jobs, job)
        submit = pool.submit

        def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
            peak["now"] += 1
            peak["max"] = max(peak["max"], peak["now"])
            future = submit(*args, **kwargs)
            future.add_done_callback(lambda _: peak.__setitem__("now", peak["now"] - 1))
            return future

        pool.submit = counted
        return pool

    monkeypatch.setattr(corpus, "_executor", counting)
    monkeypatch.setattr(corpus, "CHUNK", 1)
    monkeypatch.setattr(corpus, "IN_FLIGHT", 2)
    code, out, _ = run(capsys, "outline", "--jobs", "2", folder)
    assert code == 2 and out.count("==> ") == 16
    assert peak["max"] <= 2 * 2


def test_progress_bar_on_a_terminal_only(folder, tmp_path):
    """A progress bar on stderr when it is a terminal; silent otherwise."""
    args = [
        sys.executable,
        "-m",
        "govspeech",
        "export",
        "--format",
        "jsonl",
        str(folder),
        "-o",
        str(tmp_path / "out.jsonl"),
    ]
    quiet = subprocess.run(args, capture_output=True, text=True)
    assert "%|" not in quiet.stderr and len(quiet.stderr.strip().splitlines()) == 2
    leader, follower = pty.openpty()
    # tqdm draws nothing on a terminal without a size.
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    proc = subprocess.Popen(args, stderr=follower, stdout=subprocess.DEVNULL)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(leader)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert "file/s" in shown or "files/s" in shown or "%|" in shown, shown[-300:]
    assert "坏文件.txt: binary data" in shown
    assert SUMMARY.search(shown.replace("\r", "\n").splitlines()[-1].strip()) or "17 files" in shown


def test_export_file_is_the_cli_step(capsys, folder):
    assert pickle.loads(pickle.dumps(corpus.export_file)) is corpus.export_file
    code, out, _ = run(capsys, "export", "--format", "jsonl", CORPUS_FILE)
    assert code == 0 and corpus.export_file(str(CORPUS_FILE)) == out
    with pytest.raises(GovspeechError, match="binary data"):
        corpus.export_file(str(folder / "乡镇" / "坏文件.txt"))
    assert corpus.export_file(str(EXAMPLE), "markdown").startswith("# 在全县安全生产")


def test_dask_runs_export_file_like_the_cli(capsys, folder):
    bag = pytest.importorskip("dask.bag")
    paths = sorted(str(p) for p in Path(folder).rglob("*.txt") if "坏" not in p.name)
    lines = (
        bag.from_sequence(paths, npartitions=4)
        .map(corpus.export_file, format="jsonl")
        .compute(scheduler="processes", num_workers=2)
    )
    code, out, _ = run(capsys, "export", "--format", "jsonl", *paths)
    assert code == 0 and "".join(lines) == out
