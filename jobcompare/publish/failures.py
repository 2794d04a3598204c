"""Explain a failed dbt build: which rule failed, on which rows, from which seed file and row."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import duckdb

from jobcompare.dbt_process import read_json

FAILED = {"error", "fail", "runtime error"}
SHOWN_ROWS = 5


def _rule(node: dict[str, Any]) -> str:
    metadata = node.get("test_metadata") or {}
    if not metadata:
        return node.get("name", "?")
    kwargs = {k: v for k, v in metadata.get("kwargs", {}).items() if k != "model"}
    column = kwargs.pop("column_name", None)
    arguments = ", ".join([*([column] if column else []), *(f"{k}={v}" for k, v in kwargs.items())])
    where = (node.get("config") or {}).get("where")
    return f"{metadata.get('name')}({arguments})" + (f" where {where}" if where else "")


def _upstream_seeds(manifest: dict[str, Any], unique_id: str) -> list[dict[str, Any]]:
    parents = manifest.get("parent_map", {})
    seen, stack, seeds = set(), [unique_id], []
    while stack:
        node_id = stack.pop()
        if node_id in seen:
            continue
        seen.add(node_id)
        if node_id.startswith("seed."):
            seeds.append(manifest["nodes"][node_id])
        stack.extend(parents.get(node_id, []))
    return seeds


LOCATING_KEYS = ("page_id", "line_number", "role_position")


def _seed_rows(project: Path, seed: dict[str, Any], row: dict[str, Any]) -> list[str]:
    """Where ``row`` (a failing row that names a page, and maybe a line) is in the seed CSV."""
    keys = [key for key in LOCATING_KEYS if key in row]
    path = project / seed["original_file_path"]
    found = []
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            if not set(keys) <= set(reader.fieldnames or ()):
                return []
            for number, record in enumerate(reader, start=2):
                if all(record.get(key) == str(row[key]) for key in keys):
                    found.append(f"{seed['original_file_path']} line {number}")
    except OSError:
        return []
    return found


def _failing_rows(warehouse: Path, sql: str, limit: int = SHOWN_ROWS) -> list[dict[str, Any]]:
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error:
        return []
    try:
        cursor = con.execute(f"select * from ({sql}) as failing order by all limit {limit}")
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
    except duckdb.Error:
        return []
    finally:
        con.close()


SHOWN_COLUMNS = ("fact_label", "fact_value", "raw_text", "role_name")


def _describe_row(
    project: Path, seeds: list[dict[str, Any]], row: dict[str, Any], column: str | None
) -> str:
    if column and "unique_field" in row:
        row = {column: row.pop("unique_field"), **row}
    wanted = [*LOCATING_KEYS, *([column] if column else []), *SHOWN_COLUMNS]
    picked = {key: row[key] for key in wanted if key in row} or row
    shown = ", ".join(f"{key}={value!r}" for key, value in picked.items())
    if "page_id" in row:
        places = [place for seed in seeds for place in _seed_rows(project, seed, row)]
        if places:
            return f"{'; '.join(places)}: {shown}"
    return shown


# A failing row with these columns is one page's statement of a fact that pages disagree on.
CONFLICT_COLUMNS = {"role_key", "fact_name", "page_id", "fact_value", "distinct_value_count"}
SHOWN_CONFLICTS = 10
CONFLICT_ROWS = 1000


def _describe_conflicts(
    project: Path, seeds: list[dict[str, Any]], rows: list[dict[str, Any]]
) -> list[str]:
    """One line per disagreement: the role, the fact, and every page's value with its place."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for row in rows:
        key = (row["role_key"], row["fact_name"], row.get("fact_item_key"))
        groups.setdefault(key, []).append(row)
    lines = []
    for (role, fact, item), statements in list(groups.items())[:SHOWN_CONFLICTS]:
        said = []
        for row in statements:
            places = [place for seed in seeds for place in _seed_rows(project, seed, row)]
            where = f"page {row['page_id']!r} line {row.get('line_number')}"
            said.append(f"{where} ({places[0] if places else 'no seed row'}) says "
                        f"{row['fact_value']!r}")  # fmt: skip
        fact_name = f"{fact} {item!r}" if item is not None else fact
        lines.append(f"    role {role!r}, fact {fact_name}: {'; '.join(said)}")
    if len(groups) > SHOWN_CONFLICTS:
        lines.append(f"    ... and {len(groups) - SHOWN_CONFLICTS} more disagreements")
    return lines


def explain(project: Path, target: Path, warehouse: Path) -> list[str]:
    """One line per failed node, and for failed tests the first failing rows, located."""
    results = read_json(target / "run_results.json").get("results", [])
    manifest = read_json(target / "manifest.json")
    nodes = {**manifest.get("nodes", {}), **manifest.get("unit_tests", {})}
    lines = []
    for result in results:
        if result.get("status") not in FAILED:
            continue
        unique_id = result["unique_id"]
        node = nodes.get(unique_id, {})
        kind = node.get("resource_type", unique_id.split(".")[0])
        name = node.get("name", unique_id)
        if kind == "test" and result["status"] == "fail":
            models = [n.split(".")[-1] for n in node.get("depends_on", {}).get("nodes", [])]
            lines.append(
                f"FAIL {name}: {result.get('failures')} row(s) break the rule {_rule(node)} "
                f"on {', '.join(models)}"
            )
            seeds = _upstream_seeds(manifest, unique_id)
            column = (node.get("test_metadata") or {}).get("kwargs", {}).get("column_name")
            sql = result.get("compiled_code") or ""
            rows = _failing_rows(warehouse, sql, CONFLICT_ROWS)
            if rows and rows[0].keys() >= CONFLICT_COLUMNS:
                lines.extend(_describe_conflicts(project, seeds, rows))
                continue
            for row in rows[:SHOWN_ROWS]:
                lines.append("    " + _describe_row(project, seeds, row, column))
        else:
            message = " ".join((result.get("message") or "").split())
            lines.append(f"ERROR {kind} {name}: {message[:500]}")
    return lines


OUT_OF_SYNC = "The source and target schemas on this incremental model are out of sync"


def out_of_sync_models(target: Path) -> list[str]:
    """Incremental models that failed because their stored columns differ from the model's."""
    results = read_json(target / "run_results.json").get("results", [])
    return [
        result["unique_id"].split(".")[-1]
        for result in results
        if result.get("status") == "error" and OUT_OF_SYNC in (result.get("message") or "")
    ]
