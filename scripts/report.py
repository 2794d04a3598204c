"""Script entry point for ``jobcompare report`` (same arguments; see --help)."""

import sys

from jobcompare.cli import main

if __name__ == "__main__":
    sys.exit(main(["report", *sys.argv[1:]]))
