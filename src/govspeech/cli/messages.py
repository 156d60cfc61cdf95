"""What the command line says, in one place: whole English sentences with named fields.

Each is a `str.format` template, so that a translation (gettext) can reorder the fields and
never has to put a sentence together from pieces. The messages of the option-value types are
with them in `govspeech.plugin.base`; a plugin's own messages are in the plugin.
"""

from __future__ import annotations

# ---------------------------------------------------------------- usage

#: An argparse error: ``message`` is argparse's (or an option type's) own.
USAGE = "{prog}: {message} (see {prog} --help)"
#: No FILE, and standard input is a terminal (a pipe would have been read).
NO_INPUT = (
    "{prog}: no FILE given; name one or more files or folders, or pipe the text in: "
    "cat 讲话.txt | {prog}"
)
NO_COMMAND = "govspeech: no command given; try govspeech --help"
UNKNOWN_TOP_OPTION = "govspeech: unknown option {option!r} before the command"
UNKNOWN_COMMAND_CLOSE = "govspeech: unknown command {command!r}; did you mean {close!r}?"
UNKNOWN_COMMAND = "govspeech: unknown command {command!r}; commands: {known}"

# ---------------------------------------------------------------- help of the common options

HELP_INPUTS = (
    "text, Word (.docx) or HTML files, folders (searched for *.txt, *.docx, *.html, *.htm…), "
    "glob patterns, or - for standard input; none: standard input when it is a pipe"
)
HELP_OUTPUT = (
    "write to FILE instead of stdout, atomically (it appears complete or not at all); "
    "- is stdout; a folder (existing, or ending in /) gets one file per input"
)
HELP_QUIET = "print no counts, summaries or notes on stderr (errors and warnings still)"
HELP_VERBOSE = (
    "print more on stderr: one line per input (format, encoding, documents, sections, time) "
    "and a summary"
)
HELP_COLOR = (
    "colour the output (check's findings, fix --diff): auto (default) on a terminal unless "
    "NO_COLOR is set, always, or never"
)
HELP_ENCODING = "read the inputs in this encoding (gb18030, utf-8, big5…) instead of detecting it"
HELP_FROM = (
    "read the inputs as txt, docx, html, markdown, pdf, office (.doc .wps .rtf .odt, through "
    "LibreOffice) or content-list (MinerU's JSON); default: by extension, else by content"
)
HELP_JOBS = "work on N files at a time in N processes (0: one per CPU); output stays in input order"
HELP_FORCE_JOBS = "allow --jobs above the number of CPUs (otherwise capped, with a warning)"
HELP_DEBUG = "show tracebacks of errors (for bug reports)"

# ---------------------------------------------------------------- govspeech plugins

PLUGINS_DESCRIPTION = (
    "List the installed plugins: each command and export format, the distribution that "
    "provides it with its version, and its description. A plugin that cannot be loaded is "
    "listed as FAILED TO LOAD, its error printed, and the exit code is 1."
)
PLUGINS_EPILOG = "examples:\n  govspeech plugins\n  govspeech plugins | grep format"
PLUGINS_NONE = "no plugins installed"
PLUGIN_FAILED = "FAILED TO LOAD (see the error above)"

# ---------------------------------------------------------------- while a command runs

#: ``-v``: one line per input read.
FILE_READ = (
    "{path}: {format}, {encoding}; documents: {documents}, sections: {sections}; {milliseconds} ms"
)
#: After several inputs (and after one with ``-v``).
SUMMARY = (
    "{files} files, {documents} documents, {sections} sections, {failed} failed, {seconds:.1f} s"
)
JOBS_IGNORED = "warning: {command} gathers all files in one process; --jobs ignored"
JOBS_CAPPED = (
    "warning: --jobs {jobs} is more than the {cpus} CPUs here; using {cpus} (--force-jobs to "
    "insist)"
)
