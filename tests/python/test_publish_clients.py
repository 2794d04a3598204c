"""What BI tools and notebooks use: SQLAlchemy's duckdb-engine and pandas on the served file,
and the Parquet folder read by pandas, polars and pyarrow."""

from __future__ import annotations

import json

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import sqlalchemy as sa
from support import file_digest, run_build, served_file

from jobcompare.publish.parquet import NOT_EXPORTED
from jobcompare.publish.served_file import read_record

# What the two source pages say (tests/python/fixtures/source-pages): the customer service
# manager earns $61,487 a year on average, the lead customer service representative $36,097
# and the customer service specialist $33,238.
MANAGER_OVER_LEAD_USD = 61487 - 36097
MANAGER_OVER_SPECIALIST_USD = 61487 - 33238

# Each warehouse type as the three readers hold it.
PYARROW_TYPES = {
    "BIGINT": pa.int64(),
    "INTEGER": pa.int32(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "VARCHAR": pa.string(),
}
POLARS_TYPES = {
    "BIGINT": pl.Int64,
    "INTEGER": pl.Int32,
    "DOUBLE": pl.Float64,
    "BOOLEAN": pl.Boolean,
    "VARCHAR": pl.String,
}
NUMERIC = {"BIGINT", "INTEGER", "DOUBLE"}


@pytest.fixture(scope="module")
def project(tmp_path_factory, published_build):
    """A copy of the project with one published build (a test here builds again)."""
    return published_build.copy(tmp_path_factory.mktemp("clients") / "project")


def warehouse_marts(project) -> dict[str, list[tuple[str, str]]]:
    """Every mart of the served file, table or view, with its columns and their types."""
    con = duckdb.connect(str(served_file(project)), read_only=True)
    try:
        marts = {}
        for (name,) in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts'"
        ).fetchall():
            marts[name] = con.execute(
                "select column_name, data_type from information_schema.columns "
                "where table_schema = 'marts' and table_name = ? order by ordinal_position",
                [name],
            ).fetchall()
        return marts
    finally:
        con.close()


def warehouse_rows(project, name: str) -> int:
    con = duckdb.connect(str(served_file(project)), read_only=True)
    try:
        return con.execute(f'select count(*) from marts."{name}"').fetchone()[0]
    finally:
        con.close()


# duckdb-engine reflects no indexes, and says so; the marts have none.
@pytest.mark.filterwarnings("ignore:duckdb-engine doesn't yet support reflection on indices")
def test_sqlalchemy_reflects_every_mart_and_pandas_reads_one_read_only(project):
    marts = warehouse_marts(project)
    comparisons = warehouse_rows(project, "rpt_role_comparisons")
    engine = sa.create_engine(f"duckdb:///{served_file(project)}?access_mode=read_only")
    try:
        # What Superset and pandas do: reflect the whole schema, views included.
        metadata = sa.MetaData()
        metadata.reflect(bind=engine, schema="marts", views=True)
        reflected = {table.name: table for table in metadata.tables.values()}
        assert set(reflected) == set(marts)
        for name, table in reflected.items():
            assert [column.name for column in table.columns] == [c for c, _ in marts[name]]
        roles = sa.Table("dim_roles", sa.MetaData(), schema="marts", autoload_with=engine)
        assert "yearly_salary_usd" in roles.columns

        frame = pd.read_sql_table("rpt_role_comparisons", engine, schema="marts")
        assert len(frame) == comparisons
        manager = frame[frame["role_a_key"] == "customer-service-manager"]
        diffs = dict(zip(manager["role_b_key"], manager["yearly_salary_diff_usd"], strict=True))
        assert {key: int(diff) for key, diff in diffs.items()} == {
            "customer-service-specialist": MANAGER_OVER_SPECIALIST_USD,
            "lead-customer-service-representative": MANAGER_OVER_LEAD_USD,
        }

        with engine.connect() as connection, pytest.raises(sa.exc.DBAPIError, match="read-only"):
            connection.execute(sa.text("create table marts.scratch (x integer)"))
        # A BI tool holding its connection open does not block the next build.
        with engine.connect() as held:
            held.execute(sa.text("select count(*) from marts.dim_roles")).fetchall()
            again = run_build(project)
            assert again.returncode == 0, again.stderr
    finally:
        engine.dispose()


