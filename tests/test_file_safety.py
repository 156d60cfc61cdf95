"""No command damages a file it was not asked to write.

Every case runs in its own temporary folder, takes a snapshot of every file there (content hash,
inode, owner, group, mode, kind, link target) before the command and after it, and asserts that
only the intended output changed — plus the exit code and a one-line error. Devices are made
inside the folder (``mknod``, as root) rather than touching the machine's /dev. The cases that
depend on who runs the command are run again as the unprivileged user ``nobody`` where the
machine allows it (``setpriv``, as root).
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from govspeech.cli import main

from .conftest import CORPUS_FILE

ROOT = os.geteuid() == 0
NOBODY = 65534
SPEECH = "在全县工作会议上的讲话\n\n一、统一思想\n二是加强领导。\n二是狠抓落实。\n四是强化保障。\n三、突出重点\n"
FIXED = SPEECH.replace("二是狠抓", "三是狠抓").replace("四是强化", "五是强化")


# --- helpers --------------------------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, tuple[object, ...]]:
    """Everything about every entry below ``folder`` that a damaging write would change."""
    shot: dict[str, tuple[object, ...]] = {}
    for path in sorted(folder.rglob("*")):
        st = os.lstat(path)
        kind = stat.S_IFMT(st.st_mode)
        if stat.S_ISREG(st.st_mode):
            digest: object = hashlib.sha256(path.read_bytes()).hexdigest()
        elif stat.S_ISLNK(st.st_mode):
            digest = os.readlink(path)
        else:
            digest = None
        shot[str(path.relative_to(folder))] = (
            kind, digest, st.st_ino, st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode), st.st_nlink
        )  # fmt: skip
    return shot


def changed(
    before: dict[str, tuple[object, ...]], after: dict[str, tuple[object, ...]]
) -> set[str]:
    return {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}


def cli(capsys, *args: object) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    """Run the command line in this process: (exit code, stdout, stderr)."""
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def proc(
    *args: object, cwd: Path, user: int | None = None, **kw: object
) -> subprocess.CompletedProcess[str]:
    """Run the command line in a real process (as ``user``, when given)."""
    argv = [sys.executable, "-m", "govspeech", *map(str, args)]
    if user is not None:
        argv = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *argv]
    if "stdout" not in kw and "stderr" not in kw:
        kw["capture_output"] = True
    return subprocess.run(argv, cwd=cwd, text=True, timeout=60, check=False, **kw)  # type: ignore[call-overload, no-any-return]


def one_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def speech(tmp_path: Path) -> Path:
    path = tmp_path / "讲话.txt"
    path.write_text(SPEECH, encoding="utf-8")
    return path


@pytest.fixture
def mixed(tmp_path: Path, capsys) -> Path:  # type: ignore[no-untyped-def]
    """A folder of a text file, a Word file and a web page, all with fixable markers."""
    folder = tmp_path / "讲话稿"
    folder.mkdir()
    source = tmp_path / "src.txt"
    source.write_text(SPEECH, encoding="utf-8")
    (folder / "甲.txt").write_text(SPEECH, encoding="utf-8")
    for suffix in (".docx", ".html"):
        code, _, err = cli(capsys, "export", source, "-o", folder / f"乙{suffix}")
        assert code == 0, err
    source.unlink()
    return folder


# --- fix never writes text over a Word file or a web page -----------------------------------


def test_fix_in_place_on_a_mixed_folder_fixes_the_text_files_only(capsys, mixed):
    """The README's ``govspeech fix --in-place 讲话稿/`` on .txt, .docx and .html."""
    before = snapshot(mixed)
    code, out, err = cli(capsys, "fix", "--in-place", mixed)
    assert code == 0, err
    assert changed(before, snapshot(mixed)) == {"甲.txt"}
    assert (mixed / "甲.txt").read_text(encoding="utf-8") == FIXED
    assert out == ""
    skipped = [line for line in err.splitlines() if line.startswith("warning:")]
    assert len(skipped) == 2 and "乙.docx" in skipped[0] and "乙.html" in skipped[1]
    assert err.splitlines()[-1] == "Fixed 2 markers in 1 file."


