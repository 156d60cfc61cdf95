"""The message catalogs: find the translatable strings in the code, keep the .po in step with
them, compile the .po into the .mo shipped in the package, and check all of it.

    python scripts/catalog.py update    # add new messages to the .po (empty), drop unused ones
    python scripts/catalog.py compile   # write the .mo from the .po (after editing the .po)
    python scripts/catalog.py check     # what tests/test_i18n.py checks; exit 1 on a problem

The .po (``src/govspeech/locale/zh_CN/LC_MESSAGES/govspeech.po``) is the source, edited and
reviewed by hand; the .mo next to it is compiled from it with `compile_mo` (the standard
library has no msgfmt, and the format is simple) and must be its exact compilation. The
translatable strings are the literal arguments of calls of ``_``, ``N_``, ``gettext`` and
``ngettext`` in ``src/`` (see `govspeech.i18n`).
"""

from __future__ import annotations

import argparse
import array
import ast
import re
import string
import struct
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "src" / "govspeech", ROOT / "src" / "govspeech_plugins")
LOCALE = ROOT / "src" / "govspeech" / "locale"
DOMAIN = "govspeech"
#: The languages with a catalog, and the header of a new one.
LANGUAGES = {"zh_CN": "nplurals=1; plural=0;"}
KEYWORDS = {"_": 1, "N_": 1, "gettext": 1, "ngettext": 2}
_MARKED = re.compile(r"(?<![\w.])(?:_|N_|gettext|ngettext)\(")


@dataclass
class Entry:
    """One message of a .po file."""

    msgid: str
    msgid_plural: str | None = None
    #: one string, or one per plural form
    msgstr: list[str] = field(default_factory=lambda: [""])
    #: translator comments (``# …``), kept as written
    comments: list[str] = field(default_factory=list)
    #: where the message is used (``#: path``)
    references: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    @property
    def translated(self) -> bool:
        return all(self.msgstr) and "fuzzy" not in self.flags


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


# ---------------------------------------------------------------- extraction


def _python_files() -> list[Path]:
    return sorted(p for root in SOURCES for p in root.rglob("*.py"))


def extract(files: Iterable[Path] | None = None) -> tuple[list[Entry], list[str]]:
    """The messages the code marks, in order of first use, and the problems found (a call
    with an f-string or another non-literal where the message should be)."""
    found: dict[str, Entry] = {}
    problems: list[str] = []
    for path in _python_files() if files is None else files:
        rel = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
        text = path.read_text(encoding="utf-8")
        if not _MARKED.search(text):
            continue  # most modules have no message: not worth parsing
        tree = ast.parse(text, str(path))
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
        for node in sorted(calls, key=lambda n: (n.lineno, n.col_offset)):
            if not isinstance(node.func, ast.Name):
                continue
            count = KEYWORDS.get(node.func.id)
            if count is None or len(node.args) < count:
                continue
            args = node.args[:count]
            if any(isinstance(a, ast.JoinedStr) for a in args):
                problems.append(f"{rel}:{node.lineno}: {node.func.id}() of an f-string")
                continue
            if not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args):
                continue  # translating a variable: the string is marked where it is written
            texts = [a.value for a in args if isinstance(a, ast.Constant)]
            msgid, plural = texts[0], (texts[1] if count == 2 else None)
            entry = found.get(msgid)
            if entry is None:
                entry = found[msgid] = Entry(msgid, plural)
            elif entry.msgid_plural != plural:
                problems.append(f"{rel}:{node.lineno}: {msgid!r} used with two plural forms")
            if rel not in entry.references:
                entry.references.append(rel)
    return list(found.values()), problems


# ---------------------------------------------------------------- .po files


def _unquote(text: str, where: str) -> str:
    if not (len(text) >= 2 and text[0] == '"' and text[-1] == '"'):
        raise ValueError(f"{where}: expected a quoted string, got {text!r}")
    body = text[1:-1]
    out: list[str] = []
    i = 0
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
    while i < len(body):
        c = body[i]
        if c == "\\":
            if i + 1 >= len(body) or body[i + 1] not in escapes:
                raise ValueError(f"{where}: bad escape in {text!r}")
            out.append(escapes[body[i + 1]])
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _quote(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    )
    return '"' + escaped.replace("\n", "\\n") + '"'


