"""A plain (non-editable) install works from another folder: the grammar ships in the wheel."""

from __future__ import annotations

import subprocess
import sys
import venv
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
    env_dir = tmp_path / "env"
    # The dependencies come from this environment; only govspeech itself is installed fresh.
    venv.EnvBuilder(system_site_packages=True, with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
                   check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    corpus = ROOT / "tests" / "data" / "corpus_speeches.txt"
    code = (
        "import govspeech, sys\n"
        "assert 'site-packages' in govspeech.__file__, govspeech.__file__\n"
        f"t = govspeech.parse_file({str(corpus)!r})\n"
        "print(len(t.documents), t.documents[0].title)\n"
    )
    out = subprocess.run([str(python), "-c", code], cwd=elsewhere, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "13 在全县疫情防控工作会议上的讲话篇一"
