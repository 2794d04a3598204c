"""The marts of the Spark warehouse as Parquet files, one folder per mart.

Readers without a Spark client (DuckDB, pandas, BI tools reading files) and the equality test
read the Spark build this way; a cluster's BI tools connect to its Spark Thrift server
instead (README: Running on Spark). Views are computed as they are exported.
"""

from __future__ import annotations

from pathlib import Path

from jobcompare.spark.session import open_session


def export_marts(project: Path, out: Path) -> dict[str, int]:
    """Write every relation of the marts schema to ``out/<name>/`` as Parquet; returns the
    rows written for each. Run from the project folder (the profile's folders are relative)."""
    spark = open_session(project)
    try:
        listed = spark.sql("show tables in marts").collect()
        names = sorted(row.tableName for row in listed)
        written = {}
        for name in names:
            spark.table(f"marts.{name}").write.mode("overwrite").parquet(str(out / name))
            # Counted from the files written: counting the mart would compute a view again.
            written[name] = spark.read.parquet(str(out / name)).count()
        return written
    finally:
        spark.stop()
