"""Colour for ``check``'s findings and ``fix --diff``: ANSI SGR codes, nothing else.

Imported only when the run colours (``--color always``, or ``auto`` on a terminal without
``NO_COLOR``); without colour both commands write exactly what they always wrote. Every
coloured line ends with a reset before its line ending, so ``less -R`` and ``grep`` see whole
lines.

In a diff, a removed line and the added line that replaces it are compared character by
character (Chinese has no spaces to cut words at): the characters that changed are shown in
reverse video on top of the line's red or green, so that ``二是`` → ``三是`` stands out in a
line of 300 characters. Runs of changes separated by a single unchanged character are shown
as one run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from govspeech_plugins.check.rules import Finding

__all__ = ["changed_spans", "color_diff", "finding_line", "paint"]

RESET = "\x1b[0m"
#: SGR codes per role.
STYLES = {
    "path": "\x1b[1m",  # bold
    "code": "\x1b[1;31m",  # bold red
    "fixable": "\x1b[36m",  # cyan
    "header": "\x1b[1m",  # --- a/… +++ b/…
    "hunk": "\x1b[36m",  # @@ -1,3 +1,3 @@
    "removed": "\x1b[31m",
    "added": "\x1b[32m",
}
#: Reverse video on and off, for the changed characters inside a changed line.
HIGHLIGHT, HIGHLIGHT_OFF = "\x1b[7m", "\x1b[27m"

#: Unchanged runs shorter than this between two changes are highlighted with them.
MIN_UNCHANGED = 2
#: Beyond this many characters (both sides, after the common start and end are set aside)
#: the middle of a pair of lines is highlighted whole, not compared: comparing is quadratic
#: at worst, and a diff must not hang on a 200 KB line.
COMPARE_LIMIT = 4000


def paint(text: str, role: str) -> str:
    """``text`` in the colour of ``role`` (a key of `STYLES`)."""
    return f"{STYLES[role]}{text}{RESET}"


def finding_line(finding: Finding) -> str:
    """`Finding.render` in colour: the path bold, the code bold red, ``[*]`` cyan."""
    mark = " " + paint("[*]", "fixable") if finding.fix == "safe" else ""
    where = f"{paint(finding.path, 'path')}:{finding.line}:{finding.column}:"
    return f"{where} {paint(finding.code, 'code')}{mark} {finding.message}"


def changed_spans(old: str, new: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The (start, end) runs of characters that differ between two lines, in each line.

    The common start and end are set aside first (in linear time); the rest is compared with
    `difflib.SequenceMatcher` at character level, and changes closer than `MIN_UNCHANGED`
    characters are joined into one run.

    >>> changed_spans("一是抓落实。二是抓落实。", "一是抓落实。三是抓落实。")
    ([(6, 7)], [(6, 7)])
    >>> changed_spans("（一）、总体要求", "（一）总体要求")
    ([(3, 4)], [])
    """
    limit = min(len(old), len(new))
    head = 0
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    a, b = old[head : len(old) - tail], new[head : len(new) - tail]
    if not a or not b or len(a) + len(b) > COMPARE_LIMIT:
        return _span(head, len(a)), _span(head, len(b))
    import difflib  # only here: a diff in colour is the only user

    ours: list[tuple[int, int]] = []
    theirs: list[tuple[int, int]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        _add(ours, head + i1, head + i2)
        _add(theirs, head + j1, head + j2)
    return ours, theirs


def _span(start: int, length: int) -> list[tuple[int, int]]:
    return [(start, start + length)] if length else []


def _add(spans: list[tuple[int, int]], start: int, end: int) -> None:
    """Append a run, joined to the one before when only a few characters lie between."""
    if start == end:
        return
    if spans and start - spans[-1][1] < MIN_UNCHANGED:
        spans[-1] = (spans[-1][0], end)
    else:
        spans.append((start, end))


def _split_end(line: str) -> tuple[str, str]:
    body = line.rstrip("\r\n")
    return body, line[len(body) :]


def _line(prefix: str, body: str, role: str, spans: list[tuple[int, int]]) -> str:
    """One diff line: its prefix and text in ``role``'s colour, ``spans`` highlighted."""
    parts = [STYLES[role], prefix]
    done = 0
    for start, end in spans:
        parts += [body[done:start], HIGHLIGHT, body[start:end], HIGHLIGHT_OFF]
        done = end
    parts += [body[done:], RESET]
    return "".join(parts)


def _pair(removed: list[str], added: list[str]) -> Iterator[str]:
    """A run of removed lines and the added lines after it; highlighted line by line when
    they are as many (fix changes markers, never the number of lines)."""
    olds = [_split_end(line[1:]) for line in removed]
    news = [_split_end(line[1:]) for line in added]
    none: list[tuple[int, int]] = []
    spans = [(none, none)] * max(len(olds), len(news))
    if len(olds) == len(news):
        spans = [changed_spans(old, new) for (old, _), (new, _) in zip(olds, news, strict=True)]
    for (body, end), (ours, _) in zip(olds, spans, strict=False):
        yield _line("-", body, "removed", ours) + end
    for (body, end), (_, theirs) in zip(news, spans, strict=False):
        yield _line("+", body, "added", theirs) + end


def color_diff(lines: Iterable[str]) -> Iterator[str]:
    """The lines of one unified diff (`difflib.unified_diff`), coloured. A line without a
    line ending (the file's last) stays without one, as in the plain diff."""
    removed: list[str] = []
    added: list[str] = []
    in_hunk = False
    for line in lines:
        if in_hunk and line.startswith("-") and not added:
            removed.append(line)
            continue
        if in_hunk and line.startswith("+"):
            added.append(line)
            continue
        if removed or added:
            yield from _pair(removed, added)
            removed, added = [], []
        if in_hunk and line.startswith("-"):  # a removal right after additions
            removed.append(line)
            continue
        body, end = _split_end(line)
        if line.startswith("@@"):
            in_hunk = True
            yield paint(body, "hunk") + end
        elif not in_hunk:
            yield paint(body, "header") + end
        else:
            yield line
    if removed or added:
        yield from _pair(removed, added)
