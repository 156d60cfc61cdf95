"""Hostile input and hostile runs: bounded time and memory, clean stops, plugins that misbehave.

Everything is generated here (no large blobs checked in). Time bounds are ratios within one run
— a hostile text against plain text of the same size, a size against four times that size — so
they hold on a slow machine and fail on quadratic behaviour; peak memory is read from a child
process (its own ``VmHWM``). Hostile Word files and web pages have suites of their own
(test_hostile_docx.py, test_hostile_html.py); fix's totality is test_fix_properties.py.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import govspeech
from govspeech.cli import main

from .test_discovery import COMMANDS, fake_distribution

# --- parsing is linear ----------------------------------------------------------------------

HOSTILE: dict[str, Callable[[int], str]] = {
    "one number repeated": lambda n: "一、甲\n" * n,
    "1.x repeated": lambda n: "1.x\n" * n,
    "（一） repeated under 一、": lambda n: "一、甲\n" + "（一）乙\n" * n,
    "一、二、 alternating": lambda n: "一、甲\n二、乙\n" * (n // 2),
    "nested restarts": lambda n: "一、甲\n二、乙\n" * (n // 3) + "三、丙\n" * (n // 3),
    "dash items": lambda n: "——甲。\n" * n,
    "小编 line": lambda n: "小编" * (2 * n) + "\n",
    "小编 line with keyword": lambda n: "小编" * (2 * n) + "带来\n",
    "one long line": lambda n: "一" * (4 * n) + "、\n",
    # where a list ends: one run of one-paragraph items with text after each, parts without
    # a number, and addresses with items after them
    "one long run with text": lambda n: "一、甲\n" + "——乙。丙。\n丁。\n" * (n // 2),
    "parts without a number": lambda n: "一、甲\n甲。\n关于外交工作\n乙。\n" * (n // 4),
    "addresses and items": lambda n: "一、甲\n（一）乙\n丙。\n各位代表！\n二是丁。\n" * (n // 5),
    # lines like a 公文's title: inside a speech, and one after another in a 公文
    "plan names in a speech": lambda n: "在会议上的讲话\n" + "\n防汛抗旱工作实施方案\n" * (n // 2),
    "titles one after another": lambda n: "\n防汛抗旱工作实施方案\n" * (n // 2),
}


def _best_time(text: str, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        tree = govspeech.parse(text)
        best = min(best, time.perf_counter() - start)
    assert tree.text == text
    return best


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_parses_in_linear_time(name):
    make = HOSTILE[name]
    small, large = make(2_000), make(8_000)
    plain = "这是一段正文，没有任何序号。\n" * (len(large) // 15 + 1)
    t_small, t_large, t_plain = _best_time(small), _best_time(large), _best_time(plain)
    # Four times the input: about four times the time; quadratic would be sixteen.
    assert t_large / max(t_small, 1e-4) < 8, (t_small, t_large)
    # Per character, a heading costs more than body text, but within a fixed factor.
    per_char = (t_large / len(large)) / (t_plain / len(plain))
    assert per_char < 60, (t_large, t_plain)


CHECK_HOSTILE: dict[str, Callable[[int], str]] = {
    # a run below every heading: each asks which numbers of its family came before it
    "a list below every heading": lambda n: "一、甲\n1.乙\n" * (n // 2),
    "articles": lambda n: "".join(f"第{k % 9 + 1}条　甲。\n" for k in range(n)),
}


@pytest.mark.slow  # check analyses 8,000 headings six times: seconds; CI runs it
@pytest.mark.parametrize("name", sorted(CHECK_HOSTILE))
def test_hostile_text_checks_in_linear_time(name):
    from govspeech_plugins.check.rules import analyse

    make = CHECK_HOSTILE[name]
    small, large = govspeech.parse(make(2_000)), govspeech.parse(make(8_000))

    def best(tree: govspeech.ParsedFile) -> float:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            analyse(tree)
            times.append(time.perf_counter() - start)
        return min(times)

    t_small, t_large = best(small), best(large)
    assert t_large / max(t_small, 1e-4) < 8, (t_small, t_large)  # quadratic would be 16


def _child_peak_mb(code: str) -> float:
    """Peak resident memory of a fresh interpreter running ``code`` (MB), as the child itself
    reports it (VmHWM, its own address space's high-water mark): RUSAGE_CHILDREN would be the
    largest child this worker ever waited for (a LibreOffice another test ran, say), and even
    the child's own ru_maxrss starts from the forking worker's size."""
    report = (
        "\nimport re\nprint(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code + report], check=True, timeout=120, capture_output=True
    )
    return int(done.stdout.split()[-1]) / 1024  # kB


@pytest.mark.slow  # a child parsing 10⁵ headings: seconds; CI runs it
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ru_maxrss in KB is Linux's")
def test_memory_stays_proportional_to_the_input():
    # 10⁵ headings of one number (0.6 MB): the tree is a few hundred bytes per heading.
    peak = _child_peak_mb(
        "import govspeech; t = govspeech.parse('一、甲\\n' * 100000); assert len(t.documents) == 1"
    )
    assert peak < 400, peak


def test_docx_export_is_linear(tmp_path):
    pytest.importorskip("docx")

    def export(n: int) -> float:
        source = tmp_path / f"p{n}.txt"
        source.write_text(
            "在全县工作会议上的讲话\n" + "".join(f"这是正文第{i}段。\n" for i in range(n)),
            encoding="utf-8",
        )
        start = time.perf_counter()
        assert main(["export", str(source), "-o", str(tmp_path / f"p{n}.docx")]) == 0
        return time.perf_counter() - start

    export(100)  # python-docx's first use loads its template
    small, large = export(500), export(2_000)
    assert large / small < 7, (small, large)


# --- --jobs: stopping a run -----------------------------------------------------------------


@pytest.fixture(scope="module")
def slow_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Files that each take a worker a few seconds, so a signal finds the workers busy."""
    folder = tmp_path_factory.mktemp("slow")
    for k in range(4):
        (folder / f"长文{k}.txt").write_text("一、甲\n" * 200_000, encoding="utf-8")
    return folder


def _start(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "govspeech", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, like a job in a terminal
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        env=env,
    )


def _live(group: int) -> list[str]:
    """Processes of a process group that are still running (zombies are dead already)."""
    ps = subprocess.run(
        ["ps", "-o", "pid=,stat=", "-g", str(group)], capture_output=True, text=True, check=False
    )
    return [line for line in ps.stdout.splitlines() if line.split()[1:2] != ["Z"]]


def _wait_for_workers(group: int, count: int) -> None:
    deadline = time.monotonic() + 20
    while len(_live(group)) < count + 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)  # and let them start on their files


