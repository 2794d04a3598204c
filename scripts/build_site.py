"""Script entry point for ``jobcompare site`` (same flags; see --help)."""

import sys

from jobcompare.cli import main

if __name__ == "__main__":
    sys.exit(main(["site", *sys.argv[1:]]))
