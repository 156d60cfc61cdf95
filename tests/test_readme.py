"""The examples users copy first: the README's Python block and the package docstring."""

from __future__ import annotations

import doctest
import os
import re
from pathlib import Path

import govspeech

ROOT = Path(__file__).resolve().parent.parent


def test_readme_python_example_runs(capsys):
    readme = (ROOT / "README.md").read_text("utf-8")
    block = re.search(r"```python\n(.*?)```", readme, re.S)
    assert block is not None
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        exec(compile(block.group(1), "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "在全县安全生产和防汛工作会议上的讲话"
    assert out[1] == "一、提高思想认识，切实增强做好安全生产工作的责任感 (line 4)"
    assert "    （1）道路交通。 (line 10)" in out
    assert "    ——要做好物资储备。 (line 13)" in out


def test_readme_commands_are_the_ci_commands():
    readme = (ROOT / "README.md").read_text("utf-8")
    commands = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
    assert len(commands) == 2
    assert commands[1] in (ROOT / ".ci" / "run").read_text("utf-8")


def test_package_docstring_example():
    failures, tried = doctest.testmod(govspeech, verbose=False)
    assert tried > 0 and failures == 0


def test_readme_first_command_runs_the_outline(capsys):
    readme = (ROOT / "README.md").read_text("utf-8")
    first = re.findall(r"```sh\n(.*?)\n```", readme, re.S)[0]
    job = first.split(" && ")[-1].split()
    assert job[:3] == ["python", "-m", "govspeech"]
    from govspeech.cli import main

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        assert main(job[3:]) == 0
    finally:
        os.chdir(cwd)
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "在全县安全生产和防汛工作会议上的讲话"
    assert out[1] == "  一、提高思想认识，切实增强做好安全生产工作的责任感"
