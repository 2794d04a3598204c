"""The served file answers every client as it is: from anywhere, under any name, read-only.

One build of a project copy; then the OEWS CSV files it read are deleted, and clients in
child processes query every mart and staging relation: from another working folder, from a
copy under another name in another folder, and attached under another catalog name;
analyses compiled in memory run on a copy. `make docs` runs while a reader holds the file.
Every mart and mart column carries its YAML description as a comment.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pytest
from support import REPO, served_file

from jobcompare.dbt_process import DBT, dbt_env

READER = Path(__file__).parent / "fixtures" / "reader_process.py"
SCHEMAS = ("marts", "staging")

# A client in a child process: lists every relation of SCHEMAS in CATALOG of the connection
# and selects one row of each; prints {relation: "ok" or the error's first line}.
CLIENT = """
import json, sys
import duckdb

how, path = sys.argv[1], sys.argv[2]
if how == "attach":
    con = duckdb.connect()
    con.execute(f"attach '{path}' as other (read_only)")
    catalog = "other"
else:
    con = duckdb.connect(path, read_only=True)
    catalog = con.execute("select current_database()").fetchone()[0]
relations = con.execute(
    "select table_schema, table_name from information_schema.tables "
    "where table_catalog = ? and table_schema in ('marts', 'staging')",
    [catalog],
).fetchall()
answers = {}
for schema, name in relations:
    try:
        con.execute(f'select * from "{catalog}"."{schema}"."{name}" limit 1').fetchall()
        answers[f"{schema}.{name}"] = "ok"
    except duckdb.Error as error:
        answers[f"{schema}.{name}"] = str(error).splitlines()[0]
print(json.dumps(answers))
"""


@dataclass(frozen=True)
class Served:
    project: Path
    path: Path
    manifest: dict[str, Any]

    def relations(self) -> set[str]:
        """Every model the build wrote to the marts and staging schemas, from dbt's manifest."""
        return {
            f"{node['schema']}.{node['alias']}"
            for node in self.manifest["nodes"].values()
            if node["resource_type"] == "model" and node["schema"] in SCHEMAS
        }


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, published_build) -> Served:
    """A copy of the published build, whose OEWS CSV files are gone since it published."""
    assert not published_build.oews.exists()
    project = published_build.copy(tmp_path_factory.mktemp("served") / "project")
    assert not (project / "warehouse" / "raw").exists()
    manifest = json.loads((project / "target" / "manifest.json").read_text())
    return Served(project, served_file(project), manifest)


