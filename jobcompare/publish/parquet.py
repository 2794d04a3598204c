"""Export every mart as a Parquet file that any client reads natively, and switch the
published folder atomically."""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from jobcompare.publish.errors import BuildFailed
from jobcompare.publish.served_file import Publication

MANIFEST = "manifest.json"


def build_folder(pointer: Path, build_id: str) -> Path:
    """The folder that holds build ``build_id``'s export, beside the link ``pointer``."""
    return pointer.parent / f"{pointer.name}-builds" / build_id


def published_build(folder: Path) -> str | None:
    """The build id that the manifest in ``folder`` (or behind a link) names, if any."""
    try:
        return str(json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["build_id"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


# DuckDB types that pandas, polars, pyarrow and Spark all read from Parquet as native columns
# (numbers, booleans, text, dates). DECIMAL is not among them: pandas reads it as Python
# Decimal objects (dtype object, which describe() skips), so the export writes it as DOUBLE.
NATIVE_TYPES = frozenset(
    {"BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "FLOAT", "DOUBLE", "VARCHAR", "DATE"}
)
# The pair sections with one row per pair and item: about nine rows per pair, so 4.5 to 8.4
# million rows each at 1,000 roles (about 180 MB and 45 s of export for the three), growing
# with the square of the roles. Their rows are the role tables' rows matched by pair, and the
# manifest says so; every other mart, table or view, is exported.
NOT_EXPORTED = {
    "rpt_pair_demographics": "fct_role_demographics",
    "rpt_pair_responsibilities": "fct_role_responsibilities",
    "rpt_pair_skills": "fct_role_skills",
}
MARTS = (
    "select table_name, table_type from information_schema.tables "
    "where table_schema = 'marts' and table_name not in ({}) order by table_name"
).format(", ".join(f"'{name}'" for name in NOT_EXPORTED))
COLUMNS = (
    "select column_name, data_type from information_schema.columns "
    "where table_schema = 'marts' and table_name = ? order by ordinal_position"
)


class UnexportableType(BuildFailed):
    """A mart column whose type has no native Parquet reading in every client."""


def export_column(name: str, warehouse_type: str) -> tuple[str, dict[str, str]]:
    """The select expression that exports column ``name``, and its manifest entry.

    A decimal becomes DOUBLE (its warehouse type is recorded as ``warehouse_type``); a type
    outside ``NATIVE_TYPES`` stops the export rather than write a file some client misreads.
    """
    quoted = '"' + name.replace('"', '""') + '"'
    if warehouse_type.startswith("DECIMAL"):
        return f"cast({quoted} as double) as {quoted}", {
            "name": name,
            "type": "DOUBLE",
            "warehouse_type": warehouse_type,
        }
    if warehouse_type not in NATIVE_TYPES:
        raise UnexportableType(
            f"column {name} is {warehouse_type}; the Parquet export writes only "
            f"{', '.join(sorted(NATIVE_TYPES))} and DECIMAL (as DOUBLE); nothing was published"
        )
    return quoted, {"name": name, "type": warehouse_type}


def export_marts(warehouse: Path, folder: Path, publication: Publication) -> dict[str, int]:
    """Write one Parquet file per mart (table or view) of ``warehouse`` and a manifest.

    Every column keeps its name and, but for decimals (written as DOUBLE), its type; the
    manifest names the build (its id, and the SHA-256 and size of the DuckDB file it was
    exported from, as recorded beside the served file) and, per mart, its file, whether it
    is a table or a view in the warehouse, its row count and its columns with their types.
    It is written last: a folder without one is an unfinished export.

    The views are exported too, but for the three in ``NOT_EXPORTED`` (listed in the
    manifest with what they are made of): at 1,000 roles rpt_role_comparisons is 999,000
    rows (49 MB, 9 s), rpt_pair_salaries and rpt_pair_education 499,500 each;
    fct_occupation_wages is about 6.3 million rows (64 MB, 10 s) whatever the roles.
    """
    folder.mkdir(parents=True)
    con = duckdb.connect(str(warehouse), read_only=True)
    entries = {}
    try:
        for name, table_type in con.execute(MARTS).fetchall():
            selected, columns = [], []
            for column, warehouse_type in con.execute(COLUMNS, [name]).fetchall():
                expression, entry = export_column(column, warehouse_type)
                selected.append(expression)
                columns.append(entry)
            path = folder / f"{name}.parquet"
            escaped = str(path).replace("'", "''")
            con.execute(
                f'copy (select {", ".join(selected)} from marts."{name}") '
                f"to '{escaped}' (format parquet)"
            )
            (rows,) = con.execute(f"select count(*) from '{escaped}'").fetchone()
            entries[name] = {
                "file": path.name,
                "relation": "view" if table_type == "VIEW" else "table",
                "rows": rows,
                "columns": columns,
            }
    finally:
        con.close()
    manifest = {
        "build_id": publication.build_id,
        "warehouse_sha256": publication.sha256,
        "warehouse_bytes": publication.size,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "duckdb_version": duckdb.__version__,
        "marts": entries,
        "not_exported": {
            name: {
                "reason": "one row per pair and item: too many rows",
                "made_of": f"the {table} rows of role a and of role b of each fct_role_pairs row",
            }
            for name, table in NOT_EXPORTED.items()
        },
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return {name: entry["rows"] for name, entry in entries.items()}


def switch(pointer: Path, folder: Path) -> None:
    """Point ``pointer`` (a symbolic link) at ``folder`` in one rename; keep one older build."""
    temporary = pointer.with_name(f".{pointer.name}.switch-{os.getpid()}")
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(os.path.relpath(folder, pointer.parent))
    if pointer.exists() and not pointer.is_symlink():
        raise OSError(f"{pointer} exists and is not a link; move it away to publish Parquet files")
    previous = pointer.resolve() if pointer.is_symlink() else None
    os.replace(temporary, pointer)
    for old in folder.parent.iterdir():
        if old.is_dir() and old not in (folder, previous):
            shutil.rmtree(old, ignore_errors=True)
