"""Script entry point for ``jobcompare ingest`` (same flags; see --help)."""

import sys

from jobcompare.cli import main

if __name__ == "__main__":
    sys.exit(main(["ingest", *sys.argv[1:]]))
