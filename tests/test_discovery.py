"""Plugin discovery and loading, with fake distributions (``*.dist-info`` folders) in tmp_path."""

from __future__ import annotations

import importlib.metadata as metadata
import sys
import textwrap
from pathlib import Path

import pytest

from govspeech.cli import main
from govspeech.errors import PluginLoadError
from govspeech.plugin import COMMANDS, EXPORTERS, Plugin
from govspeech.plugin.discovery import discover, entry_points, load

from .conftest import CORPUS_FILE

HELLO = '''
from govspeech.plugin import Plugin

class Hello(Plugin):
    name = "hello"
    description = "Say hello to each document"

    def add_arguments(self, parser):
        parser.add_argument("--greeting", default="你好")

    def run(self, tree, options, out):
        for doc in tree.documents:
            out.write(f"{options.greeting}，{doc.title}\\n")
        return 0
'''


def fake_distribution(
    site: Path, dist: str, version: str, entry_points: dict[str, dict[str, str]], modules: dict[str, str]
) -> None:
    """A minimal installed distribution: metadata, entry points and its modules."""
    info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8"
    )
    lines = []
    for group, eps in entry_points.items():
        lines.append(f"[{group}]")
        lines.extend(f"{name} = {target}" for name, target in eps.items())
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for module, source in modules.items():
        (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")


@pytest.fixture
def site(tmp_path, monkeypatch):
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    yield folder
    for name in [m for m in sys.modules if m.startswith("fake_")]:
        del sys.modules[name]


@pytest.mark.parametrize(
    "group", ["console_scripts", "govspeech.plugins", "govspeech.exporters", "pytest11"]
)
def test_entry_point_reader_agrees_with_importlib_metadata(group, site):
    # A distribution installed twice (an older copy later on the path) counts once.
    fake_distribution(site, "fake-hello", "1.2", {COMMANDS: {"hello": "fake_hello:Hello"}}, {})
    later = site.parent / "later"
    fake_distribution(later, "fake-hello", "1.0", {COMMANDS: {"old": "fake_old:Old"}}, {})
    sys.path.append(str(later))
    try:
        ours = sorted((ep.name, ep.value) for ep in entry_points(group))
        theirs = sorted((ep.name, ep.value) for ep in metadata.entry_points(group=group))
    finally:
        sys.path.remove(str(later))
    assert ours == theirs
    if group == COMMANDS:
        assert ("hello", "fake_hello:Hello") in ours and ("old", "fake_old:Old") not in ours


def test_builtins_are_registered_like_third_party_plugins():
    commands = discover(COMMANDS)
    assert {"outline", "export"} <= set(commands.specs)
    outline = commands.specs["outline"]
    assert outline.value == "govspeech_plugins.outline:Outline"
    assert outline.distribution == "govspeech"
    assert "json" in discover(EXPORTERS).specs


def test_discovery_imports_nothing(site):
    fake_distribution(
        site, "fake-hello", "1.2", {COMMANDS: {"hello": "fake_hello:Hello"}}, {"fake_hello": HELLO}
    )
    registry = discover(COMMANDS)
    assert registry.specs["hello"].origin == "fake-hello 1.2"
    assert "fake_hello" not in sys.modules
    loaded = load(registry.specs["hello"])
    assert "fake_hello" in sys.modules
    assert isinstance(loaded.plugin, Plugin)
    # The record the command line reads instead of probing the object.
    assert loaded.spec is registry.specs["hello"] and loaded.name == "hello"
    assert loaded.description == "Say hello to each document"
    assert (loaded.binary, loaded.parallel, loaded.examples) == (False, False, ())


REPORTER = '''
from govspeech.plugin import Plugin, report

class Count(Plugin):
    name = "count"
    description = "Count sections, reporting each file on stderr"
    parallel = True

    def run(self, tree, options, out):
        n = sum(1 for doc in tree.documents for _ in doc.iter_sections())
        report(f"{tree.path}: {n} sections")
        out.write(f"{n}\\n")
        return 0

    def finish(self, options, out):
        report("counted")
        return 0
'''


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_plugin_messages_go_through_report_in_input_order(site, tmp_path, capfd, jobs):
    """`report` reaches stderr in input order, also from worker processes (--jobs 2)."""
    fake_distribution(
        site, "fake-count", "1.0", {COMMANDS: {"count": "fake_count:Count"}}, {"fake_count": REPORTER}
    )
    files = []
    for k in range(5):
        path = tmp_path / f"f{k}.txt"
        path.write_text("一、统一思想。\n" * (k + 1), encoding="utf-8")
        files.append(str(path))
    assert main(["count", "--jobs", jobs, *files]) == 0
    captured = capfd.readouterr()
    assert captured.out.split() == ["1", "2", "3", "4", "5"]
    lines = captured.err.splitlines()
    assert lines[:6] == [f"{f}: {k + 1} sections" for k, f in enumerate(files)] + ["counted"]
    assert lines[6].startswith("5 files, 5 documents, 15 sections, 0 failed")


def test_third_party_command_runs(site, capsys):
    fake_distribution(
        site, "fake-hello", "1.2", {COMMANDS: {"hello": "fake_hello:Hello"}}, {"fake_hello": HELLO}
    )
    assert main(["hello", "--greeting", "同志们好", str(CORPUS_FILE)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 13 and out[0] == "同志们好，在全县疫情防控工作会议上的讲话篇一"
    assert main(["plugins"]) == 0
    listing = capsys.readouterr().out
    assert any(line.split()[:3] == ["hello", "command", "fake-hello"] for line in listing.splitlines())


def test_broken_plugin_is_one_line_and_others_work(site, capsys):
    fake_distribution(
        site,
        "fake-broken",
        "0.3",
        {COMMANDS: {"broken": "fake_broken:Broken"}},
        {"fake_broken": "import no_such_module_anywhere\n"},
    )
    assert main(["broken", str(CORPUS_FILE)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("error: plugin 'broken' (fake-broken 0.3) failed to load: ")
    assert "ModuleNotFoundError" in err and "no_such_module_anywhere" in err

    assert main(["outline", str(CORPUS_FILE)]) == 0
    assert capsys.readouterr().out.startswith("在全县疫情防控工作会议上的讲话篇一\n")

    assert main(["plugins"]) == 1
    captured = capsys.readouterr()
    assert "fake-broken 0.3" in captured.err and "FAILED TO LOAD" in captured.out
    assert "outline" in captured.out

    assert main(["--help"]) == 0
    assert "broken" in capsys.readouterr().out


def test_plugin_that_is_not_a_plugin(site, capsys):
    fake_distribution(
        site,
        "fake-odd",
        "1.0",
        {COMMANDS: {"odd": "fake_odd:thing"}},
        {"fake_odd": "thing = object()\n"},
    )
    with pytest.raises(PluginLoadError, match=r"plugin 'odd' \(fake-odd 1.0\) is not a govspeech plugin"):
        load(discover(COMMANDS).specs["odd"])
    assert main(["odd", str(CORPUS_FILE)]) == 1
    assert "lacks name, description" in capsys.readouterr().err


def test_plugin_that_raises_while_running(site, capsys, tmp_path):
    fake_distribution(
        site,
        "fake-crash",
        "2.0",
        {COMMANDS: {"crash": "fake_crash:Crash"}},
        {
            "fake_crash": """
            from govspeech.plugin import Plugin

            class Crash(Plugin):
                name = "crash"
                description = "Fails on purpose"

                def run(self, tree, options, out):
                    out.write("half of the output")
                    raise ZeroDivisionError("division by zero\\nsecond line")
            """
        },
    )
    target = tmp_path / "out.txt"
    assert main(["crash", str(CORPUS_FILE), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"error: plugin 'crash' (fake-crash 2.0) failed on {CORPUS_FILE}: "
        "ZeroDivisionError: division by zero second line\n"
    )
    assert not target.exists()
    assert main(["crash", "--debug", str(CORPUS_FILE)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" in captured.err and captured.out == ""


def test_duplicate_names_choose_deterministically(site, capsys):
    hello_b = HELLO.replace("你好", "B")
    hello_a = HELLO.replace("你好", "A")
    fake_distribution(
        site, "zeta-hello", "1.0", {COMMANDS: {"hello": "fake_zeta:Hello"}}, {"fake_zeta": hello_b}
    )
    fake_distribution(
        site, "alpha-hello", "1.0", {COMMANDS: {"hello": "fake_alpha:Hello"}}, {"fake_alpha": hello_a}
    )
    registry = discover(COMMANDS)
    assert registry.specs["hello"].distribution == "alpha-hello"
    assert registry.warnings == (
        "warning: plugin 'hello' is provided by alpha-hello and zeta-hello; "
        "using alpha-hello's (fake_alpha:Hello)",
    )
    assert main(["hello", str(CORPUS_FILE)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("A，") and captured.err.startswith("warning: plugin 'hello'")


def test_builtin_wins_over_a_third_party_namesake(site, capsys):
    fake_distribution(
        site, "aaa-outline", "9.9", {COMMANDS: {"outline": "fake_hello:Hello"}}, {"fake_hello": HELLO}
    )
    registry = discover(COMMANDS)
    assert registry.specs["outline"].distribution == "govspeech"
    assert "using govspeech's" in registry.warnings[0]


def test_broken_export_format_only_matters_when_chosen(site, capsys):
    fake_distribution(
        site,
        "fake-yaml",
        "0.1",
        {EXPORTERS: {"yaml": "fake_yaml:Yaml"}},
        {"fake_yaml": "raise ImportError('PyYAML is not installed')\n"},
    )
    assert main(["export", "--format", "json", str(CORPUS_FILE)]) == 0
    assert capsys.readouterr().out.startswith("{")
    assert main(["export", "--format", "yaml", str(CORPUS_FILE)]) == 1
    err = capsys.readouterr().err
    assert err == (
        "error: plugin 'yaml' (fake-yaml 0.1) failed to load: ImportError: PyYAML is not installed\n"
    )


MISBEHAVING = '''
from govspeech.errors import PluginError, UsageError
from govspeech.plugin import Plugin


class CrashInPrepare(Plugin):
    description = "raises in prepare"

    def prepare(self, options):
        {}["missing"]

    def run(self, tree, options, out):
        return 0


class Refuses(Plugin):
    description = "raises its own errors"

    def add_arguments(self, parser):
        parser.add_argument("--mode", default="run")

    def prepare(self, options):
        if options.mode == "bad":
            raise UsageError("--mode bad is not a mode")

    def run(self, tree, options, out):
        out.write("partial")
        raise PluginError("cannot reach the dictionary")


class CrashAtTheEnd(Plugin):
    description = "fails in finish"

    def run(self, tree, options, out):
        out.write("一、内容\\n")
        return 0

    def finish(self, options, out):
        out.write("half a trailer")
        raise KeyError("trailer")


class Clash(Plugin):
    description = "adds an option the command line already has"

    def add_arguments(self, parser):
        parser.add_argument("--encoding")

    def run(self, tree, options, out):
        return 0
'''


@pytest.fixture
def misbehaving(site):
    fake_distribution(
        site,
        "fake-bad",
        "0.9",
        {
            COMMANDS: {
                "prep": "fake_bad:CrashInPrepare",
                "refuses": "fake_bad:Refuses",
                "ending": "fake_bad:CrashAtTheEnd",
                "clash": "fake_bad:Clash",
                "help": "fake_bad:Refuses",
            }
        },
        {"fake_bad": MISBEHAVING},
    )
    return site


def test_crash_in_prepare_is_one_line(misbehaving, capsys):
    assert main(["prep", str(CORPUS_FILE)]) == 1
    err = capsys.readouterr().err
    assert err == "error: plugin 'prep' (fake-bad 0.9) failed in prepare: KeyError: 'missing'\n"


def test_plugin_errors_name_the_plugin(misbehaving, capsys, tmp_path):
    assert main(["refuses", "--mode", "bad", str(CORPUS_FILE)]) == 2
    assert capsys.readouterr().err == "error: govspeech refuses: --mode bad is not a mode\n"
    target = tmp_path / "out.txt"
    assert main(["refuses", str(CORPUS_FILE), "-o", str(target)]) == 1
    assert capsys.readouterr().err == (
        f"error: plugin 'refuses' (fake-bad 0.9) on {CORPUS_FILE}: cannot reach the dictionary\n"
    )
    assert not target.exists()


def test_failure_at_the_end_writes_no_output(misbehaving, capsys, tmp_path):
    target = tmp_path / "out.txt"
    assert main(["ending", str(CORPUS_FILE), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err == "error: plugin 'ending' (fake-bad 0.9) failed at the end: KeyError: 'trailer'\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_option_clash_is_the_plugins_fault(misbehaving, capsys):
    assert main(["clash", str(CORPUS_FILE)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: plugin 'clash' (fake-bad 0.9) failed while adding its options: ")
    assert "--encoding" in err and err.count("\n") == 1
    assert main(["outline", "--depth", "1", str(CORPUS_FILE)]) == 0


def test_builtin_command_names_are_reserved(misbehaving, capsys):
    assert main(["help", "outline"]) == 0
    captured = capsys.readouterr()
    assert "--depth" in captured.out
    assert captured.err == (
        "warning: plugin 'help' (fake-bad 0.9) is ignored: 'help' is a built-in command\n"
    )
    assert main(["outline", "--depth", "1", str(CORPUS_FILE)]) == 0
    assert capsys.readouterr().err == ""  # warnings about other commands stay quiet


def test_exporter_option_clash_breaks_only_that_format(site, capsys):
    fake_distribution(
        site,
        "fake-clash",
        "1.0",
        {EXPORTERS: {"clashy": "fake_clash:Clashy"}},
        {
            "fake_clash": """
            from govspeech.plugin import Exporter

            class Clashy(Exporter):
                description = "adds --indent, which json already has"

                def add_arguments(self, parser):
                    parser.add_argument("--indent")

                def run(self, tree, options, out):
                    return 0
            """
        },
    )
    assert main(["export", "--format", "json", str(CORPUS_FILE)]) == 0
    assert capsys.readouterr().out.startswith("{")
    assert main(["export", "--format", "clashy", str(CORPUS_FILE)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: plugin 'clashy' (fake-clash 1.0) failed while adding its options")