@pytest.mark.parametrize("suffix", [".docx", ".html"])
def test_fix_in_place_refuses_a_named_word_file_or_page(capsys, mixed, suffix):
    before = snapshot(mixed)
    code, out, err = cli(capsys, "fix", "--in-place", mixed / "甲.txt", mixed / f"乙{suffix}")
    assert code == 2 and out == ""
    assert "would replace it with plain text" in one_error(err)
    assert changed(before, snapshot(mixed)) == set()  # not even the text file: nothing touched


@pytest.mark.parametrize("target", ["y.docx", "y.html", "y.HTM"])
def test_fix_refuses_an_output_named_like_a_word_file_or_page(capsys, mixed, target):
    before = snapshot(mixed.parent)
    code, _, err = cli(capsys, "fix", mixed / "乙.docx", "-o", mixed.parent / target)
    assert code == 2 and "fix writes text" in one_error(err)
    assert changed(before, snapshot(mixed.parent)) == set()


def test_fix_of_a_word_file_writes_its_fixed_text(capsys, mixed, tmp_path):
    code, _, err = cli(capsys, "fix", mixed / "乙.docx", "-o", tmp_path / "out.txt")
    assert code == 0, err
    text = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert "三是狠抓落实" in text and "五是强化保障" in text


# --- fix --in-place: links, owner, mode, encodings, failures --------------------------------


