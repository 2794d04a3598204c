"""The same models on Apache Spark give the same marts as on DuckDB (issue 15).

One input, built twice: the three roles of the committed pages, the bundled OEWS release the
whole suite uses, and 100 synthetic roles, read as raw CSV files (raw_source external) by
``dbt build`` on DuckDB and by ``dbt build --target spark`` on a local Spark (dbt-spark,
session method). The unit tests run on Spark too, on the seeds. Every mart of the Spark
build is exported to Parquet (``jobcompare spark-export``) and compared with the DuckDB file,
row for row.

Rounding: text, integers, booleans and decimals must be equal exactly, with one exception:
the rounded quotients (columns named ..._ratio and ..._similarity, a division or exp()
rounded to 4 places) may differ by one unit in their last place, since DuckDB divides
decimals as doubles and Spark as decimals, so a quotient whose fifth place is a 5 can round
either way (one of the 351,000 OEWS pairs did: 2.5412 on DuckDB, 2.5413 on Spark). Doubles
compare to 12 significant digits.
"""

from __future__ import annotations

import csv
import decimal
import math
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest
from support import DBT, REPO, copy_project

from jobcompare.bench.synth import write_synthetic
from jobcompare.dbt_process import dbt_env
from jobcompare.ingest.seeds import SEED_COLUMNS

SYNTHETIC_ROLES = 100
SIGNIFICANT_DIGITS = 12
ROUNDED_QUOTIENTS = ("_ratio", "_similarity")  # column names ending so


def test_java_runtime_for_spark():
    """Spark needs Java (make test installs Debian's OpenJDK 17): a missing one fails here,
    by name, rather than inside the build."""
    assert shutil.which("java"), "no java on PATH: run make java (Debian's openjdk-17)"


def _raw_input(folder: Path) -> Path:
    """The committed pages' raw tables followed by 100 synthetic roles' rows, one CSV each."""
    synthetic = folder / "synthetic"
    write_synthetic(SYNTHETIC_ROLES, 1, synthetic)
    raw = folder / "raw"
    raw.mkdir()
    for table in SEED_COLUMNS:
        with (raw / f"{table}.csv").open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            for index, source in enumerate((REPO / "seeds", synthetic)):
                with (source / f"{table}.csv").open(newline="", encoding="utf-8") as handle:
                    rows = list(csv.reader(handle))
                assert rows[0] == list(SEED_COLUMNS[table]), (source, table)
                writer.writerows(rows if index == 0 else rows[1:])
    return raw


