"""The example third-party plugin (examples/plugin), used the way docs/plugins.md tells a plugin
author to use it: copied, renamed, installed with pip, then found and run by ``govspeech``.

The fast test loads the example's module as it is (no installation: a hand-made ``.dist-info``
folder makes its entry point visible). The slow tests install real distributions with pip into
a folder of their own and run ``python -m govspeech`` with that folder on PYTHONPATH.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import govspeech
from govspeech.cli import main
from govspeech.plugin import COMMANDS, Plugin, PluginProtocol
from govspeech.plugin.discovery import discover
from govspeech.walk import walk

from .conftest import CORPUS_FILE

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "plugin"
GUIDE = ROOT / "docs" / "plugins.md"

# Step 2 of docs/plugins.md: the lines that change when the example becomes govspeech-wordfreq
# (after govspeech_stats.py is renamed to govspeech_wordfreq.py).
RENAMES = {
    "pyproject.toml": [
        ('name = "govspeech-stats"', 'name = "govspeech-wordfreq"'),
        ('stats = "govspeech_stats:Stats"', 'wordfreq = "govspeech_wordfreq:WordFreq"'),
        ('py-modules = ["govspeech_stats"]', 'py-modules = ["govspeech_wordfreq"]'),
    ],
    "govspeech_wordfreq.py": [
        ("class Stats(Plugin):", "class WordFreq(Plugin):"),
        ('    name = "stats"', '    name = "wordfreq"'),
    ],
}


# -- what the example's output must be, computed from the tree without the plugin ------------


def expected_rows(path: Path) -> list[dict[str, Any]]:
    """What ``stats --json`` must print for `path`: one row per top-level document, its
    subdocuments counted with it; sections from ``iter_sections``, paragraphs from ``walk``."""
    tree = govspeech.parse_file(path)
    rows = []
    for doc in tree.documents:
        sections = [s for d in (doc, *doc.subdocuments) for s in d.iter_sections()]
        paragraphs = [n for n in walk(doc) if isinstance(n, govspeech.Paragraph)]
        levels = Counter(s.level for s in sections)
        rows.append(
            {
                "file": str(path),
                "title": doc.title or f"(untitled, line {doc.line})",
                "line": doc.line,
                "sections": dict(Counter(s.kind for s in sections)),
                "levels": {str(k): levels[k] for k in sorted(levels)},
                "paragraphs": len(paragraphs),
                "characters": sum(len(p.content) for p in paragraphs),
            }
        )
    return rows


def check_json_output(stdout: str, path: Path) -> None:
    rows = [json.loads(line) for line in stdout.splitlines()]
    expected = expected_rows(path)
    assert len(rows) == len(expected) == 13
    assert rows == expected
    # Anchors, in case the two counts above went wrong the same way.
    assert rows[0]["title"] == "在全县疫情防控工作会议上的讲话篇一"
    assert (rows[0]["sections"], rows[0]["paragraphs"]) == ({"dash": 7, "numbered": 3}, 14)
    assert rows[6]["title"] == "在全县疫情防控工作会议上的讲话篇七"  # with 6 subdocuments
    assert rows[6]["sections"] == {"numbered": 15, "enum": 17}


def check_text_output(stdout: str, path: Path) -> None:
    lines = stdout.splitlines()
    expected = expected_rows(path)
    assert len(lines) == 3 * len(expected)
    for k, row in enumerate(expected):
        title, sections, paragraphs = lines[3 * k : 3 * k + 3]
        assert title == row["title"]
        assert sections.startswith("  sections: ")
        for kind, n in row["sections"].items():
            assert f"{n} {kind}" in sections
        assert paragraphs == f"  paragraphs: {row['paragraphs']}, characters: {row['characters']}"
    assert lines[:3] == [
        "在全县疫情防控工作会议上的讲话篇一",
        "  sections: 7 dash, 3 numbered  (L1:3 L2:7)",
        "  paragraphs: 14, characters: 2488",
    ]


# -- fast: the example module as it is -------------------------------------------------------


def test_example_module_follows_the_protocol(tmp_path, monkeypatch, capsys):
    # A hand-made distribution record makes the entry point visible without installing:
    # importlib.metadata finds *.dist-info folders on sys.path.
    dist_info = tmp_path / "govspeech_stats-0.1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: govspeech-stats\nVersion: 0.1.0\n", encoding="utf-8"
    )
    (dist_info / "entry_points.txt").write_text(
        "[govspeech.plugins]\nstats = govspeech_stats:Stats\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(EXAMPLE))
    monkeypatch.syspath_prepend(str(tmp_path))  # first, so its record wins over an install
    monkeypatch.delitem(sys.modules, "govspeech_stats", raising=False)
    module = importlib.import_module("govspeech_stats")
    monkeypatch.setitem(sys.modules, "govspeech_stats", module)  # removed again afterwards
    assert Path(module.__file__).resolve() == EXAMPLE / "govspeech_stats.py"

    assert issubclass(module.Stats, Plugin)
    plugin = module.Stats()
    assert isinstance(plugin, PluginProtocol)
    assert plugin.name == "stats" and plugin.description and not plugin.binary

    spec = discover(COMMANDS).specs["stats"]
    assert (spec.value, spec.distribution, spec.version) == (
        "govspeech_stats:Stats",
        "govspeech-stats",
        "0.1.0",
    )

    assert main(["stats", "--json", str(CORPUS_FILE)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    check_json_output(out, CORPUS_FILE)

    assert main(["stats", str(CORPUS_FILE)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    check_text_output(out, CORPUS_FILE)


# -- slow: real installs with pip -------------------------------------------------------------


def pip_install(project: Path, target: Path) -> None:
    """``pip install --no-deps --target TARGET PROJECT`` (govspeech is importable already)."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(project),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    if done.returncode != 0:
        if "setuptools" in done.stderr and "Could not find a version" in done.stderr:
            pytest.skip("pip cannot fetch setuptools for the isolated build (no package index)")
        pytest.fail(f"pip install {project.name} failed:\n{done.stderr[-3000:]}")


