"""Write the parser's owner of every line of a text, in the format of tests/owners/.

    python scripts/owners.py ../corpus/reports/gwr_2024.txt > draft.txt

The output is a draft only: a file in tests/owners/ says what a reader decided, line by line,
and is written by reading the text, not by this script (see tests/owners/README.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.ownership import owners

import govspeech
from govspeech.nodes import split_lines


def main(path: str) -> None:
    tree = govspeech.parse_file(path)
    lines = split_lines(tree.text)
    table = owners(tree)
    for number in sorted(table):
        owner, kind = table[number]
        text = lines[number - 1].strip().replace("\t", " ")[:24]
        print(f"{number}\t{owner}\t{kind}\t{text}")


if __name__ == "__main__":
    main(sys.argv[1])