def _dbt(project: Path, *args: str, spark_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dbt_env(project, project / "warehouse" / "job_compare.duckdb",
                  {"JOB_COMPARE_SPARK_DIR": str(spark_dir)})  # fmt: skip
    return subprocess.run(
        [str(DBT), *args], cwd=project, env=env, capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="module")
def both_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The DuckDB file and the Spark export folder of one input."""
    folder = tmp_path_factory.mktemp("spark-equality")
    project = copy_project(folder / "project")
    raw = _raw_input(folder)
    spark_dir = folder / "spark"
    variables = f'{{raw_source: external, raw_path: "{raw}"}}'
    # The unit tests give their input as the seeds (ref), so they run without the vars.
    build = ("build", "--exclude", "test_type:unit", "--vars", variables)

    duck = _dbt(project, *build, spark_dir=spark_dir)
    assert duck.returncode == 0, duck.stdout[-4000:]
    spark = _dbt(project, *build, "--target", "spark", spark_dir=spark_dir)
    assert spark.returncode == 0, spark.stdout[-6000:]
    unit = _dbt(project, "test", "--select", "test_type:unit", "--target", "spark",
                spark_dir=spark_dir)  # fmt: skip
    assert unit.returncode == 0, unit.stdout[-4000:]
    assert "PASS=" in unit.stdout and "ERROR=0" in unit.stdout, unit.stdout[-2000:]

    export = subprocess.run(
        [str(DBT.parent / "jobcompare"), "spark-export", "--out", str(folder / "export")],
        cwd=project, env=dbt_env(project, extra={"JOB_COMPARE_SPARK_DIR": str(spark_dir)}),
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert export.returncode == 0, export.stderr[-4000:]
    return project / "warehouse" / "job_compare.duckdb", folder / "export"


def _value(value: object) -> object:
    if isinstance(value, float):
        if math.isnan(value) or value == 0:
            return value
        return float(f"{value:.{SIGNIFICANT_DIGITS - 1}e}")
    return value


def _same_row(columns: list[str], duck: tuple, spark: tuple) -> bool:
    for column, a, b in zip(columns, duck, spark, strict=True):
        if a == b:
            continue
        quotient = column.endswith(ROUNDED_QUOTIENTS) and isinstance(a, decimal.Decimal)
        if not (quotient and isinstance(b, decimal.Decimal)):
            return False
        last_place = decimal.Decimal(1).scaleb(min(a.as_tuple().exponent, b.as_tuple().exponent))
        if abs(a - b) > last_place:
            return False
    return True


MOST_DIFFERING = 1_000  # rows of one mart compared one by one, in Python


def _sorted(rows: list[tuple]) -> list[tuple]:
    rows = [tuple(_value(v) for v in row) for row in rows]
    return sorted(rows, key=lambda row: [(v is None, str(v)) for v in row])


def _compare(con: duckdb.DuckDBPyConnection, duck: str, spark: str) -> tuple[int, list]:
    """The rows of ``duck``, and the pairs of rows that differ beyond the stated rounding.

    DuckDB finds the rows only one side has (except all, both ways); only those few are
    fetched into Python and paired, each side sorted, for the rounding rules. Fetching every
    row of the large marts (688,070 OEWS comparison rows) took 15 GB in a pytest worker.
    """
    columns = [c[0] for c in con.execute(f"select * from {duck} limit 0").description]
    spark_columns = [c[0] for c in con.execute(f"select * from {spark} limit 0").description]
    assert spark_columns == columns, (duck, spark_columns)
    (rows,) = con.execute(f"select count(*) from {duck}").fetchone()
    (spark_rows,) = con.execute(f"select count(*) from {spark}").fetchone()
    assert spark_rows == rows, (duck, rows, spark_rows)
    only_duck = con.execute(
        f"select * from {duck} except all select * from {spark} limit {MOST_DIFFERING + 1}"
    ).fetchall()
    only_spark = con.execute(
        f"select * from {spark} except all select * from {duck} limit {MOST_DIFFERING + 1}"
    ).fetchall()
    assert len(only_duck) == len(only_spark) <= MOST_DIFFERING, (duck, len(only_duck))
    pairs = zip(_sorted(only_duck), _sorted(only_spark), strict=True)
    return rows, [(d, s) for d, s in pairs if not _same_row(columns, d, s)]


def test_every_mart_on_spark_equals_duckdb(both_builds):
    warehouse, export = both_builds
    # The comparison spills past 2 GB rather than crowd the other pytest worker.
    with duckdb.connect(str(warehouse), read_only=True, config={"memory_limit": "2GB"}) as con:
        marts = [
            name
            for (name,) in con.execute(
                "select table_name from information_schema.tables "
                "where table_schema = 'marts' order by table_name"
            ).fetchall()
        ]
        assert len(marts) >= 20, marts
        exported = sorted(path.name for path in export.iterdir())
        assert exported == marts
        compared = {}
        for mart in marts:
            spark = f"read_parquet('{export / mart}/*.parquet')"
            rows, differing = _compare(con, f"marts.{mart}", spark)
            assert not differing, (mart, len(differing), differing[:3])
            compared[mart] = rows
    # 103 roles: every unordered pair, the two of the committed pages among them.
    assert compared["fct_role_pairs"] == 103 * 102 // 2
    assert compared["rpt_role_comparisons"] == 103 * 102
    assert compared["dim_occupations"] > 800
