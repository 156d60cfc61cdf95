"""What the command line says, in one place: whole English sentences with named fields.

Each is a `str.format` template, so that a translation (gettext) can reorder the fields and
never has to put a sentence together from pieces. The messages of the option-value types are
with them in `govspeech.plugin.base`; a plugin's own messages are in the plugin.

Each is marked with `N_` for the catalog and translated where it is used, ``_(USAGE)``
(`govspeech.i18n`): Simplified Chinese under a Chinese locale, these English sentences
otherwise.
"""

from __future__ import annotations

from govspeech.i18n import N_

# ---------------------------------------------------------------- one-line errors

#: How every error is printed: ``message`` is the error's own (``missing.txt: no such file…``).
ERROR = N_("error: {message}")
INTERRUPTED = N_("error: interrupted")
STOPPED = N_("error: stopped by {signal}")
STDOUT_CANNOT_WRITE = N_("standard output: cannot write: {reason}")
STDOUT_CLOSED = N_("standard output is closed; use -o FILE")
BINARY_TO_TERMINAL = N_("refusing to write binary output to a terminal; use -o FILE")
CANNOT_WRITE = N_("{path}: cannot write: {reason}")
CANNOT_CREATE_FOLDER = N_("{path}: cannot create folder: {reason}")
OVERWRITES_ITS_INPUT = N_("{path}: the output would overwrite its input; choose another -o")
OVERWRITES_AN_INPUT = N_("{path}: the output would overwrite {input}; choose another -o")
SAME_TARGET = N_(
    "{path}: {first} and {second} would both be written there; give them different names"
)
#: A plugin's usage error, prefixed with the command it belongs to.
COMMAND_USAGE = N_("{command}: {message}")

# ---------------------------------------------------------------- inputs

NO_SUCH_FILE = N_("{path}: no such file or folder")
NO_MATCH = N_("{path}: no files match this pattern")
EMPTY_FOLDER = N_("{path}: folder holds no text files, Word files or web pages ({suffixes})")
EMPTY_INPUT = N_("{path}: no text (the input is empty or blank)")
WORKER_DIED = N_(
    "a worker process died (killed, or crashed) while working on {files}; those files and "
    "the ones after them were not processed"
)
#: The files a dead worker had: the first three, then how many more.
SOME_FILES = N_("{files} and {more} more")
EXPORT_BINARY = N_("export --format {format} is binary; use the command line")

# ---------------------------------------------------------------- usage

#: An argparse error: ``message`` is argparse's (or an option type's) own.
USAGE = N_("{prog}: {message} (see {prog} --help)")
#: No FILE, and standard input is a terminal (a pipe would have been read).
NO_INPUT = N_(
    "{prog}: no FILE given; name one or more files or folders, or pipe the text in: "
    "cat 讲话.txt | {prog}"
)
NO_COMMAND = N_("govspeech: no command given; try govspeech --help")
UNKNOWN_TOP_OPTION = N_("govspeech: unknown option {option!r} before the command")
UNKNOWN_COMMAND_CLOSE = N_("govspeech: unknown command {command!r}; did you mean {close!r}?")
UNKNOWN_COMMAND = N_("govspeech: unknown command {command!r}; commands: {known}")

# ---------------------------------------------------------------- govspeech --help

TOP_USAGE = N_("usage: govspeech [--version] [--debug] COMMAND [options] [FILE...]")
TOP_DESCRIPTION = N_("""\
Parse Chinese government speeches, work reports and official documents (讲话稿, 政府工作报告,
公文) into a tree by their numbering — 一、 （一） 1． （1） 一是 —— and the variants real
texts use — and outline, summarize, check, fix or export them. Reads text in any Chinese
encoding, Word files and web pages. Plugins add commands and export formats.""")
TOP_COMMANDS = N_("commands:")
TOP_CANNOT_LOAD = N_("(cannot be loaded: see govspeech plugins)")
TOP_OPTIONS = N_("""\
options:
  -h, --help  show this help, or a command's: govspeech COMMAND --help
  --version   show the version
  --debug     show tracebacks of errors""")
