"""Superset 6.1.0 against the served file, as `make superset` sets it up: a smoke test.

Outside the default run (marker ``superset``, deselected by pyproject's addopts): it needs
Superset's own environment (``.superset-venv``, installed by the first run, about 4 minutes)
and about a minute more. ``make superset-test`` runs it.

One project copy is built from the committed seeds; ``python -m jobcompare.superset``
configures a Superset home in a temporary folder and registers the copy's served file, and
the real server is started on a free localhost port. Through the REST API, logged in as the
admin: every mart is a dataset; the database is read-only; each chart of the dashboard
runs its data query (``/api/v1/chart/data``) with the dashboard's native filter at its
default and answers what the warehouse holds, read with DuckDB read-only (and the pay gap
is the one the source page gives); SQL Lab refuses DML and the file stays byte-identical;
a `jobcompare build` publishes over the file while Superset is up, and Superset answers
from the new build.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pytest
import requests
from support import MANAGER_PAGE, REPO, copy_project, file_digest, run_build, served_file

from jobcompare.superset.cli import ADMIN_USER, Superset, serve_command

pytestmark = pytest.mark.superset

VENV = REPO / ".superset-venv"
ROLE = "Customer Service Manager"
OTHER_ROLE = "Lead Customer Service Representative"
AREA_WAGES = "fct_occupation_area_wages"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Running:
    project: Path
    warehouse: Path
    base: str
    session: requests.Session
    timings: dict[str, float] = field(default_factory=dict)

    def get(self, path: str, **params: Any) -> Any:
        response = self.session.get(self.base + path, params=params, timeout=60)
        assert response.status_code == 200, response.text[:500]
        return response.json()

    def post(self, path: str, payload: dict[str, Any]) -> requests.Response:
        return self.session.post(self.base + path, json=payload, timeout=120)

    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        con = duckdb.connect(str(self.warehouse), read_only=True)
        try:
            return con.execute(sql, params or []).fetchall()
        finally:
            con.close()


@pytest.fixture(scope="module")
def superset(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    timings: dict[str, float] = {}
    root = tmp_path_factory.mktemp("superset")
    project = copy_project(root / "project")
    built = run_build(project)
    assert built.returncode == 0, built.stderr + built.stdout[-3000:]
    warehouse = served_file(project)

    home = root / "home"
    started = time.monotonic()
    setup = subprocess.run(
        [sys.executable, "-m", "jobcompare.superset", "--project", str(project),
         "--warehouse", str(warehouse), "--venv", str(VENV), "--home", str(home),
         "--no-serve"],
        cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip
    timings["install, configure and register"] = time.monotonic() - started
    assert setup.returncode == 0, setup.stderr[-3000:] + setup.stdout[-3000:]

    install = Superset(VENV, home)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    server = subprocess.Popen(
        serve_command(install, port), env=install.env(), stdout=subprocess.DEVNULL,
        stderr=open(root / "superset.log", "w"),  # noqa: SIM115
    )  # fmt: skip
    try:
        while time.monotonic() - started < 180:
            try:
                if requests.get(base + "/health", timeout=5).text == "OK":
                    break
            except requests.ConnectionError:
                pass
            assert server.poll() is None, (root / "superset.log").read_text()[-3000:]
            time.sleep(0.5)
        else:
            pytest.fail("Superset did not answer /health within 180 s")
        timings["start (process to /health OK)"] = time.monotonic() - started
        session = requests.Session()
        login = session.post(
            base + "/api/v1/security/login",
            json={"username": ADMIN_USER, "password": install.admin_password(),
                  "provider": "db", "refresh": True},
            timeout=60,
        )  # fmt: skip
        assert login.status_code == 200, login.text
        session.headers["Authorization"] = f"Bearer {login.json()['access_token']}"
        running = Running(project, warehouse, base, session, timings)
        yield running
    finally:
        server.terminate()
        server.wait(timeout=30)
    print("\nSuperset smoke timings: " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))


def dashboard_charts(superset: Running) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Each chart's saved query context, with the dashboard's native filters at their
    defaults applied as the dashboard applies them, and the filters that apply."""
    dashboard = superset.get("/api/v1/dashboard/job-compare")["result"]
    filters = json.loads(dashboard["json_metadata"])["native_filter_configuration"]
    charts = superset.get("/api/v1/dashboard/job-compare/charts")["result"]
    found = []
    for chart in charts:
        saved = superset.get(f"/api/v1/chart/{chart['id']}")["result"]
        context = json.loads(saved["query_context"])
        applied = [f for f in filters if chart["id"] in f["chartsInScope"]]
        for native in applied:
            context["queries"][0]["filters"] += native["defaultDataMask"]["extraFormData"][
                "filters"
            ]
        found.append((context, applied))
    return found


def chart_rows(superset: Running, context: dict[str, Any]) -> list[dict[str, Any]]:
    response = superset.post("/api/v1/chart/data", context)
    assert response.status_code == 200, response.text[:1000]
    return response.json()["result"][0]["data"]


def page_pay_gap() -> int:
    """The manager's yearly salary minus the lead representative's, as the page gives them."""
    row = re.search(r"^Yearly salary\$([\d,]+)\$([\d,]+)$", MANAGER_PAGE.read_text(), re.M)
    assert row is not None
    manager, lead = (int(value.replace(",", "")) for value in row.groups())
    return manager - lead


