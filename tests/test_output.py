"""AtomicOutput: the target holds the old content or the complete new one, never a part."""

from __future__ import annotations

import pytest

from govspeech.errors import OutputError
from govspeech.output import AtomicOutput


def test_success_replaces(tmp_path):
    target = tmp_path / "提纲.txt"
    target.write_text("旧", encoding="utf-8")
    with AtomicOutput(target) as out:
        out.write("一、新内容\n")
        assert target.read_text(encoding="utf-8") == "旧"  # not visible before the end
    assert target.read_bytes() == "一、新内容\n".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["提纲.txt"]


def test_exception_keeps_the_old_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), AtomicOutput(target) as out:
        out.write("half")
        raise RuntimeError("stop")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_discard_writes_nothing(tmp_path):
    target = tmp_path / "out.txt"
    writer = AtomicOutput(target)
    with writer as out:
        out.write("nothing worth keeping")
        writer.discard()
    assert list(tmp_path.iterdir()) == []


def test_binary(tmp_path):
    target = tmp_path / "out.bin"
    with AtomicOutput(target, binary=True) as out:
        out.write(b"PK\x03\x04")
    assert target.read_bytes() == b"PK\x03\x04"


def test_new_file_gets_the_usual_mode(tmp_path):
    target = tmp_path / "out.txt"
    with AtomicOutput(target) as out:
        out.write("x")
    import os

    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_unwritable_targets_fail_before_writing(tmp_path):
    with pytest.raises(OutputError, match="is a directory"):
        AtomicOutput(tmp_path)
    with pytest.raises(OutputError, match="does not exist"):
        AtomicOutput(tmp_path / "missing" / "out.txt")
