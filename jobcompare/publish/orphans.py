"""Drop relations that no model builds any more, so that a renamed mart leaves no stale copy.

An incremental build starts from a copy of the served file. Without this step a model that
was renamed or removed would leave its last table or view behind, and readers would go on
querying data that no build refreshes. After a successful build, every table and view in
the project's schemas that the manifest does not name is dropped from the new file, before
it is published.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from jobcompare.dbt_process import read_json

# Relations a model keeps beside itself, which are not nodes of the manifest.
KEPT_BESIDE_MODELS = frozenset({("intermediate", "int_role_fingerprints__in_pair_fact")})
BUILT_RESOURCES = ("model", "seed", "snapshot")


def built_relations(manifest: Path) -> set[tuple[str, str]]:
    """(schema, name) of every relation the project's nodes build, per ``manifest``."""
    nodes = read_json(manifest).get("nodes", {})
    return {
        (node["schema"], node.get("alias") or node["name"])
        for node in nodes.values()
        if node.get("resource_type") in BUILT_RESOURCES
    }


def drop_orphans(warehouse: Path, manifest: Path) -> list[str]:
    """Drop from ``warehouse`` what no node of ``manifest`` builds; return their names."""
    built = built_relations(manifest)
    if not built:
        return []  # no manifest to go by: drop nothing
    known = built | KEPT_BESIDE_MODELS
    schemas = sorted({schema for schema, _ in known})
    con = duckdb.connect(str(warehouse))
    try:
        found = con.execute(
            "select table_schema, table_name, table_type from information_schema.tables "
            "where table_catalog = current_database() "
            f"and table_schema in ({', '.join('?' for _ in schemas)}) "
            "order by table_schema, table_name",
            schemas,
        ).fetchall()
        dropped = []
        for schema, name, kind in found:
            if (schema, name) in known:
                continue
            what = "view" if kind == "VIEW" else "table"
            con.execute(f"drop {what} {_quoted(schema)}.{_quoted(name)}")
            dropped.append(f"{schema}.{name}")
    finally:
        con.close()
    return dropped


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'
