"""Open the served warehouse read-only: the one way Python reads it.

A read-only connection never blocks a build (the build publishes a new file by rename), and
is closed when its block ends. Anything that is not a built warehouse (a missing path, a
folder, a device, a text file, an empty or unbuilt DuckDB file) is refused with one line.
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from jobcompare.duckdb_file import has_duckdb_header
from jobcompare.errors import CommandError
from jobcompare.project import warehouse_path

__all__ = ["WarehouseError", "read_only", "records", "warehouse_path"]


class WarehouseError(CommandError):
    """The warehouse cannot be read (missing file, not a warehouse, not built yet)."""


def _check_file(path: Path) -> None:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise WarehouseError(f"{path}: no warehouse file; build it first (make build)") from None
    except OSError as error:
        raise WarehouseError(f"{path}: cannot read it ({error.strerror})") from None
    if stat.S_ISDIR(mode):
        raise WarehouseError(f"{path} is a folder, not a DuckDB warehouse file")
    if not stat.S_ISREG(mode):
        raise WarehouseError(f"{path} is a device or special file, not a DuckDB warehouse file")
    try:
        is_duckdb = has_duckdb_header(path)
    except OSError as error:
        raise WarehouseError(f"{path}: cannot read it ({error.strerror})") from None
    if not is_duckdb:
        raise WarehouseError(f"{path} is not a DuckDB file (empty, or another kind of file)")


@contextmanager
def read_only(path: Path, schema: str = "marts") -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to ``path`` that is closed when the block ends.

    ``schema`` must exist in the file (a DuckDB file that no build wrote is refused). A
    DuckDB error inside the block (a mart missing or of another shape) is one line too.
    """
    _check_file(path)
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as error:
        first = str(error).splitlines()[0]
        raise WarehouseError(f"{path}: cannot open the warehouse read-only: {first}") from None
    try:
        (found,) = con.execute(
            "select count(*) from information_schema.schemata where schema_name = ?", [schema]
        ).fetchone()
        if not found:
            raise WarehouseError(f"{path}: has no {schema} schema; build it first (make build)")
        yield con
    except duckdb.Error as error:
        # A mart this version reads is missing or another shape (an older build; builds
        # before views stopped naming their catalog fail in a renamed copy too).
        first = str(error).splitlines()[0]
        raise WarehouseError(f"{path}: cannot read the marts: {first}") from None
    finally:
        con.close()


def records(
    con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None
) -> list[dict[str, Any]]:
    """Rows of a parameterized query as dicts keyed by column name."""
    cursor = con.execute(sql, params or [])
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
