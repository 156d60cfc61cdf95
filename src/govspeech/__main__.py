"""``python -m govspeech``: the command line (see `govspeech.cli`)."""

import sys

if __name__ == "__main__":
    if sys.argv[1:] == ["--version"]:  # answered before the command line is imported
        from govspeech import __version__

        print(f"govspeech {__version__}")
        sys.exit(0)
    from govspeech.cli import main

    sys.exit(main())