def read_po(path: Path) -> tuple[Entry, list[Entry]]:
    """The header entry (msgid "") and the messages of a .po file."""
    entries: list[Entry] = []
    current: Entry | None = None
    pending_comments: list[str] = []
    pending_refs: list[str] = []
    pending_flags: list[str] = []
    target: tuple[str, int] | None = None  # ("msgid" | "msgid_plural" | "msgstr", index)

    def flush() -> None:
        nonlocal current
        if current is not None:
            entries.append(current)
        current = None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path}:{number}"
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if current is not None and target is not None and target[0] == "msgstr":
                flush()
                target = None
            if line.startswith("#:"):
                pending_refs.extend(line[2:].split())
            elif line.startswith("#,"):
                pending_flags.extend(f.strip() for f in line[2:].split(",") if f.strip())
            elif line.startswith("#~"):
                continue  # obsolete entries are not kept
            else:
                pending_comments.append(raw)
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            if current is None or target is None:
                raise ValueError(f"{where}: a continued string outside an entry")
            text = _unquote(line, where)
            if target[0] == "msgid":
                current.msgid += text
            elif target[0] == "msgid_plural":
                current.msgid_plural = (current.msgid_plural or "") + text
            else:
                current.msgstr[target[1]] += text
            continue
        if keyword == "msgid":
            flush()
            current = Entry(_unquote(rest.strip(), where), msgstr=[])
            current.comments, current.references, current.flags = (
                pending_comments,
                pending_refs,
                pending_flags,
            )
            pending_comments, pending_refs, pending_flags = [], [], []
            target = ("msgid", 0)
        elif keyword == "msgid_plural" and current is not None:
            current.msgid_plural = _unquote(rest.strip(), where)
            target = ("msgid_plural", 0)
        elif keyword == "msgstr" and current is not None:
            current.msgstr = [_unquote(rest.strip(), where)]
            target = ("msgstr", 0)
        elif (m := re.fullmatch(r"msgstr\[(\d+)\]", keyword)) and current is not None:
            index = int(m.group(1))
            if index != len(current.msgstr):
                raise ValueError(f"{where}: msgstr[{index}] out of order")
            current.msgstr.append(_unquote(rest.strip(), where))
            target = ("msgstr", index)
        else:
            raise ValueError(f"{where}: cannot read {raw!r}")
    flush()
    if not entries or entries[0].msgid != "":
        raise ValueError(f'{path}: the first entry must be the header (msgid "")')
    for entry in entries:
        if not entry.msgstr:
            raise ValueError(f"{path}: {entry.msgid!r} has no msgstr")
    return entries[0], entries[1:]


def _lines(keyword: str, text: str) -> list[str]:
    """``keyword "text"``; a text with line breaks one line per line, after ``keyword ""``."""
    if "\n" not in text.rstrip("\n"):
        return [f"{keyword} {_quote(text)}"]
    pieces = text.splitlines(keepends=True)
    return [f'{keyword} ""', *(_quote(p) for p in pieces)]


def format_po(header: Entry, entries: list[Entry]) -> str:
    out: list[str] = [*header.comments]
    out += _lines("msgid", "")
    out += _lines("msgstr", header.msgstr[0])
    for entry in entries:
        out.append("")
        out += entry.comments
        out += [f"#: {ref}" for ref in entry.references]
        if entry.flags:
            out.append("#, " + ", ".join(entry.flags))
        out += _lines("msgid", entry.msgid)
        if entry.msgid_plural is None:
            out += _lines("msgstr", entry.msgstr[0])
        else:
            out += _lines("msgid_plural", entry.msgid_plural)
            for k, text in enumerate(entry.msgstr):
                out += _lines(f"msgstr[{k}]", text)
    return "\n".join(out) + "\n"


def _new_header(language: str) -> Entry:
    meta = (
        "Project-Id-Version: govspeech\n"
        f"Language: {language}\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        f"Plural-Forms: {LANGUAGES[language]}\n"
    )
    comments = [
        f"# The {language} messages of govspeech. Edit the msgstr lines, then run",
        "# python scripts/catalog.py compile (tests/test_i18n.py checks the .mo is current).",
    ]
    return Entry("", msgstr=[meta], comments=comments)


def _nplurals(header: Entry) -> int:
    m = re.search(r"nplurals\s*=\s*(\d+)", header.msgstr[0])
    return int(m.group(1)) if m else 2


def merge(header: Entry, old: list[Entry], new: list[Entry]) -> tuple[list[Entry], list[str]]:
    """The code's messages with the translations (and comments) the .po had; the msgids
    dropped because the code no longer uses them."""
    known = {e.msgid: e for e in old}
    forms = _nplurals(header)
    merged: list[Entry] = []
    for entry in new:
        before = known.get(entry.msgid)
        size = 1 if entry.msgid_plural is None else forms
        msgstr = [""] * size
        comments: list[str] = []
        flags: list[str] = []
        if before is not None:
            comments, flags = before.comments, before.flags
            if len(before.msgstr) == size:
                msgstr = before.msgstr
        merged.append(
            Entry(entry.msgid, entry.msgid_plural, msgstr, comments, entry.references, flags)
        )
    used = {e.msgid for e in new}
    return merged, [e.msgid for e in old if e.msgid not in used]


# ---------------------------------------------------------------- .mo files