def run_client(how: str, path: Path, cwd: Path) -> dict[str, str]:
    cwd.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [sys.executable, "-c", CLIENT, how, str(path)],
        cwd=cwd,
        env={k: v for k, v in os.environ.items() if k != "JOB_COMPARE_OEWS"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def assert_every_relation_answers(answers: dict[str, str], served: Served) -> None:
    assert set(answers) == served.relations()
    assert "marts.fct_occupation_wages" in answers and "staging.stg_oews__cells" in answers
    failed = {name: answer for name, answer in answers.items() if answer != "ok"}
    assert failed == {}


def test_every_relation_answers_read_only_from_another_working_folder(served, tmp_path):
    answers = run_client("open", served.path, tmp_path / "elsewhere")
    assert_every_relation_answers(answers, served)


def test_every_relation_answers_in_a_renamed_copy_in_another_folder(served, tmp_path):
    copy = tmp_path / "copies" / "wages_copy.duckdb"
    copy.parent.mkdir()
    shutil.copyfile(served.path, copy)
    answers = run_client("open", copy, tmp_path / "notebooks")
    assert_every_relation_answers(answers, served)


def test_every_relation_answers_attached_as_another_catalog(served, tmp_path):
    answers = run_client("attach", served.path, tmp_path / "bi-server")
    assert_every_relation_answers(answers, served)


def test_analyses_compiled_without_the_file_run_on_a_renamed_copy(served, tmp_path):
    """`dbt compile --target lint` (in memory) writes analyses that run on any copy."""
    work = tmp_path / "compile"
    compiled = subprocess.run(
        [str(DBT), "compile", "--target", "lint", "--select", "resource_type:analysis",
         "--target-path", str(work / "target"), "--log-path", str(work / "logs")],
        cwd=served.project, env=dbt_env(served.project), capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    assert compiled.returncode == 0, compiled.stdout[-3000:]
    analyses = sorted((work / "target" / "compiled" / "job_compare" / "analyses").glob("*.sql"))
    assert len(analyses) == len(list((REPO / "analyses").glob("*.sql")))
    copy = tmp_path / "analyst.duckdb"
    shutil.copyfile(served.path, copy)
    con = duckdb.connect(str(copy), read_only=True)
    try:
        for analysis in analyses:
            con.execute(analysis.read_text()).fetchall()
    finally:
        con.close()


def test_oews_staging_is_stored_in_the_file_not_read_from_csv(served):
    con = duckdb.connect(str(served.path), read_only=True)
    try:
        kinds = dict(
            con.execute(
                "select table_name, table_type from information_schema.tables "
                "where table_schema = 'staging' and table_name like 'stg_oews__%'"
            ).fetchall()
        )
    finally:
        con.close()
    assert len(kinds) == 7
    assert set(kinds.values()) == {"BASE TABLE"}


def test_make_docs_runs_while_a_reader_holds_the_served_file(served, tmp_path):
    """`make docs` opens the file read-only: neither it nor the readers fail."""
    shutil.copy(REPO / "Makefile", served.project / "Makefile")
    venv = Path(sys.executable).parent.parent
    stop = tmp_path / "stop"
    logs = {mode: tmp_path / f"{mode}.jsonl" for mode in ("hold", "reconnect")}
    readers = [
        subprocess.Popen([sys.executable, str(READER), str(served.path), mode, str(log), str(stop)])
        for mode, log in logs.items()
    ]
    try:
        time.sleep(1.0)
        started = time.time()
        # -o: the test's environment is set up already; make runs only the docs recipe.
        docs = subprocess.run(
            ["make", "--no-print-directory", "-o", f"{venv}/.installed", "docs", f"VENV={venv}"],
            cwd=served.project,
            env=dbt_env(served.project, served.path),
            capture_output=True,
            text=True,
            check=False,
        )
        ended = time.time()
        time.sleep(0.5)
    finally:
        stop.touch()
        for reader in readers:
            reader.wait(timeout=30)
    assert docs.returncode == 0, docs.stdout[-3000:] + docs.stderr[-2000:]
    assert "--target read_only" in docs.stdout
    catalog = json.loads((served.project / "target" / "catalog.json").read_text())
    assert "model.job_compare.dim_roles" in catalog["nodes"]
    for mode, log in logs.items():
        seen = [json.loads(line) for line in log.read_text().splitlines()]
        errors = [answer for answer in seen if "error" in answer]
        assert errors == [], (mode, errors[:3])
        during = [answer for answer in seen if started <= answer["t"] <= ended]
        assert len(during) > 5, (mode, len(during))


def test_every_mart_and_mart_column_carries_its_description(served):
    marts = {
        node["alias"]: node
        for node in served.manifest["nodes"].values()
        if node["resource_type"] == "model" and node["schema"] == "marts"
    }
    con = duckdb.connect(str(served.path), read_only=True)
    try:
        relation_comments = dict(
            con.execute(
                "select table_name, comment from duckdb_tables() where schema_name = 'marts' "
                "union all "
                "select view_name, comment from duckdb_views() where schema_name = 'marts'"
            ).fetchall()
        )
        column_comments = {
            (table, column): comment
            for table, column, comment in con.execute(
                "select table_name, column_name, comment from duckdb_columns() "
                "where schema_name = 'marts'"
            ).fetchall()
        }
    finally:
        con.close()
    assert set(relation_comments) == set(marts)
    for name, node in marts.items():
        assert relation_comments[name] == node["description"], name
    assert len(column_comments) > 100
    for (table, column), comment in column_comments.items():
        described = marts[table]["columns"][column]["description"]
        assert described.strip(), (table, column)
        assert comment == described, (table, column)
