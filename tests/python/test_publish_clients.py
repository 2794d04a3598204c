"""What BI tools use: SQLAlchemy's duckdb-engine on the served file, and the Parquet folder."""

from __future__ import annotations

import json

import duckdb
import pytest
import sqlalchemy as sa
from support import copy_project, run_build, served_file


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("clients") / "project")
    result = run_build(project)
    assert result.returncode == 0, result.stderr + result.stdout[-2000:]
    return project


def test_sqlalchemy_reflects_and_queries_the_marts_read_only(project):
    url = f"duckdb:///{served_file(project)}?access_mode=read_only"
    engine = sa.create_engine(url)
    try:
        inspector = sa.inspect(engine)
        tables = set(inspector.get_table_names(schema="marts"))
        assert {"dim_roles", "fct_role_pairs", "fct_role_skills", "fct_role_demographics"} <= tables
        views = set(inspector.get_view_names(schema="marts"))
        assert {"rpt_role_comparisons", "rpt_pair_skills", "rpt_pair_salaries"} <= views
        columns = {c["name"]: c for c in inspector.get_columns("dim_roles", schema="marts")}
        assert {"role_key", "yearly_salary_usd", "time_to_become_max_months"} <= set(columns)
        with engine.connect() as connection:
            rows = connection.execute(
                sa.text(
                    "select role_b_key, yearly_salary_diff_usd from marts.rpt_role_comparisons "
                    "where role_a_key = :role order by role_b_key"
                ),
                {"role": "customer-service-manager"},
            ).fetchall()
            assert [(key, int(diff)) for key, diff in rows] == [
                ("customer-service-specialist", 28249),
                ("lead-customer-service-representative", 25390),
            ]
            with pytest.raises(sa.exc.DBAPIError, match="read-only"):
                connection.execute(sa.text("create table marts.scratch (x integer)"))
        # A BI tool holding its connection open does not block the next build.
        with engine.connect() as held:
            held.execute(sa.text("select count(*) from marts.dim_roles")).fetchall()
            again = run_build(project)
            assert again.returncode == 0, again.stderr
    finally:
        engine.dispose()


def test_parquet_folder_holds_every_mart_with_a_manifest(project):
    folder = project / "warehouse" / "parquet"
    assert folder.is_symlink()
    manifest = json.loads((folder / "manifest.json").read_text())
    con = duckdb.connect(str(served_file(project)), read_only=True)
    try:
        marts = {
            name
            for (name,) in con.execute(
                "select table_name from information_schema.tables "
                "where table_schema = 'marts' and table_type = 'BASE TABLE'"
            ).fetchall()
        }
        assert set(manifest["tables"]) == marts
        for name, entry in manifest["tables"].items():
            path = folder / entry["file"]
            (rows,) = con.execute(f"select count(*) from '{path}'").fetchone()
            (expected,) = con.execute(f'select count(*) from marts."{name}"').fetchone()
            assert rows == entry["rows"] == expected, name
    finally:
        con.close()
    assert manifest["duckdb_version"].startswith("1.5.")
    builds = sorted(p.name for p in (project / "warehouse" / "parquet-builds").iterdir())
    assert len(builds) <= 2 and folder.resolve().name in builds
