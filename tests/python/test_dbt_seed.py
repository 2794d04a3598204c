"""dbt seed loads every committed CSV into a real DuckDB file with the declared types."""

from __future__ import annotations

import csv

import duckdb
from support import REPO, run_dbt

from jobcompare.ingest.seeds import SEED_COLUMNS


def test_dbt_seed_loads_every_csv_as_text(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    result = run_dbt("seed", warehouse=warehouse, work=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    seed_files = len(list((REPO / "seeds").glob("*.csv")))  # the raw tables and the crosswalk
    assert seed_files == len(SEED_COLUMNS) + 1
    # dbt counts the project's on-run-start hook (register_csv_sources: nothing on DuckDB).
    assert "1 project hook" in result.stdout
    assert f"PASS={seed_files + 1} WARN=0 ERROR=0" in result.stdout
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        for name, columns in SEED_COLUMNS.items():
            with (REPO / "seeds" / f"{name}.csv").open(newline="", encoding="utf-8") as handle:
                expected = len(list(csv.reader(handle))) - 1
            (count,) = con.execute(f"select count(*) from raw.{name}").fetchone()
            assert count == expected, name
            types = dict(
                con.execute(
                    "select column_name, data_type from information_schema.columns "
                    "where table_schema = 'raw' and table_name = ?",
                    [name],
                ).fetchall()
            )
            assert list(types) == list(columns)
            for column in ("fact_value", "skill_entry", "duration_text"):
                if column in types:
                    assert types[column] == "VARCHAR"
        value = con.execute(
            "select fact_value from raw.raw_overview where fact_label = 'Yearly salary' "
            "and role_name = 'Customer Service Manager'"
        ).fetchall()
        assert value == [("$61,487",)]
    finally:
        con.close()