TOP_EXAMPLES = N_("""\
examples:
  govspeech outline 讲话.txt
  govspeech outline --depth 2 --lines 政府工作报告.txt
  govspeech outline -o 讲话提纲.md 讲话.txt         # the format from the extension
  govspeech summarize 讲话.docx
  govspeech check 讲话.txt && govspeech fix --diff 讲话.txt
  govspeech fix --diff --color always 讲话.txt | less -R
  govspeech export 政府工作报告.html -o 报告.docx
  govspeech export -f jsonl --jobs 2 讲话稿/ "报告/**/*.txt" -o corpus.jsonl
  cat 讲话.txt | govspeech outline

every command: -o FILE (- is stdout), -q/--quiet, -v/--verbose, --color auto|always|never,
--encoding, --from, --jobs; commands with formats: -f/--format (or the -o file's extension)

exit codes: 0 ok, 1 findings or a plugin failed, 2 usage or input error""")
HELP_PLUGINS = N_("List installed plugins (commands and export formats) with their versions")
HELP_HELP = N_("Show the help of a command: govspeech help outline")
#: ``govspeech help plugins``… for a built-in command.
BUILTIN_HELP = N_("govspeech {command}: {description}")

# ---------------------------------------------------------------- a command's --help

#: The heading of the examples at the end of a command's help.
EXAMPLES = N_("examples:")
#: Below a command's description in its help.
PLUGIN_FROM = N_("(plugin from {origin})")

# ---------------------------------------------------------------- help of the common options

HELP_INPUTS = N_(
    "text, Word (.docx) or HTML files, folders (searched for *.txt, *.docx, *.html, *.htm…), "
    "glob patterns, or - for standard input; none: standard input when it is a pipe"
)
HELP_OUTPUT = N_(
    "write to FILE instead of stdout, atomically (it appears complete or not at all); "
    "- is stdout; a folder (existing, or ending in /) gets one file per input"
)
HELP_QUIET = N_("print no counts, summaries or notes on stderr (errors and warnings still)")
HELP_VERBOSE = N_(
    "print more on stderr: one line per input (format, encoding, documents, sections, time) "
    "and a summary"
)
HELP_COLOR = N_(
    "colour the output (check's findings, fix --diff): auto (default) on a terminal unless "
    "NO_COLOR is set, always, or never"
)
HELP_ENCODING = N_(
    "read the inputs in this encoding (gb18030, utf-8, big5…) instead of detecting it"
)
HELP_FROM = N_(
    "read the inputs as txt, docx, html, markdown, pdf, office (.doc .wps .rtf .odt, through "
    "LibreOffice) or content-list (MinerU's JSON); default: by extension, else by content"
)
HELP_JOBS = N_(
    "work on N files at a time in N processes (0: one per CPU); output stays in input order"
)
HELP_FORCE_JOBS = N_("allow --jobs above the number of CPUs (otherwise capped, with a warning)")
HELP_DEBUG = N_("show tracebacks of errors (for bug reports)")

# ---------------------------------------------------------------- govspeech plugins

PLUGINS_DESCRIPTION = N_(
    "List the installed plugins: each command and export format, the distribution that "
    "provides it with its version, and its description. A plugin that cannot be loaded is "
    "listed as FAILED TO LOAD, its error printed, and the exit code is 1."
)
PLUGINS_EPILOG = N_("examples:\n  govspeech plugins\n  govspeech plugins | grep format")
PLUGINS_NONE = N_("no plugins installed")
PLUGIN_FAILED = N_("FAILED TO LOAD (see the error above)")

# ---------------------------------------------------------------- while a command runs

#: ``-v``: one line per input read.
FILE_READ = N_(
    "{path}: {format}, {encoding}; documents: {documents}, sections: {sections}; {milliseconds} ms"
)
#: After several inputs (and after one with ``-v``).
SUMMARY = N_(
    "{files} files, {documents} documents, {sections} sections, {failed} failed, {seconds:.1f} s"
)
JOBS_IGNORED = N_("warning: {command} gathers all files in one process; --jobs ignored")
JOBS_CAPPED = N_(
    "warning: --jobs {jobs} is more than the {cpus} CPUs here; using {cpus} (--force-jobs to "
    "insist)"
)