def test_in_place_through_a_symlink_fixes_the_file_and_keeps_the_link(capsys, speech, tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to(speech.name)
    before = snapshot(tmp_path)
    code, _, err = cli(capsys, "fix", "--in-place", link)
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == speech.name
    assert speech.read_text(encoding="utf-8") == FIXED
    assert changed(before, snapshot(tmp_path)) == {speech.name}


def test_in_place_keeps_hard_links_inode_and_mode(capsys, speech, tmp_path):
    other = tmp_path / "副本.txt"
    os.link(speech, other)
    speech.chmod(0o640)
    inode = speech.stat().st_ino
    code, _, err = cli(capsys, "fix", "--in-place", speech)
    assert code == 0, err
    assert other.read_text(encoding="utf-8") == FIXED  # the other name sees the fix
    for path in (speech, other):
        st = path.stat()
        assert (st.st_ino, st.st_nlink, stat.S_IMODE(st.st_mode)) == (inode, 2, 0o640)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["副本.txt", "讲话.txt"]


@pytest.mark.skipif(not ROOT, reason="only root can give a file to another user")
def test_in_place_as_root_keeps_the_owner(capsys, speech):
    os.chown(speech, NOBODY, NOBODY)
    speech.chmod(0o604)
    code, _, err = cli(capsys, "fix", "--in-place", speech)
    assert code == 0, err
    st = speech.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (NOBODY, NOBODY, 0o604)
    assert speech.read_text(encoding="utf-8") == FIXED


@pytest.mark.skipif(not ROOT, reason="only root can give a file to another user")
def test_output_replacing_a_file_keeps_its_owner_group_and_mode(capsys, speech, tmp_path):
    target = tmp_path / "提纲.txt"
    target.write_text("旧提纲\n", encoding="utf-8")
    os.chown(target, NOBODY, NOBODY)
    target.chmod(0o640)
    code, _, err = cli(capsys, "outline", speech, "-o", target)
    assert code == 0, err
    st = target.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (NOBODY, NOBODY, 0o640)
    assert target.read_text(encoding="utf-8").startswith("在全县工作会议上的讲话\n")


BIG5_SPEECH = "在全縣工作會議上的講話\n一、統一思想\n二是加強領導。\n二是狠抓落實。\n十、最後\n"


def test_in_place_refuses_an_encoding_that_does_not_round_trip(capsys, tmp_path):
    """Big5 A1FE decodes to a character that encodes to other bytes: writing would change it."""
    path = tmp_path / "b5.txt"
    path.write_bytes(BIG5_SPEECH.encode("big5") + b"\xa1\xfe\n")
    assert b"\xa1\xfe".decode("big5").encode("big5") != b"\xa1\xfe"
    before = snapshot(tmp_path)
    code, _, err = cli(capsys, "fix", "--in-place", path)
    assert code == 2 and "does not give back this file's bytes" in one_error(err)
    assert err.splitlines()[-1] == "Fixed 0 markers in 0 files."
    code, _, err = cli(capsys, "fix", path, "-o", tmp_path / "out.txt")
    assert code == 2 and "does not give back" in one_error(err)
    assert changed(before, snapshot(tmp_path)) == set()


def test_in_place_big5_changes_only_marker_bytes(capsys, tmp_path):
    path = tmp_path / "b5.txt"
    original = BIG5_SPEECH.encode("big5")
    path.write_bytes(original)
    code, _, err = cli(capsys, "fix", "--in-place", path)
    assert code == 0, err
    new = path.read_bytes()
    assert new == BIG5_SPEECH.replace("二是狠抓", "三是狠抓").encode("big5")
    assert len(new) == len(original)
    diff = [i for i, (a, b) in enumerate(zip(original, new, strict=True)) if a != b]
    assert diff and max(diff) - min(diff) < 2  # one character: the marker's numeral


def test_a_failed_write_is_one_line_and_not_counted(capsys, speech, monkeypatch):
    import govspeech.output

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(govspeech.output.os, "replace", full)
    before = snapshot(speech.parent)
    code, _, err = cli(capsys, "fix", "--in-place", speech)
    assert code == 2 and "no space left on device" in one_error(err)
    assert err.splitlines()[-1] == "Fixed 0 markers in 0 files."
    assert changed(before, snapshot(speech.parent)) == set()  # no temporary file left either


def test_in_place_refuses_a_file_changed_since_it_was_read(capsys, speech, monkeypatch):
    import govspeech_plugins.check.fix as fix

    real = fix.read_bytes

    def edited_meanwhile(path: str) -> bytes:
        data = real(path)
        Path(path).write_text(SPEECH + "五、新增\n", encoding="utf-8")  # someone saved the file
        return data

    monkeypatch.setattr(fix, "read_bytes", edited_meanwhile)
    code, _, err = cli(capsys, "fix", "--in-place", speech)
    assert code == 2 and "changed while it was being fixed" in one_error(err)
    assert speech.read_text(encoding="utf-8") == SPEECH + "五、新增\n"


# --- -o: devices, FIFOs, links, the inputs themselves, standard output ----------------------


def _device(folder: Path, name: str, minor: int) -> Path:
    """A character device made in ``folder``: 1,3 is null and 1,7 is full on Linux."""
    path = folder / name
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    return path


needs_mknod = pytest.mark.skipif(
    not ROOT or not sys.platform.startswith("linux"), reason="mknod of a device needs root on Linux"
)


@needs_mknod
def test_output_to_a_device_writes_into_it_and_keeps_it(capsys, speech, tmp_path):
    null = _device(tmp_path, "null", 3)
    before = snapshot(tmp_path)
    code, _, err = cli(capsys, "outline", speech, "-o", null)
    assert code == 0, err
    assert changed(before, snapshot(tmp_path)) == set()  # still the same device node
    assert stat.S_ISCHR(os.stat(null).st_mode)


@needs_mknod
def test_a_full_device_is_one_line_exit_2(capsys, speech, tmp_path):
    full = _device(tmp_path, "full", 7)
    before = snapshot(tmp_path)
    code, _, err = cli(capsys, "outline", speech, "-o", full)
    assert code == 2 and one_error(err) == f"error: {full}: cannot write: no space left on device"
    assert changed(before, snapshot(tmp_path)) == set()
    with open(full, "w") as stdout:  # standard output on a full device
        done = proc("outline", speech, cwd=tmp_path, stdout=stdout, stderr=subprocess.PIPE)
    assert done.returncode == 2
    assert one_error(done.stderr) == "error: standard output: cannot write: no space left on device"


def test_output_to_a_fifo_writes_into_it(speech, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    done = proc("outline", speech, "-o", fifo, cwd=tmp_path)
    reader.join(timeout=10)
    if reader.is_alive():  # nothing was written into the FIFO: let the reader go
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert done.returncode == 0, done.stderr
    assert got and got[0].decode("utf-8").startswith("在全县工作会议上的讲话\n  一、统一思想")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_output_onto_a_socket_is_one_line_and_keeps_it(capsys, speech, tmp_path):
    import socket

    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        before = snapshot(tmp_path)
        code, _, err = cli(capsys, "outline", speech, "-o", path)
    finally:
        server.close()
    assert code == 2 and one_error(err) == f"error: {path}: cannot write: no such device or address"
    assert changed(before, snapshot(tmp_path)) == set()


def test_a_fifo_without_reader_can_still_be_stopped(speech, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    child = subprocess.Popen(
        [sys.executable, "-m", "govspeech", "outline", str(speech), "-o", str(fifo)],
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1)  # it is waiting for a reader now
    child.terminate()
    try:
        _, err = child.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        pytest.fail("SIGTERM did not stop a run waiting for a FIFO's reader")
    assert child.returncode == 143 and one_error(err) == "error: stopped by SIGTERM"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_output_through_a_symlink_replaces_the_target_and_keeps_the_link(capsys, speech, tmp_path):
    old = tmp_path / "提纲.txt"
    old.write_text("旧提纲\n", encoding="utf-8")
    link = tmp_path / "提纲-link.txt"
    link.symlink_to(old.name)
    code, _, err = cli(capsys, "outline", speech, "-o", link)
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == old.name
    assert old.read_text(encoding="utf-8").startswith("在全县工作会议上的讲话\n")


def test_output_through_a_symlink_to_standard_output(speech, tmp_path):
    link = tmp_path / "so"
    link.symlink_to("/proc/self/fd/1")
    done = proc("outline", speech, "-o", link, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("在全县工作会议上的讲话\n")
    assert link.is_symlink()


def test_dash_is_standard_output(capsys, speech, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # where a file named "-" would appear
    before = snapshot(tmp_path)
    code, out, err = cli(capsys, "outline", speech, "-o", "-")
    assert code == 0, err
    assert out.startswith("在全县工作会议上的讲话\n") and not Path("-").exists()
    assert changed(before, snapshot(tmp_path)) == set()


def test_closed_standard_output_is_one_line(speech, tmp_path):
    # The shell's ``>&-``: the command starts with file descriptor 1 closed.
    done = proc(
        "outline", speech, cwd=tmp_path, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1)
    )
    assert done.returncode == 2
    assert one_error(done.stderr) == "error: standard output is closed; use -o FILE"


@pytest.mark.parametrize(
    "how",
    ["same path", "symlink", "hard link", "second input", "folder alias", "folder link to file"],
)
def test_an_output_that_is_an_input_is_refused(capsys, speech, tmp_path, how):
    other = tmp_path / "二.txt"
    other.write_text(SPEECH, encoding="utf-8")
    inputs: list[Path] = [speech]
    if how == "same path":
        target = str(speech)
    elif how == "symlink":
        (tmp_path / "l.txt").symlink_to(speech.name)
        target = str(tmp_path / "l.txt")
    elif how == "hard link":
        os.link(speech, tmp_path / "h.txt")
        target = str(tmp_path / "h.txt")
    elif how == "second input":
        inputs, target = [speech, other], str(other)
    elif how == "folder alias":  # ln -s . alias; govspeech outline 讲话.txt -o alias/
        (tmp_path / "alias").symlink_to(".")
        target = str(tmp_path / "alias") + "/"
    else:  # -o folder/ whose file for 讲话.txt would be 讲话.txt itself
        target = str(tmp_path) + "/"
    before = snapshot(tmp_path)
    code, out, err = cli(capsys, "outline", *inputs, "-o", target)
    assert code == 2 and out == ""
    assert "the output would overwrite" in one_error(err)
    assert changed(before, snapshot(tmp_path)) == set()


@pytest.mark.parametrize("sig", ["SIGHUP", "SIGQUIT", "SIGUSR1", "SIGTERM", "SIGINT"])
def test_a_signal_leaves_the_old_output_and_no_temporary_file(tmp_path, sig):
    big = tmp_path / "big.txt"
    big.write_text(CORPUS_FILE.read_text(encoding="utf-8") * 20, encoding="utf-8")
    target = tmp_path / "out.json"
    target.write_text("旧\n", encoding="utf-8")
    before = snapshot(tmp_path)
    child = subprocess.Popen(
        [sys.executable, "-m", "govspeech", "export", *[str(big)] * 6, "-o", str(target)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        # A test runner's worker may ignore SIGINT, and children inherit that: undo it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob(".out.json.*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.005)
    child.send_signal(getattr(signal, sig))
    _, err = child.communicate(timeout=30)
    number = getattr(signal, sig).value
    assert child.returncode == 128 + number, err
    assert one_error(err) in (f"error: stopped by {sig}", "error: interrupted")
    assert changed(before, snapshot(tmp_path)) == set()


# --- as an unprivileged user ---------------------------------------------------------------


def _nobody_can_run() -> str | None:
    if not ROOT or shutil.which("setpriv") is None:
        return "needs root and setpriv to run a command as nobody"
    probe = subprocess.run(
        ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
         sys.executable, "-c", "import govspeech, govspeech_plugins.check.fix"],
        capture_output=True, text=True, check=False, cwd="/",
    )  # fmt: skip
    return None if probe.returncode == 0 else f"nobody cannot import govspeech here: {probe.stderr}"


@pytest.fixture
def shared_dir():  # type: ignore[no-untyped-def]
    """A folder that both root and nobody may use (pytest's own tmp_path is root's alone)."""
    reason = _nobody_can_run()
    if reason:
        pytest.skip(reason)
    folder = Path(tempfile.mkdtemp(prefix="govspeech-safety-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        shutil.rmtree(folder)


def _owned(path: Path, text: str, mode: int, owner: int = NOBODY) -> Path:
    path.write_text(text, encoding="utf-8")
    os.chown(path, owner, owner)
    path.chmod(mode)
    return path


def test_as_nobody_in_place_keeps_the_file_and_refuses_what_it_may_not_write(shared_dir):
    mine = _owned(shared_dir / "mine.txt", SPEECH, 0o644)
    readonly = _owned(shared_dir / "ro.txt", SPEECH, 0o444)
    roots = _owned(shared_dir / "roots.txt", SPEECH, 0o644, owner=0)
    before = snapshot(shared_dir)
    done = proc("fix", "--in-place", mine, cwd=shared_dir, user=NOBODY)
    assert done.returncode == 0, done.stderr
    assert mine.read_text(encoding="utf-8") == FIXED
    assert changed(before, snapshot(shared_dir)) == {"mine.txt"}
    st = mine.stat()
    assert (st.st_uid, stat.S_IMODE(st.st_mode)) == (NOBODY, 0o644)
    for path in (readonly, roots):
        before = snapshot(shared_dir)
        done = proc("fix", "--in-place", path, cwd=shared_dir, user=NOBODY)
        assert done.returncode == 2 and "permission denied" in one_error(done.stderr)
        assert done.stderr.splitlines()[-1] == "Fixed 0 markers in 0 files."
        assert changed(before, snapshot(shared_dir)) == set()


def test_as_nobody_a_group_writable_file_keeps_its_owner(shared_dir):
    """A file nobody may write but does not own: rewritten through its inode, owner kept."""
    theirs = _owned(shared_dir / "theirs.txt", SPEECH, 0o666, owner=0)
    inode = theirs.stat().st_ino
    done = proc("fix", "--in-place", theirs, cwd=shared_dir, user=NOBODY)
    assert done.returncode == 0, done.stderr
    st = theirs.stat()
    assert (st.st_ino, st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (inode, 0, 0, 0o666)
    assert theirs.read_text(encoding="utf-8") == FIXED
    assert sorted(p.name for p in shared_dir.iterdir()) == ["theirs.txt"]


def test_as_nobody_a_file_in_a_read_only_folder(shared_dir):
    folder = shared_dir / "只读"
    folder.mkdir()
    path = _owned(folder / "讲话.txt", SPEECH, 0o644)
    os.chown(folder, NOBODY, NOBODY)
    folder.chmod(0o555)
    done = proc("fix", "--in-place", path, cwd=shared_dir, user=NOBODY)
    assert done.returncode == 0, done.stderr
    assert path.read_text(encoding="utf-8") == FIXED
    assert [p.name for p in folder.iterdir()] == ["讲话.txt"]
    before = snapshot(shared_dir)
    done = proc("outline", path, "-o", folder / "提纲.txt", cwd=shared_dir, user=NOBODY)
    assert done.returncode == 2 and "permission denied on folder" in one_error(done.stderr)
    assert changed(before, snapshot(shared_dir)) == set()
    folder.chmod(0o755)
