"""Write, audit, publish: build into a fresh file, run every test, then swap it in whole.

The served DuckDB file is never opened for writing. A build writes into
``.building-<pid>/<served name>`` beside it (the same name, so that the views' catalog
name matches, and the same file system, so that the final rename is atomic). Only when
dbt has built every model and passed every test is the new file checkpointed, exported
to Parquet and renamed over the served file. Readers that hold the old file keep their
view of it; new connections see the new build. A failure, or a kill at any point, leaves
the served file as it was; the next build removes what a killed one left behind.
"""

from __future__ import annotations

import errno
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from jobcompare.dbt_process import run_dbt
from jobcompare.lock import FileLock
from jobcompare.oews.load import OewsError, bundled_source, load
from jobcompare.project import oews_dir
from jobcompare.publish import parquet
from jobcompare.publish.errors import BuildFailed, ShapeChanged
from jobcompare.publish.failures import explain, out_of_sync_models

STAGING_PREFIX = ".building-"


@dataclass(frozen=True)
class Published:
    served: Path
    parquet: Path
    build_id: str
    tables: dict[str, int]
    seconds: float


def _cannot_write(folder: Path, error: OSError | duckdb.Error) -> BuildFailed:
    out_of_space = getattr(error, "errno", None) == errno.ENOSPC or "No space left" in str(error)
    if out_of_space:
        return BuildFailed(f"no space left on the device of {folder}; nothing was published")
    reason = getattr(error, "strerror", None) or str(error)
    return BuildFailed(f"cannot write to {folder} ({reason}); nothing was published")


def remove_stale_builds(folder: Path) -> list[Path]:
    """Remove what killed builds left (only ever called while holding the build lock)."""
    stale = [path for path in folder.glob(f"{STAGING_PREFIX}*") if path.is_dir()]
    for path in stale:
        shutil.rmtree(path, ignore_errors=True)
    for path in folder.glob(".*.switch-*"):
        path.unlink(missing_ok=True)
    return stale


def _checkpoint(path: Path) -> None:
    con = duckdb.connect(str(path))
    try:
        con.execute("checkpoint")
    finally:
        con.close()


def build_and_publish(
    served: Path,
    project: Path,
    parquet_pointer: Path | None = None,
    dbt_args: list[str] | None = None,
    say: Callable[[str], None] = print,
    full_refresh: bool = False,
    oews_source: Path | None = None,
) -> Published:
    """Build the warehouse aside and publish it over ``served``; raise BuildFailed if not.

    The build starts from a copy of the served file, so that incremental models (the pair
    fact) recompute only what changed; ``full_refresh`` starts from an empty file and
    rebuilds everything, and so does a build whose incremental tables in the served file
    have other columns than their models now (a file built by an older version). The OEWS
    release is verified and loaded first (a no-op when it already is); a damaged data file
    stops the build before dbt runs.
    """
    started = time.perf_counter()
    served = served.absolute()
    folder = served.parent
    pointer = (parquet_pointer or folder / "parquet").absolute()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        lock = FileLock(folder / f".{served.name}.lock", f"build of {served}")
        lock.__enter__()
    except OSError as error:
        raise _cannot_write(folder, error) from None
    try:
        for path in remove_stale_builds(folder):
            say(f"removed {path.name}, left by a build that did not finish")
        try:
            loaded = load(oews_source or bundled_source(), oews_dir(project), show_progress=False)
        except OewsError as error:
            raise BuildFailed(f"{error}; nothing was published") from None
        say(f"OEWS {loaded.release} {'already loaded' if loaded.skipped else 'loaded'} "
            f"in {loaded.out}")  # fmt: skip
        try:
            return _build_aside(served, project, pointer, dbt_args, say, started, full_refresh)
        except ShapeChanged as changed:
            if full_refresh:
                raise
            say(
                f"{', '.join(changed.models)}: the served file holds an older shape of this "
                "incremental table; building everything again from empty (--full-refresh)"
            )
            return _build_aside(served, project, pointer, dbt_args, say, started, True)
    finally:
        lock.__exit__(None, None, None)


def _build_aside(
    served: Path,
    project: Path,
    pointer: Path,
    dbt_args: list[str] | None,
    say: Callable[[str], None],
    started: float,
    full_refresh: bool,
) -> Published:
    """One attempt in a fresh staging folder, removed again whatever happens."""
    folder = served.parent
    staging_dir = folder / f"{STAGING_PREFIX}{os.getpid()}"
    try:
        staging_dir.mkdir()
        if served.exists() and not full_refresh:
            say(f"starting from a copy of {served.name} (incremental)")
            shutil.copyfile(served, staging_dir / served.name)
    except OSError as error:
        shutil.rmtree(staging_dir, ignore_errors=True)
        raise _cannot_write(folder, error) from None
    if full_refresh:
        dbt_args = ["--full-refresh", *(dbt_args or [])]
    try:
        return _build(served, staging_dir / served.name, project, pointer, dbt_args, say,
                      started)  # fmt: skip
    finally:
        shutil.rmtree(staging_dir, ignore_errors=True)


def _build(
    served: Path,
    staging: Path,
    project: Path,
    pointer: Path,
    dbt_args: list[str] | None,
    say: Callable[[str], None],
    started: float,
) -> Published:
    say(f"building into {staging} (the served {served.name} is not touched)")
    output: list[str] = []

    def echo(line: str) -> None:
        output.append(line)
        say(line)

    code = run_dbt(["build", *(dbt_args or [])], project, staging, echo)
    if code != 0:
        if any("No space left on device" in line for line in output):
            raise BuildFailed(
                f"no space left on the device of {served.parent}; nothing was published"
            )
        changed = out_of_sync_models(project / "target")
        if changed:
            raise ShapeChanged(changed)
        findings = explain(project, project / "target", staging)
        raise BuildFailed(
            "the build failed; nothing was published and the served warehouse is unchanged",
            findings or [line for line in output if "Error" in line][-10:],
        )
    build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + f"-{os.getpid()}"
    folder = pointer.parent / f"{pointer.name}-builds" / build_id
    try:
        _checkpoint(staging)
        tables = parquet.export_marts(staging, folder, build_id)
        wal = served.with_name(served.name + ".wal")
        if wal.exists():
            say(f"removing {wal.name}: it belongs to the file being replaced")
            wal.unlink()
        os.replace(staging, served)
    except (OSError, duckdb.Error) as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise _cannot_write(served.parent, error) from None
    try:
        parquet.switch(pointer, folder)
    except OSError as error:
        raise BuildFailed(
            f"published {served}, but the Parquet folder {pointer} still holds the previous "
            f"build: {error}"
        ) from None
    seconds = time.perf_counter() - started
    say(
        f"published {served} and {len(tables)} Parquet files in {pointer} "
        f"(build {build_id}, {seconds:.1f} s)"
    )
    return Published(served, pointer, build_id, tables, seconds)