def govspeech_cli(*args: str, site: Path | None, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m govspeech ARGS`` in a new process, `site` first on PYTHONPATH."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    if site is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "govspeech", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
    )


@pytest.mark.slow
def test_copied_renamed_example_installs_and_runs(tmp_path):
    guide = GUIDE.read_text(encoding="utf-8")
    # Step 1: copy the folder (without what an earlier pip install left in it).
    project = tmp_path / "my-plugin"
    shutil.copytree(
        EXAMPLE,
        project,
        ignore=shutil.ignore_patterns("build", "dist", "*.egg-info", "__pycache__"),
    )
    # Step 2: rename distribution, entry point, module, class and command.
    (project / "govspeech_stats.py").rename(project / "govspeech_wordfreq.py")
    for name, changes in RENAMES.items():
        path = project / name
        text = path.read_text(encoding="utf-8")
        for old, new in changes:
            assert text.count(old) == 1, f"{name} no longer holds {old!r} once: update the guide"
            assert new in guide, f"docs/plugins.md does not show {new!r}"
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    # Step 3: install.
    site = tmp_path / "site"
    pip_install(project, site)
    assert (site / "govspeech_wordfreq.py").is_file()
    assert not (site / "govspeech_stats.py").exists()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    # Step 4: govspeech plugins lists the command with its distribution and version.
    listing = govspeech_cli("plugins", site=site, cwd=elsewhere)
    assert (listing.returncode, listing.stderr) == (0, "")
    rows = {line.split()[0]: line.split() for line in listing.stdout.splitlines()}
    assert rows["wordfreq"][1:4] == ["command", "govspeech-wordfreq", "0.1.0"]
    assert rows["outline"][1:4] == ["command", "govspeech", govspeech.__version__]

    # Step 5: the new command on a real file.
    text = govspeech_cli("wordfreq", str(CORPUS_FILE), site=site, cwd=elsewhere)
    assert (text.returncode, text.stderr) == (0, "")
    check_text_output(text.stdout, CORPUS_FILE)
    as_json = govspeech_cli("wordfreq", "--json", str(CORPUS_FILE), site=site, cwd=elsewhere)
    assert (as_json.returncode, as_json.stderr) == (0, "")
    check_json_output(as_json.stdout, CORPUS_FILE)
    helped = govspeech_cli("help", "wordfreq", site=site, cwd=elsewhere)
    assert helped.returncode == 0
    assert "(plugin from govspeech-wordfreq 0.1.0)" in helped.stdout


@pytest.mark.slow
def test_a_plugin_that_cannot_be_imported_breaks_only_itself(tmp_path):
    project = tmp_path / "govspeech-broken"
    project.mkdir()
    (project / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools>=68"]\nbuild-backend = "setuptools.build_meta"\n\n'
        '[project]\nname = "govspeech-broken"\nversion = "0.3.0"\n\n'
        '[project.entry-points."govspeech.plugins"]\nbroken = "govspeech_broken:Broken"\n\n'
        '[tool.setuptools]\npy-modules = ["govspeech_broken"]\n',
        encoding="utf-8",
    )
    (project / "govspeech_broken.py").write_text(
        'raise ImportError("govspeech_broken needs python-docx")\n', encoding="utf-8"
    )
    site = tmp_path / "site"
    pip_install(project, site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    def is_the_error(line: str) -> bool:
        return (
            line.startswith("error: plugin 'broken' ")
            and "govspeech-broken 0.3.0" in line
            and "ImportError: govspeech_broken needs python-docx" in line
        )

    listing = govspeech_cli("plugins", site=site, cwd=elsewhere)
    assert listing.returncode == 1
    about = [line for line in listing.stderr.splitlines() if "broken" in line]
    assert len(about) == 1 and is_the_error(about[0]), listing.stderr
    rows = {line.split()[0]: line.split() for line in listing.stdout.splitlines()}
    assert rows["broken"][1:4] == ["command", "govspeech-broken", "0.3.0"]
    assert "outline" in rows and "export" in rows

    broken = govspeech_cli("broken", str(CORPUS_FILE), site=site, cwd=elsewhere)
    assert broken.returncode == 1
    assert broken.stdout == ""
    lines = broken.stderr.splitlines()
    assert len(lines) == 1 and is_the_error(lines[0]), broken.stderr

    without = govspeech_cli("outline", str(CORPUS_FILE), site=None, cwd=elsewhere)
    alongside = govspeech_cli("outline", str(CORPUS_FILE), site=site, cwd=elsewhere)
    assert (without.returncode, without.stderr) == (0, "")
    assert (alongside.returncode, alongside.stderr) == (0, "")
    assert alongside.stdout == without.stdout
    assert alongside.stdout.startswith("在全县疫情防控工作会议上的讲话篇一\n")
