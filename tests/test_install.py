"""A plain (non-editable) install works from another folder: the grammar, the schema and the
built-in plugins ship in the wheel, and the command line finds them through entry points."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_install_parses_from_another_folder(tmp_path):
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(wheels), str(ROOT)],
        capture_output=True, text=True,
    )
    if build.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {build.stderr.strip()[-200:]}")
    (wheel,) = wheels.glob("govspeech-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "govspeech/govspeech-2.schema.json" in names
    assert "govspeech_plugins/outline.py" in names
    # The example third-party plugin is a distribution of its own, not part of ours.
    assert not [n for n in names if "example" in n or "govspeech_stats" in n]
    env_dir = tmp_path / "env"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    # The dependencies come from this test environment: its site-packages go on the new
    # environment's path through a .pth file (as plain paths, so this environment's editable
    # govspeech is not activated there); only govspeech itself is installed fresh.
    site_dir = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(site_dir) / "_test_dependencies.pth").write_text("\n".join(sorted(ours)) + "\n")
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
                   check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    corpus = ROOT / "tests" / "data" / "corpus_speeches.txt"
    code = (
        "import govspeech, sys\n"
        f"assert govspeech.__file__.startswith({str(env_dir)!r}), govspeech.__file__\n"
        f"t = govspeech.parse_file({str(corpus)!r})\n"
        "from govspeech.serialize import load_schema\n"
        "print(len(t.documents), t.documents[0].title, load_schema()['title'][:9])\n"
    )
    out = subprocess.run([str(python), "-c", code], cwd=elsewhere, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "13 在全县疫情防控工作会议上的讲话篇一 govspeech"

    cli = subprocess.run([str(python), "-m", "govspeech", "outline", "--depth", "1", str(corpus)],
                         cwd=elsewhere, capture_output=True, text=True, check=True)
    titles = [line for line in cli.stdout.splitlines() if line and not line.startswith(" ")]
    assert len({t.split(" (part")[0] for t in titles}) == 13
    summary = subprocess.run(
        [str(python), "-m", "govspeech", "summarize", "--depth", "1", str(corpus)],
        cwd=elsewhere, capture_output=True, text=True, check=True,
    )
    assert "外防输入、内防反弹" in summary.stdout  # the word lists ship in the wheel
    script = env_dir / "bin" / "govspeech"
    listing = subprocess.run([str(script), "plugins"], cwd=elsewhere, capture_output=True,
                             text=True, check=True).stdout
    rows = {line.split()[0]: line.split()[1:4] for line in listing.splitlines()}
    assert rows["outline"][:2] == ["command", "govspeech"]
    assert rows["export"][:2] == ["command", "govspeech"]
    assert rows["json"][:2] == ["format", "govspeech"]