def test_parquet_manifest_names_the_build_and_every_mart_but_the_item_pair_sections(project):
    folder = project / "warehouse" / "parquet"
    assert folder.is_symlink()
    manifest = json.loads((folder / "manifest.json").read_text())
    served = served_file(project)
    assert manifest["build_id"] == read_record(served).build_id
    assert manifest["warehouse_sha256"] == file_digest(served)
    assert manifest["warehouse_bytes"] == served.stat().st_size
    assert manifest["duckdb_version"].startswith("1.5.")

    marts = warehouse_marts(project)
    assert set(manifest["marts"]) == set(marts) - set(NOT_EXPORTED)
    assert set(manifest["not_exported"]) == set(NOT_EXPORTED) <= set(marts)
    # The views readers asked for are there, not only the tables.
    assert {"rpt_role_comparisons", "rpt_pair_salaries", "fct_occupation_wages"} <= set(
        manifest["marts"]
    )
    for name, entry in manifest["marts"].items():
        assert entry["file"] == f"{name}.parquet"
        assert entry["rows"] == warehouse_rows(project, name), name
        expected = []
        for column, warehouse_type in marts[name]:
            if warehouse_type.startswith("DECIMAL"):
                expected.append(
                    {"name": column, "type": "DOUBLE", "warehouse_type": warehouse_type}
                )
            else:
                expected.append({"name": column, "type": warehouse_type})
        assert entry["columns"] == expected, name
    decimals = [
        c for entry in manifest["marts"].values() for c in entry["columns"] if "warehouse_type" in c
    ]
    assert len(decimals) > 30  # money, percentages, similarity: all of them now DOUBLE

    builds = sorted(p.name for p in (project / "warehouse" / "parquet-builds").iterdir())
    assert len(builds) <= 2 and folder.resolve().name in builds


def test_pandas_polars_and_pyarrow_read_every_parquet_file_with_native_types(project):
    folder = project / "warehouse" / "parquet"
    manifest = json.loads((folder / "manifest.json").read_text())
    for name, entry in manifest["marts"].items():
        path = folder / entry["file"]
        types = {c["name"]: c["type"] for c in entry["columns"]}

        table = pq.read_table(path)
        assert table.num_rows == entry["rows"], name
        assert {f.name: f.type for f in table.schema} == {
            column: PYARROW_TYPES[kind] for column, kind in types.items()
        }, name

        frame = pl.read_parquet(path)
        assert frame.height == entry["rows"], name
        assert dict(frame.schema) == {
            column: POLARS_TYPES[kind] for column, kind in types.items()
        }, name

        frame = pd.read_parquet(path)
        assert len(frame) == entry["rows"], name
        numeric = [column for column, kind in types.items() if kind in NUMERIC]
        # Numbers are numbers: no object column, so describe() summarises every one.
        assert [c for c in numeric if frame[c].dtype.kind not in "iuf"] == [], name
        if numeric and len(frame):
            assert set(frame.describe().columns) == set(numeric), name


def test_parquet_comparisons_say_what_the_source_pages_say(project):
    path = project / "warehouse" / "parquet" / "rpt_role_comparisons.parquet"
    frame = pd.read_parquet(path)
    manager = frame[frame["role_a_key"] == "customer-service-manager"]
    assert dict(zip(manager["role_b_key"], manager["yearly_salary_diff_usd"], strict=True)) == {
        "customer-service-specialist": float(MANAGER_OVER_SPECIALIST_USD),
        "lead-customer-service-representative": float(MANAGER_OVER_LEAD_USD),
    }
