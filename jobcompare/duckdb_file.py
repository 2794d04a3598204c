"""Recognise a DuckDB database file by its header, before anything opens it."""

from __future__ import annotations

from pathlib import Path

# A DuckDB file's main header carries these bytes at offset 8.
_MAGIC = b"DUCK"
_MAGIC_AT = slice(8, 12)


def has_duckdb_header(path: Path) -> bool:
    """Whether ``path`` starts like a DuckDB file (raises OSError if it cannot be read)."""
    with path.open("rb") as handle:
        header = handle.read(16)
    return len(header) == 16 and header[_MAGIC_AT] == _MAGIC
