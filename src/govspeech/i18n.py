"""Messages in the user's language: Simplified Chinese when the locale asks for it, English
(the source strings) otherwise.

The language is read from the environment as GNU gettext reads it: ``LANGUAGE`` (a list,
``zh_TW:zh_CN``), unless the locale is ``C``/``POSIX``; then the first set of ``LC_ALL``,
``LC_MESSAGES`` and ``LANG``. ``zh_CN``, ``zh_SG``, ``zh`` and ``zh_Hans`` get the catalog in
``govspeech/locale/zh_CN/LC_MESSAGES/govspeech.mo``; ``zh_TW``, ``zh_HK``, ``zh_MO`` and
``zh_Hant`` have no catalog of their own and, like every other language, get English unless a
later entry of ``LANGUAGE`` names one we have; ``en`` is English at once.

The choice is made on the first message and kept for the process (`reset` forgets it). The
English path opens no file and imports nothing: `gettext` gives its argument back.

Mark a string for translation where it is written and translate it where it is used: `N_`
in a table of messages (``HELP = N_("…")``), ``_(HELP)`` when it is printed; ``_("…")`` and
``ngettext("…", "…", n)`` directly where the sentence is needed. ``scripts/catalog.py`` finds
the marked strings (calls of ``_``, ``N_``, ``gettext`` and ``ngettext`` with literal
arguments) and keeps the catalog in step with them.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gettext import GNUTranslations

__all__ = [
    "ARGPARSE_MESSAGES",
    "DOMAIN",
    "LOCALE_DIR",
    "N_",
    "argparse_messages",
    "catalog_for",
    "gettext",
    "language",
    "ngettext",
    "requested",
    "reset",
]

DOMAIN = "govspeech"
#: The compiled catalogs shipped in the package: ``LOCALE_DIR/<catalog>/LC_MESSAGES/govspeech.mo``.
LOCALE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")
_ENGLISH = "en"
_SIMPLIFIED_TERRITORIES = frozenset({"CN", "SG", "MY"})


#: The translations in force, once chosen; None until the first message.
_current: GNUTranslations | None = None
_current_language = _ENGLISH
_chosen = False


def _is_c_locale(value: str) -> bool:
    return value in ("C", "POSIX") or value.startswith("C.")


def requested(environ: Mapping[str, str] | None = None) -> list[str]:
    """The languages the environment asks for, in order of preference, as GNU gettext reads
    them: ``LANGUAGE`` first (a colon-separated list) unless the locale (the first set of
    ``LC_ALL``, ``LC_MESSAGES``, ``LANG``) is ``C`` or ``POSIX``, then that locale."""
    env = os.environ if environ is None else environ
    locale = next((env[v] for v in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(v)), "")
    if _is_c_locale(locale):
        return ["C"]
    listed = [x for x in env.get("LANGUAGE", "").split(":") if x]
    return listed or ([locale] if locale else [])


def catalog_for(languages: list[str]) -> str | None:
    """The catalog for the first of ``languages`` we have one for (None: English).

    ``en`` (any English) and ``C`` are English; ``zh``, ``zh_CN``, ``zh_SG``, ``zh_MY`` and any
    ``zh_Hans…`` are Simplified Chinese (``zh_CN``); ``zh_TW``, ``zh_HK``, ``zh_MO`` and
    ``zh_Hant…``, like other languages, have no catalog and pass to the next in the list.
    """
    for entry in languages:
        name = entry.split("@", 1)[0].split(".", 1)[0]
        parts = name.replace("-", "_").split("_")
        lang = parts[0].lower()
        if lang in ("c", "posix", "en"):
            return None
        if lang != "zh":
            continue
        script = next((p.title() for p in parts[1:] if len(p) == 4 and p.isalpha()), "")
        territory = next((p.upper() for p in parts[1:] if len(p) == 2), "")
        if script == "Hans" or (not script and territory in ("", *_SIMPLIFIED_TERRITORIES)):
            return "zh_CN"
    return None


def _choose() -> GNUTranslations | None:
    global _current, _current_language, _chosen
    catalog = catalog_for(requested())
    translations: GNUTranslations | None = None
    if catalog is not None:
        path = os.path.join(LOCALE_DIR, catalog, "LC_MESSAGES", f"{DOMAIN}.mo")
        try:
            import gettext as _gettext  # argparse has imported it already

            with open(path, "rb") as f:
                translations = _gettext.GNUTranslations(f)
        except Exception:  # no catalog, or a damaged one (a broken install): English
            translations = None
    _current = translations
    _current_language = catalog if catalog is not None and translations is not None else _ENGLISH
    _chosen = True
    return translations


def gettext(message: str) -> str:
    """``message`` in the user's language (itself in English, or when it has no translation)."""
    translations = _current if _chosen else _choose()
    return message if translations is None else translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the number ``n``: English ``singular`` for 1, ``plural``
    otherwise; Chinese has one form."""
    translations = _current if _chosen else _choose()
    if translations is None:
        return singular if n == 1 else plural
    return translations.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it now (it is translated where it
    is used: ``_(MESSAGE)``)."""
    return message


def language() -> str:
    """The language of the messages: ``"zh_CN"`` or ``"en"``."""
    if not _chosen:
        _choose()
    return _current_language


def reset() -> None:
    """Forget the language chosen, so the next message reads the environment again (tests;
    a program that changes ``LANGUAGE`` or ``LANG`` while it runs)."""
    global _current, _current_language, _chosen
    _current, _current_language, _chosen = None, _ENGLISH, False


@contextlib.contextmanager
def argparse_messages() -> Iterator[None]:
    """argparse's own words ("usage:", "options", its error messages) from our catalog while
    the block runs; in English nothing changes.

    argparse looks them up with ``gettext.gettext`` in the global domain, which is not ours;
    its module-level ``_`` and ``ngettext`` are replaced for the block and then put back.
    """
    if language() == _ENGLISH:
        yield
        return
    import argparse

    saved = argparse.__dict__.get("_"), argparse.__dict__.get("ngettext")
    setattr(argparse, "_", gettext)  # noqa: B010 - typeshed does not declare them
    setattr(argparse, "ngettext", ngettext)  # noqa: B010
    try:
        yield
    finally:
        setattr(argparse, "_", saved[0])  # noqa: B010
        setattr(argparse, "ngettext", saved[1])  # noqa: B010


#: argparse's messages that reach the user of a govspeech command, for the catalog (the
#: others are programming errors).
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(heading)s:"),  # Python 3.13+
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ignored explicit argument %r"),
)


def _argparse_plurals() -> None:  # pragma: no cover - never called
    """argparse's message with plural forms, for the catalog."""
    ngettext("expected %s argument", "expected %s arguments", 2)