def test_every_mart_is_a_dataset(superset):
    datasets = superset.get("/api/v1/dataset/", q="(page_size:100)")["result"]
    registered = {d["table_name"] for d in datasets if d["schema"] == "marts"}
    marts = {
        name
        for (name,) in superset.query(
            "select table_name from information_schema.tables where table_schema = 'marts'"
        )
    }
    assert len(marts) >= 18
    assert registered == marts
    (roles,) = [d for d in datasets if d["table_name"] == "dim_roles"]
    described = superset.get(f"/api/v1/dataset/{roles['id']}")["result"]
    assert described["description"], "the mart's YAML description reaches Superset"
    assert any(column["description"] for column in described["columns"])


def test_the_served_file_is_registered_read_only(superset):
    (database,) = superset.get("/api/v1/database/")["result"]
    detail = superset.get(f"/api/v1/database/{database['id']}/connection")["result"]
    assert detail["allow_dml"] is False
    assert (detail["allow_ctas"], detail["allow_cvas"], detail["allow_file_upload"]) == (
        False, False, False,
    )  # fmt: skip
    assert json.loads(detail["extra"])["engine_params"]["connect_args"] == {"read_only": True}
    assert detail["sqlalchemy_uri"] == f"duckdb:///{superset.warehouse}"


def test_each_dashboard_chart_answers_what_the_warehouse_holds(superset):
    charts = dashboard_charts(superset)
    assert len(charts) == 4
    by_filter = {}
    for context, applied in charts:
        (native,) = applied
        column = native["targets"][0]["column"]["name"]
        (value,) = native["defaultDataMask"]["filterState"]["value"]
        by_filter.setdefault(column, value)
        rows = chart_rows(superset, context)
        query = context["queries"][0]
        if column == "role_a_name":
            assert value == ROLE
            expected = dict(superset.query(
                "select role_b_name, yearly_salary_diff_usd from marts.rpt_role_comparisons "
                "where role_a_name = ?", [value]))  # fmt: skip
            key, value_column = "role_b_name", "yearly_salary_diff_usd"
            assert len(rows) == 2
        else:
            assert column == "occupation_title"
            expected = dict(superset.query(
                f"select area_name, annual_median_usd from marts.{AREA_WAGES} "
                "where occupation_title = ? and area_type = 'state'", [value]))  # fmt: skip
            key, value_column = "area_name", "annual_median_usd"
            assert len(rows) >= 50
        # A table shows the column; a bar chart its metric (the column's MAX, by label).
        measure = query["metrics"][0]["label"] if query["metrics"] else value_column
        got = {row[key]: row[measure] for row in rows}
        assert got == {k: (None if v is None else float(v)) for k, v in expected.items()}
        if column == "role_a_name":
            assert got[OTHER_ROLE] == page_pay_gap() == 25_390
    # The occupation filter opens on the role's official occupation (the crosswalk).
    (official,) = superset.query(
        "select occupation_title from marts.rpt_role_official_wages where role_name = ?", [ROLE]
    )[0:1]
    assert by_filter == {"role_a_name": ROLE, "occupation_title": official[0]}


def sql_lab(superset: Running, sql: str) -> requests.Response:
    csrf = superset.get("/api/v1/security/csrf_token/")["result"]
    (database,) = superset.get("/api/v1/database/")["result"]
    return superset.session.post(
        superset.base + "/api/v1/sqllab/execute/",
        json={"database_id": database["id"], "sql": sql, "schema": "marts", "runAsync": False,
              "client_id": os.urandom(5).hex(), "tab": "smoke test"},
        headers={"X-CSRFToken": csrf, "Referer": superset.base},
        timeout=120,
    )  # fmt: skip


def test_sql_lab_answers_selects_and_refuses_dml(superset):
    before = file_digest(superset.warehouse)
    answer = sql_lab(superset, "select count(*) as roles from marts.dim_roles")
    assert answer.status_code == 200, answer.text[:500]
    assert answer.json()["data"] == [{"roles": 3}]
    for dml in (
        "create table marts.written_by_superset as select 1 as x",
        "insert into marts.dim_skills (skill_key) values ('x')",
        "delete from marts.dim_roles",
        "drop view marts.rpt_role_comparisons",
    ):
        refused = sql_lab(superset, dml)
        assert refused.status_code >= 400, dml
        assert refused.json()["errors"][0]["error_type"] == "DML_NOT_ALLOWED_ERROR", dml
    assert file_digest(superset.warehouse) == before


def test_a_build_publishes_over_the_file_while_superset_is_up(superset):
    """Run last: the build swaps the file; Superset's next query reads the new build."""
    inode = superset.warehouse.stat().st_ino
    started = time.monotonic()
    built = run_build(superset.project)
    superset.timings["jobcompare build while Superset is up"] = time.monotonic() - started
    assert built.returncode == 0, built.stderr + built.stdout[-3000:]
    assert superset.warehouse.stat().st_ino != inode
    role_charts = [c for c, applied in dashboard_charts(superset)
                   if applied[0]["targets"][0]["column"]["name"] == "role_a_name"]  # fmt: skip
    for context in role_charts:
        rows = chart_rows(superset, context)
        assert len(rows) == 2
    answer = sql_lab(superset, "select count(*) as pairs from marts.fct_role_pairs")
    assert answer.json()["data"] == [{"pairs": 3}]
