"""``python -m govspeech``: the command line (see `govspeech.cli`)."""

import sys

from govspeech.cli import main

if __name__ == "__main__":
    sys.exit(main())
