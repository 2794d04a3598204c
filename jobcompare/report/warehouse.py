"""Read-only access to the warehouse's marts."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

DEFAULT_WAREHOUSE = Path("warehouse/job_compare.duckdb")


class WarehouseError(Exception):
    """The warehouse cannot be read (missing file, not built yet)."""


def warehouse_path(given: Path | None = None) -> Path:
    """The DuckDB file to read: as given, else $JOB_COMPARE_DUCKDB, else the default."""
    if given is not None:
        return given
    return Path(os.environ.get("JOB_COMPARE_DUCKDB", DEFAULT_WAREHOUSE))


@contextmanager
def read_only(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to ``path`` that is closed when the block ends."""
    if not path.is_file():
        raise WarehouseError(f"{path}: no warehouse file; build it first (make build)")
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as error:
        raise WarehouseError(f"{path}: cannot open the warehouse read-only: {error}") from None
    try:
        yield con
    finally:
        con.close()


def records(
    con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None
) -> list[dict[str, Any]]:
    """Rows of a parameterized query as dicts keyed by column name."""
    cursor = con.execute(sql, params or [])
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
