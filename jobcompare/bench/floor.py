"""The floor: the SQL that dbt compiled, run by DuckDB in one Python process, no dbt.

Models are created in dependency order (views as views, tables and incremental models
as tables) and every data test is run as ``select count(*)`` of its failing rows. The
result is what the pipeline costs without dbt's parsing, scheduling and bookkeeping.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from graphlib import TopologicalSorter
from pathlib import Path
from typing import Any

import duckdb

from jobcompare.dbt_process import read_json
from jobcompare.project import CHECKOUT, memory_limit


@dataclass(frozen=True)
class FloorResult:
    model_seconds: float
    test_seconds: float
    models: int
    tests: int
    failing_tests: list[str]

    @property
    def seconds(self) -> float:
        return self.model_seconds + self.test_seconds


def _ordered(manifest: dict[str, Any], node_ids: set[str]) -> list[str]:
    graph = {
        node_id: {p for p in manifest["nodes"][node_id]["depends_on"]["nodes"] if p in node_ids}
        for node_id in node_ids
    }
    return list(TopologicalSorter(graph).static_order())


def run_floor(target: Path, database: Path) -> FloorResult:
    """Replay the compiled SQL of the last dbt run (in ``target``) into ``database``."""
    manifest = read_json(target / "manifest.json")
    results = read_json(target / "run_results.json")["results"]
    compiled = {r["unique_id"]: r["compiled_code"] for r in results if r.get("compiled_code")}
    chosen = {
        node_id
        for node_id in compiled
        if manifest["nodes"].get(node_id, {}).get("resource_type") in ("model", "test")
    }
    con = duckdb.connect(str(database))
    con.execute(f"set memory_limit = '{memory_limit(CHECKOUT)}'")
    con.execute("set preserve_insertion_order = false")
    model_seconds = test_seconds = 0.0
    failing: list[str] = []
    models = tests = 0
    try:
        for node_id in _ordered(manifest, chosen):
            node = manifest["nodes"][node_id]
            sql = compiled[node_id]
            started = time.perf_counter()
            if node["resource_type"] == "model":
                relation = f'"{node["database"]}"."{node["schema"]}"."{node["alias"]}"'
                kind = "view" if node["config"]["materialized"] == "view" else "table"
                con.execute(f'create schema if not exists "{node["schema"]}"')
                con.execute(f"create or replace {kind} {relation} as ({sql})")
                model_seconds += time.perf_counter() - started
                models += 1
            else:
                (count,) = con.execute(f"select count(*) from ({sql}) as failures").fetchone()
                test_seconds += time.perf_counter() - started
                tests += 1
                if count:
                    failing.append(node["name"])
    finally:
        con.close()
    return FloorResult(model_seconds, test_seconds, models, tests, failing)
