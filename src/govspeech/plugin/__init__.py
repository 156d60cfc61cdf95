"""The plugin API: everything a ``govspeech`` command or export format may use.

The protocol and base classes (`Plugin`, `Exporter`, `PluginProtocol`), discovery and loading
of entry points (`discover`, `load`, `LoadedPlugin`), the `Guard` that turns a plugin's
exceptions into one-line errors, `report` for messages to the person running the command, and
the helpers the built-in plugins need from the core: reading an input's bytes (`read_bytes`,
`input_format`), standard input's name (`STDIN`), rewriting a file in place without
damaging it (`rewrite_in_place`), and messages in the user's language (`gettext`,
`ngettext`, `N_`: see `govspeech.i18n`). Plugins import from here, never from the core's
private modules (a test checks it).
"""

from govspeech.i18n import N_, gettext, ngettext
from govspeech.output import rewrite_in_place
from govspeech.plugin.base import (
    COMMANDS,
    EXPORTERS,
    Exporter,
    Guard,
    Plugin,
    PluginProtocol,
    report,
)
from govspeech.plugin.discovery import LoadedPlugin, PluginSpec, Registry, discover, load
from govspeech.read.formats import STDIN, SUFFIX_FORMATS, input_format
from govspeech.read.source import read_bytes

__all__ = [
    "COMMANDS",
    "EXPORTERS",
    "N_",
    "STDIN",
    "SUFFIX_FORMATS",
    "Exporter",
    "Guard",
    "LoadedPlugin",
    "Plugin",
    "PluginProtocol",
    "PluginSpec",
    "Registry",
    "discover",
    "gettext",
    "input_format",
    "load",
    "ngettext",
    "read_bytes",
    "report",
    "rewrite_in_place",
]