def compile_mo(header: Entry, entries: list[Entry]) -> bytes:
    """The GNU .mo file of these messages (little-endian, no hash table), as msgfmt writes
    it: the translated, non-fuzzy entries and the header, sorted by msgid."""
    table: dict[bytes, bytes] = {b"": header.msgstr[0].encode("utf-8")}
    for entry in entries:
        if not entry.translated:
            continue
        key = entry.msgid
        if entry.msgid_plural is not None:
            key += "\0" + entry.msgid_plural
        table[key.encode("utf-8")] = "\0".join(entry.msgstr).encode("utf-8")
    keys = sorted(table)
    ids = strs = b""
    spans: list[tuple[int, int, int, int]] = []
    for key in keys:
        spans.append((len(ids), len(key), len(strs), len(table[key])))
        ids += key + b"\0"
        strs += table[key] + b"\0"
    key_start = 7 * 4 + 16 * len(keys)
    value_start = key_start + len(ids)
    key_offsets: list[int] = []
    value_offsets: list[int] = []
    for id_at, id_len, str_at, str_len in spans:
        key_offsets += [id_len, id_at + key_start]
        value_offsets += [str_len, str_at + value_start]
    head = struct.pack("<Iiiiiii", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + len(keys) * 8, 0, 0)
    offsets = array.array("i", key_offsets + value_offsets)
    if sys.byteorder == "big":
        offsets.byteswap()
    return head + offsets.tobytes() + ids + strs


# ---------------------------------------------------------------- checks

_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?.", re.DOTALL)


def _fields(text: str) -> list[str]:
    """The ``{name}`` fields of a str.format template (with their format spec), each once (a
    translation may use one twice)."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        return ["<not a valid template>"]
    return sorted({f"{name}:{spec}!{conv}" for _, name, spec, conv in parsed if name is not None})


def placeholder_problems(entry: Entry) -> list[str]:
    """A translation must have the same ``{fields}`` and ``%`` directives as its msgid (or its
    plural): a help text is %-formatted by argparse, and a bare % would break ``--help``."""
    problems: list[str] = []
    sources = [entry.msgid] if entry.msgid_plural is None else [entry.msgid, entry.msgid_plural]
    for text in entry.msgstr:
        if not text:
            continue
        if all(_fields(text) != _fields(source) for source in sources):
            problems.append(f"{entry.msgid!r}: the {{fields}} of {text!r} differ from the msgid's")
        percent = sorted(_PERCENT.findall(text))
        if all(percent != sorted(_PERCENT.findall(source)) for source in sources):
            problems.append(f"{entry.msgid!r}: the % directives of {text!r} differ")
        if text.endswith("\n") != entry.msgid.endswith("\n"):
            problems.append(f"{entry.msgid!r}: the translation must end as the msgid does")
    return problems


def check(language: str, extracted: tuple[list[Entry], list[str]] | None = None) -> list[str]:
    """Everything wrong with the catalog of ``language``, one line each (none: all good);
    ``extracted`` is what `extract` gives, when it was called already."""
    messages, found = extract() if extracted is None else extracted
    problems = list(found)
    header, entries = read_po(po_path(language))
    in_po = {e.msgid: e for e in entries}
    for message in messages:
        entry = in_po.get(message.msgid)
        where = ", ".join(message.references)
        if entry is None:
            problems.append(f"{where}: {message.msgid!r} is not in {po_path(language).name}")
        elif not entry.translated:
            problems.append(f"{where}: {message.msgid!r} has no translation (or is fuzzy)")
        elif entry.msgid_plural != message.msgid_plural:
            problems.append(f"{where}: {message.msgid!r}: the plural differs from the code's")
    used = {m.msgid for m in messages}
    problems += [
        f"{e.msgid!r} is in the .po but not used by the code"
        for e in entries
        if e.msgid not in used
    ]
    for entry in entries:
        problems += placeholder_problems(entry)
    mo = mo_path(language)
    if not mo.is_file() or mo.read_bytes() != compile_mo(header, entries):
        problems.append(
            f"{mo.relative_to(ROOT)} is not the compiled .po: run scripts/catalog.py compile"
        )
    return problems


# ---------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("update", "compile", "check"))
    args = parser.parse_args(argv)
    status = 0
    for language in LANGUAGES:
        po = po_path(language)
        if args.action == "update":
            messages, problems = extract()
            if po.is_file():
                header, old = read_po(po)
            else:
                header, old = _new_header(language), []
            merged, dropped = merge(header, old, messages)
            po.parent.mkdir(parents=True, exist_ok=True)
            po.write_text(format_po(header, merged), encoding="utf-8")
            missing = sum(1 for e in merged if not e.translated)
            for msgid in dropped:
                print(f"{po.relative_to(ROOT)}: dropped {msgid!r} (no longer used)")
            print(f"{po.relative_to(ROOT)}: {len(merged)} messages, {missing} to translate")
            for problem in problems:
                print(problem, file=sys.stderr)
                status = 1
        elif args.action == "compile":
            header, entries = read_po(po)
            mo_path(language).write_bytes(compile_mo(header, entries))
            done = sum(e.translated for e in entries)
            print(f"{mo_path(language).relative_to(ROOT)}: {done} messages")
        else:
            problems = check(language)
            for problem in problems:
                print(problem, file=sys.stderr)
            if problems:
                status = 1
            else:
                print(f"{po.relative_to(ROOT)}: all messages translated, .mo up to date")
    return status


if __name__ == "__main__":
    sys.exit(main())
