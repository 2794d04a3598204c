"""The ``jobcompare`` command: one entry point, one subcommand per job."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from jobcompare.bench import cli as bench_cli
from jobcompare.build import cli as build_cli
from jobcompare.ingest import cli as ingest_cli
from jobcompare.oews import cli as oews_cli
from jobcompare.report import cli as report_cli


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jobcompare",
        description="Job comparison warehouse: ingest pages, render reports, measure.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    ingest_cli.register(commands)
    build_cli.register(commands)
    oews_cli.register(commands)
    report_cli.register(commands)
    bench_cli.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    args = build_parser().parse_args(argv)
    return int(args.run(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
