"""The markers a check looks at: `Mark`, built from a heading or a paragraph's enumeration,
and what a fix would write for it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from attrs import define, field

from govspeech.nodes import Paragraph, Section
from govspeech.syntax.families import FAMILIES
from govspeech_plugins.check.markerform import Form, split_marker
from govspeech_plugins.check.rules.registry import FORM_FIXES, NUMBER_FIXES, UNSAFE_NUMBER_FIXES

if TYPE_CHECKING:
    from govspeech_plugins.check.rules.fixer import Fixer

__all__ = ["SPACE", "Mark", "inline_marks", "section_mark", "shown"]

#: white space the parser keeps around a heading's marker (not part of the marker)
SPACE = " \t\u3000"


@define
class Mark:
    """A marker in the text: a heading's or an enumeration's inside a paragraph."""

    style: str
    kind: str
    number: int | None
    marker: str  # verbatim, without surrounding white space
    start: int  # offset of the marker's first character
    line: int
    column: int
    form: Form
    title: str = ""
    same_line_title: bool = True
    #: what fix would write, by aspect: the renumbered number (number_fix_safe keeps the
    #: jumps GS101 reports), the repaired form
    number_fix: int | None = None
    number_fix_safe: int | None = None
    form_fix: Form | None = None
    codes: set[str] = field(factory=set)
    #: the number as written (二〇 in 二〇、), kept by a fix of the form alone
    numeral: str = ""
    #: the run renumbered with this mark: all of it or none of it is renumbered
    peers: tuple[Mark, ...] = field(default=(), repr=False, eq=False)
    fixer: Fixer | None = field(default=None, repr=False, eq=False)

    @property
    def end(self) -> int:
        """Offset after the marker's last character."""
        return self.start + len(self.marker)

    def rewritten(self, codes: Iterable[str]) -> str:
        """What fix writes for this marker with the fixes of ``codes`` (those found on it).

        The rewrite of the whole text is settled first (see `Fixer`): fixing the result
        again changes nothing, and a marker the grammar would not read back is left as it is.
        """
        if self.fixer is None:  # a mark on its own: its own rewrite, unchecked
            return self.written(*self.target(codes)) or self.marker
        return self.fixer.rewrites(codes).get(self.start, self.marker)

    def target(self, codes: Iterable[str]) -> tuple[int | None, Form]:
        """The number and form the fixes of ``codes`` give this mark, before they are checked."""
        chosen = set(codes) & self.codes
        number = self.number
        if chosen & NUMBER_FIXES and self.number_fix is not None:
            # Only an unsafe renumbering (GS101) closes the gaps; the safe one keeps them.
            number = self.number_fix if chosen & UNSAFE_NUMBER_FIXES else self.number_fix_safe
        form = self.form
        if chosen & FORM_FIXES and self.form_fix is not None:
            form = self.form_fix
        return number, form

    def written(self, number: int | None, form: Form) -> str | None:
        """The marker with ``number`` in ``form``; None when the script has no numeral for it.

        A fix of the form alone keeps the numeral as written (二〇. → 二〇、).
        """
        if number == self.number and form == self.form:
            return self.marker
        same = number == self.number and form.script == self.form.script
        try:
            return form.render(number, self.numeral if same else None)
        except ValueError:
            return None


def shown(form: Form, number: int | None, like: Mark | None = None) -> str:
    """``number`` in ``form`` for a message: with the numeral of ``like`` where its number and
    script stay, in digits where the script has no numeral (㊿ is the last circled one)."""
    keep = like is not None and like.number == number and like.form.script == form.script
    try:
        return form.render(number, like.numeral if keep and like is not None else None)
    except ValueError:
        return f"{form.prefix}{number}{form.suffix}"


def section_mark(sec: Section) -> Mark:
    """The mark of a section's heading."""
    head = sec.heading
    raw = head.marker
    lead = len(raw) - len(raw.lstrip(SPACE))
    marker = raw.strip(SPACE)
    form, numeral = split_marker(marker)
    start = head.marker_start + lead
    return Mark(
        sec.style,
        sec.kind,
        sec.number,
        marker,
        start,
        head.line,
        start - head.start + 1,
        form,
        sec.title,
        sec.title_line == head.line,
        numeral=numeral,
    )


#: The styles of 首先… 其次… 最后 (with or without the comma): words, no numbers to check.
SEQUENCE_STYLES = frozenset(f.style for f in FAMILIES.values() if f.script == "sequence")


def inline_marks(para: Paragraph) -> list[Mark]:
    """The marks of the enumeration items written inside a paragraph (一是…。二是…)."""
    marks = []
    for item in para.items:
        if item.style in SEQUENCE_STYLES:  # 首先… 最后: nothing to number
            continue
        form, numeral = split_marker(item.marker)
        marks.append(
            Mark(
                item.style,
                "enum",
                item.number,
                item.marker,
                item.start,
                item.line,
                item.column,
                form,
                numeral=numeral,
            )
        )
    return marks
