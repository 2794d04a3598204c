"""The ``jobcompare`` command: one entry point, one subcommand per job."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Sequence

from jobcompare.bench import cli as bench_cli
from jobcompare.errors import CommandError
from jobcompare.ingest import cli as ingest_cli
from jobcompare.oews import cli as oews_cli
from jobcompare.publish import cli as build_cli
from jobcompare.report import cli as report_cli
from jobcompare.spark import cli as spark_cli


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
    spark_cli.register(commands)
    return parser


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code.

    A refused action or bad input prints one line and returns its code (2, or 1 for a
    failed build); Ctrl-C or SIGTERM prints one line and returns 130, after the command's
    own cleanup (temporary files removed, child processes stopped) has run.
    """
    args = build_parser().parse_args(argv)
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        return int(args.run(args) or 0)
    except CommandError as error:
        print(f"error: {error.one_line()}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(f"error: jobcompare {args.command} interrupted; nothing was changed by it",
              file=sys.stderr)  # fmt: skip
        return 130


if __name__ == "__main__":
    sys.exit(main())
