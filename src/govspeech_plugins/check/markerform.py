"""The anatomy of a marker the grammar accepted: what surrounds its number, and how to write it.

``（一）、`` is *prefix* ``（``, numeral ``一`` (Chinese script), *suffix* ``）、``. Keeping the
numeral apart lets the checker compare forms (``1.`` and ``1、`` are one number in two forms),
renumber (``二是`` → ``三是``) and rewrite a marker into the standard form without touching
anything else. The grammar decides *whether* a text is a marker; this module only takes apart
a marker it already accepted, the way `govspeech.syntax.numerals` reads its number.
"""

from __future__ import annotations

from attrs import frozen

from govspeech.syntax.families import BY_STYLE
from govspeech.syntax.numerals import int_to_chinese

__all__ = [
    "Form",
    "canonical_form",
    "int_to_chinese",
    "split_marker",
    "text_is_fullwidth",
    "width_balance",
]

_CN_NUMERALS = frozenset("〇零一二两三四五六七八九十百千")
_FULLWIDTH = "（）［］，。：；！？"
_HALFWIDTH = "()[],.:;!?"
_TO_HALFWIDTH = str.maketrans(_FULLWIDTH, _HALFWIDTH)
_CIRCLED = {
    "circled": [chr(0x2460 + k) for k in range(20)]
    + [chr(0x3251 + k) for k in range(15)]
    + [chr(0x32B1 + k) for k in range(15)],  # ①…⑳ ㉑…㉟ ㊱…㊿
    "paren_digit": [chr(0x2474 + k) for k in range(20)],  # ⑴…⒇
    "digit_stop": [chr(0x2488 + k) for k in range(20)],  # ⒈…⒛
    "paren_ideograph": [chr(0x3220 + k) for k in range(10)],  # ㈠…㈩
}


@frozen
class Form:
    """A marker without its number: what comes before and after it, and the numeral script.

    ``script`` is ``"chinese"`` (一), ``"ascii"`` (1), ``"fullwidth"`` (１), ``"circled"``
    (①), ``"paren_digit"`` (⑴), ``"digit_stop"`` (⒈), ``"paren_ideograph"`` (㈠) or ``"none"``
    (—— and 最后, which carry no number).
    """

    prefix: str
    script: str
    suffix: str

    def numeral(self, number: int) -> str | None:
        """``number`` in this form's script; None where the script has none (0 or 51 in
        circled digits, a negative number)."""
        if number < 0:
            return None
        if self.script == "chinese":
            return int_to_chinese(number)
        if self.script == "ascii":
            return str(number)
        if self.script == "fullwidth":
            return "".join(chr(ord(d) - ord("0") + ord("０")) for d in str(number))
        table = _CIRCLED.get(self.script)
        if table is None or not 1 <= number <= len(table):
            return None
        return table[number - 1]

    def render(self, number: int | None, numeral: str | None = None) -> str:
        """The marker with ``number`` written in this form, or with ``numeral`` as given (a
        form fix keeps the number as it was written: 二〇、 stays 二〇, not 二十).

        Raises ValueError when the script has no numeral for ``number``.
        """
        if number is None or self.script == "none":
            return self.prefix + self.suffix
        if numeral is None:
            numeral = self.numeral(number)
        if numeral is None:
            raise ValueError(f"no {self.script} numeral for {number}")
        return self.prefix + numeral + self.suffix


def _script(ch: str) -> str | None:
    if ch in _CN_NUMERALS:
        return "chinese"
    if "0" <= ch <= "9":
        return "ascii"
    if "０" <= ch <= "９":
        return "fullwidth"
    for script, table in _CIRCLED.items():
        if ch in table:
            return script
    return None


def split_marker(marker: str) -> tuple[Form, str]:
    """The marker's form and its numeral as written (``""`` when it has none).

    White space around the marker is not part of it; inside it (``（ 一 ）``) it is kept in
    the form, so a form with spaces differs from the standard one.
    """
    text = marker.strip(" \t\u3000")
    start = next((i for i, ch in enumerate(text) if _script(ch) is not None), None)
    if start is None:
        return Form(text, "none", ""), ""
    script = _script(text[start])
    end = start
    while end < len(text) and _script(text[end]) == script:
        end += 1
        if script in _CIRCLED:  # one character is the whole numeral
            break
    # 第一 and 第十 are numerals; the 第 before them is prefix.
    assert script is not None
    return Form(text[:start], script, text[end:]), text[start:end]


def text_is_fullwidth(text: str) -> bool:
    """Whether a text punctuates in fullwidth （，。） rather than halfwidth (,.) forms."""
    return width_balance(text) >= 0


def width_balance(text: str) -> int:
    """How many more fullwidth （，。） than halfwidth (,.) punctuation marks a text holds."""
    full = sum(text.count(ch) for ch in _FULLWIDTH)
    half = sum(text.count(ch) for ch in _HALFWIDTH)
    return full - half


def canonical_form(style: str, form: Form, *, fullwidth: bool, arabic_dot: str) -> Form:
    """The standard form of a marker of ``style``: the family table's ``canonical`` marker.

    Brackets and commas follow the text (（一） in fullwidth text, (一) in halfwidth text); an
    Arabic numeral's dot is ``arabic_dot``; a circled digit keeps its kind (① ⑴ ⒈). Styles
    without a standard form (``canonical`` None) keep theirs.
    """
    family = BY_STYLE.get(style)
    if family is None or family.canonical is None:
        return form
    standard, _ = split_marker(family.canonical)
    if standard.script in _CIRCLED:
        return Form("", form.script, "")
    prefix, suffix = standard.prefix, standard.suffix
    if not fullwidth:
        prefix, suffix = prefix.translate(_TO_HALFWIDTH), suffix.translate(_TO_HALFWIDTH)
    if standard.script == "ascii" and standard.suffix == "．":
        suffix = arabic_dot
    return Form(prefix, standard.script, suffix)