needs_ps = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads process groups with ps"
)


@needs_ps
@pytest.mark.parametrize(
    ("sig", "code", "message"),
    [
        ("SIGTERM", 143, "error: stopped by SIGTERM"),
        ("SIGHUP", 129, "error: stopped by SIGHUP"),
        ("SIGINT", 130, "error: interrupted"),  # Ctrl-C: the terminal signals the whole group
    ],
)
def test_a_signal_stops_the_whole_run_within_a_second(slow_folder, tmp_path, sig, code, message):
    child = _start(
        ["export", "--format", "jsonl", "--jobs", "2", str(slow_folder), "-o", "out.jsonl"],
        tmp_path,
    )
    _wait_for_workers(child.pid, 2)
    start = time.monotonic()
    if sig == "SIGINT":
        os.killpg(child.pid, signal.SIGINT)
    else:
        child.send_signal(getattr(signal, sig))
    _, err = child.communicate(timeout=30)
    elapsed = time.monotonic() - start
    assert child.returncode == code, err
    assert err.strip() == message  # one line: no worker traceback
    assert elapsed < 1.5, elapsed
    assert _live(child.pid) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no output, no temporary file


@needs_ps
def test_workers_never_outlive_the_main_process(slow_folder, tmp_path):
    child = _start(["outline", "--jobs", "2", str(slow_folder)], tmp_path)
    _wait_for_workers(child.pid, 2)
    child.kill()  # SIGKILL: no handler runs in the main process
    child.communicate(timeout=30)
    deadline = time.monotonic() + 3
    while _live(child.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _live(child.pid) == []


PLUGINS = '''
import os, signal, sys, time
from govspeech.plugin import Plugin


class Killer(Plugin):
    """Dies (as if the kernel killed it) on a file named kill.txt."""

    description = "dies on kill.txt"
    parallel = True

    def run(self, tree, options, out):
        if tree.path.endswith("kill.txt"):
            os.kill(os.getpid(), signal.SIGKILL)
        out.write(tree.path + "\\n")
        return 0


class Hangs(Plugin):
    description = "never finishes"
    parallel = True

    def run(self, tree, options, out):
        while True:
            time.sleep(0.05)


class Exits(Plugin):
    description = "calls sys.exit"

    def run(self, tree, options, out):
        sys.exit(7)


class Base(BaseException):
    pass


class RaisesBase(Plugin):
    description = "raises a BaseException"

    def run(self, tree, options, out):
        raise Base("not an Exception")


class BadStatus(Plugin):
    description = "returns a string"

    def run(self, tree, options, out):
        return "abc"


class BadFinish(Plugin):
    description = "finish returns a list"

    def run(self, tree, options, out):
        return 0

    def finish(self, options, out):
        return [1]


class NoDescription(Plugin):
    description = None

    def run(self, tree, options, out):
        return 0
'''


@pytest.fixture
def plugin_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    fake_distribution(
        site,
        "fake-hostile",
        "1.0",
        {
            COMMANDS: {
                "killer": "fake_hostile:Killer",
                "hangs": "fake_hostile:Hangs",
                "exits": "fake_hostile:Exits",
                "base": "fake_hostile:RaisesBase",
                "badstatus": "fake_hostile:BadStatus",
                "badfinish": "fake_hostile:BadFinish",
                "nodesc": "fake_hostile:NoDescription",
            }
        },
        {"fake_hostile": PLUGINS},
    )
    info = next(site.glob("*.dist-info"))
    with open(info / "entry_points.txt", "a", encoding="utf-8") as f:
        f.write("two words = fake_hostile:Killer\nno equals sign here\n")
    monkeypatch.syspath_prepend(str(site))
    yield site
    sys.modules.pop("fake_hostile", None)


def _env(site: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(site)}


def test_a_dead_worker_is_named_and_the_exit_code_is_the_worst(plugin_site, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "0bad.txt").write_bytes(b"\x00\x01binary")  # first: read before the kill
    for name in ("a.txt", "b.txt", "kill.txt"):
        (folder / name).write_text("一、甲\n", encoding="utf-8")
    child = _start(["killer", "--jobs", "2", str(folder)], tmp_path, env=_env(plugin_site))
    _, err = child.communicate(timeout=60)
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert any("binary data" in line for line in lines), err
    died = [line for line in lines if "worker process died" in line]
    assert len(died) == 1 and "kill.txt" in died[0], err
    assert child.returncode == 2  # the input error is the worst seen, not 1
    assert "Traceback" not in err


@needs_ps
def test_a_hanging_plugin_under_jobs_stops_on_sigterm(plugin_site, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(4):
        (folder / f"{k}.txt").write_text("一、甲\n", encoding="utf-8")
    child = _start(["hangs", "--jobs", "2", str(folder)], tmp_path, env=_env(plugin_site))
    _wait_for_workers(child.pid, 2)
    start = time.monotonic()
    child.terminate()
    _, err = child.communicate(timeout=30)
    assert child.returncode == 143 and err.strip() == "error: stopped by SIGTERM"
    # Stopped, not hung until the workers finish (they never would): a loose bound, so that
    # a loaded machine does not fail the test; a hang runs into communicate's 30 s.
    assert time.monotonic() - start < 10
    assert _live(child.pid) == []


def test_jobs_are_capped_at_the_cpus(tmp_path, capsys):
    for k in range(3):
        (tmp_path / f"{k}.txt").write_text("一、甲\n二、乙\n", encoding="utf-8")
    cpus = os.cpu_count() or 1
    code = main(["outline", "--jobs", str(cpus + 62), str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 0 and out.count("==> ") == 3
    assert f"warning: --jobs {cpus + 62} is more than the {cpus} CPUs here; using {cpus}" in err


@pytest.mark.parametrize(
    ("command", "detail"),
    [
        ("exits", "failed on {path}: SystemExit: called sys.exit(7)"),
        ("base", "failed on {path}: Base: not an Exception"),
        ("badstatus", "failed on {path}: returned 'abc', expected a status (0 or 1)"),
        ("badfinish", "failed at the end: returned [1], expected a status (0 or 1)"),
    ],
)
def test_a_misbehaving_plugin_is_one_line_exit_1(plugin_site, tmp_path, capsys, command, detail):
    path = tmp_path / "讲话.txt"
    path.write_text("一、甲\n", encoding="utf-8")
    code = main([command, str(path)])
    err = capsys.readouterr().err
    assert code == 1
    assert err == f"error: plugin {command!r} (fake-hostile 1.0) {detail.format(path=path)}\n"


def test_bad_protocol_attributes_and_entry_point_lines(plugin_site, capsys):
    code = main(["plugins"])
    out, err = capsys.readouterr()
    assert code == 1  # one plugin cannot be loaded; the others are listed
    assert "nodesc" in out and "FAILED TO LOAD" in out and "killer" in out
    assert "its description is None, expected a str" in err
    warnings = [line for line in err.splitlines() if "ignoring" in line]
    assert len(warnings) == 2
    assert "'two words = fake_hostile:Killer'" in warnings[0]
    assert "'no equals sign here'" in warnings[1]
    assert "two words" not in out
    assert main(["nodesc", "x"]) == 1
    assert capsys.readouterr().err.splitlines()[-1].startswith("error: plugin 'nodesc'")
