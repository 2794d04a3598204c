"""Export the marts as Parquet files and switch the published folder atomically."""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import duckdb

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


def export_marts(warehouse: Path, folder: Path, publication: Publication) -> dict[str, int]:
    """Write one Parquet file per mart table of ``warehouse`` and a manifest into ``folder``.

    The manifest names the build (its id, and the SHA-256 and size of the DuckDB file it
    was exported from, as recorded beside the served file) and is written last: a folder
    without one is an unfinished export.

    The mart views (rpt_role_comparisons and the pair sections) are not exported: they are
    joins of these tables, and at thousands of roles they would be billions of rows.
    """
    folder.mkdir(parents=True)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        marts = [
            name
            for (name,) in con.execute(
                "select table_name from information_schema.tables "
                "where table_schema = 'marts' and table_type = 'BASE TABLE' order by table_name"
            ).fetchall()
        ]
        counts = {}
        for name in marts:
            path = folder / f"{name}.parquet"
            escaped = str(path).replace("'", "''")
            con.execute(f"copy (select * from marts.\"{name}\") to '{escaped}' (format parquet)")
            (counts[name],) = con.execute(f'select count(*) from marts."{name}"').fetchone()
    finally:
        con.close()
    manifest = {
        "build_id": publication.build_id,
        "warehouse_sha256": publication.sha256,
        "warehouse_bytes": publication.size,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "duckdb_version": duckdb.__version__,
        "tables": {
            name: {"file": f"{name}.parquet", "rows": rows} for name, rows in counts.items()
        },
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return counts


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
