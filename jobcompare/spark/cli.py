"""``jobcompare spark-export``: the Spark warehouse's marts as Parquet files."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from jobcompare.project import project_dir


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``spark-export`` subcommand."""
    parser = commands.add_parser(
        "spark-export",
        help="write the marts of the Spark build (dbt --target spark) as Parquet files",
        description="Open the project's local Spark warehouse (profiles.yml, target spark) "
        "and write each mart, tables and views, to OUT/<mart>/ as Parquet. Needs the spark "
        "extra (pip install '.[spark]') and Java 17; no dbt run on Spark may be going on.",
    )
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--project", type=Path, help="the dbt project (default: as for build)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from jobcompare.spark.export import export_marts

    out = args.out.absolute()
    project = project_dir(args.project)
    os.chdir(project)
    written = export_marts(project, out)
    for name, rows in written.items():
        print(f"{name}: {rows:,} rows")
    print(f"exported {len(written)} marts to {out}")
    return 0
