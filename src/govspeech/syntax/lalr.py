"""The LALR(1) driver: runs the parse tables Lark computed from the grammar.

Lark reads ``govspeech.lark`` and computes its LALR tables when the package is built
(`govspeech.syntax.build`); they ship in `govspeech.syntax.generated_tables`. Running them
takes a loop of a few lines, so the parser needs no Lark at run time: a command starts without
importing it, and each token costs a dictionary lookup and a list append. The tree is built as
Lark builds it with a transformer: on each reduction the rule's children, without the filtered
tokens (_DOC, _INDENT…) and with the children of inlined rules (``_heading``, Lark's
``__…_star`` helpers) spliced in, go to the builder's method named after the rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from typing import Any, Protocol

from govspeech.errors import GovspeechError

__all__ = ["Grammar", "ParserBug", "Tables", "parse"]


class Tables(Protocol):
    """What `govspeech.syntax.generated_tables` holds (see `govspeech.syntax.build`)."""

    START: int
    END: int
    #: Per state: terminal or rule name → the next state (≥ 0, shift or goto) or ~rule
    #: (< 0, reduce by that rule).
    ACTIONS: Sequence[dict[str, int]]
    #: Per rule: its name, how many symbols it pops, and which of them make its children:
    #: (index, spliced) pairs, ``spliced`` when the symbol is an inlined rule.
    RULES: Sequence[tuple[str, int, tuple[tuple[int, bool], ...]]]


class ParserBug(GovspeechError, RuntimeError):
    """The level resolver handed the parser a token the grammar does not allow there (a bug
    in govspeech, never the input's fault: every text has a tree)."""


class Grammar:
    """The tables bound to a tree builder: each rule's reduction, ready to run."""

    def __init__(self, tables: Tables, builder: object) -> None:
        self.start, self.end = tables.START, tables.END
        self.actions = tables.ACTIONS
        self.reductions: list[tuple[str, int, tuple[tuple[int, bool], ...] | None, Any]] = []
        for name, size, keep in tables.RULES:
            # Inlined rules (_heading, Lark's helpers) hand their children up as a list.
            callback: Callable[[list[Any]], Any] | None = (
                None if name.startswith("_") else getattr(builder, name)
            )
            plain = keep == tuple((i, False) for i in range(size))
            self.reductions.append((name, size, None if plain else keep, callback))


def parse(grammar: Grammar, tokens: Iterable[Any]) -> Any:
    """Run the tables over ``tokens`` (objects with a ``type``); the start rule's value."""
    actions = grammar.actions
    reductions = grammar.reductions
    states = [grammar.start]
    values: list[Any] = []
    push_state, push_value = states.append, values.append
    state = grammar.start
    for tok in chain(tokens, (None,)):
        kind = "$END" if tok is None else tok.type
        while True:
            try:
                code = actions[state][kind]
            except KeyError:
                raise ParserBug(
                    f"internal error: the parser got {kind} in state {state}; please report it"
                ) from None
            if code >= 0:  # shift
                push_state(code)
                push_value(tok)
                state = code
                break
            name, size, keep, callback = reductions[~code]
            if size:
                children = values[-size:]
                del values[-size:], states[-size:]
            else:
                children = []
            if keep is not None:
                kept: list[Any] | None = None
                for i, spliced in keep:
                    if not spliced:
                        if kept is None:
                            kept = [children[i]]
                        else:
                            kept.append(children[i])
                    elif kept is None:
                        # A left-recursive helper (__section_star: __section_star section)
                        # grows its own list: taken over, not copied, or a list of n items
                        # would cost n² (the list is on no stack any more).
                        kept = children[i]
                    else:
                        kept.extend(children[i])
                children = [] if kept is None else kept
            state = actions[states[-1]][name]  # the goto of the rule
            if tok is None and state == grammar.end:
                return children if callback is None else callback(children)
            push_state(state)
            push_value(children if callback is None else callback(children))
    raise ParserBug("internal error: the parser did not reach the end state; please report it")
