"""Write, audit, publish: build into a fresh file, run every test, then swap it in whole.

The served DuckDB file is never opened for writing. A build writes into
``.building-<served name>/<served name>`` beside it (on the same file system, so that the
final rename is atomic; the name does not matter, as no view names its catalog). The folder's
name is the same in every build, so dbt's profile is too, and dbt parses the project again
only where files changed (partial parsing) instead of from scratch in every build. Only when
dbt has built every model and passed every test is the new file checkpointed, exported
to Parquet and renamed over the served file. Readers that hold the old file keep their
view of it; new connections see the new build. A failure, or a kill at any point, leaves
the served file as it was; the next build removes what a killed one left behind.

From the start of a build to its publish the served file is held (``served_file``): no
writer can open it meanwhile, and a file a writer holds is refused. An incremental build
starts from a copy of the served file only when that copy is byte for byte the last
published build; otherwise it builds from empty, and says why.
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
from jobcompare.publish.orphans import drop_orphans
from jobcompare.publish.served_file import (
    Publication,
    ServedFileHold,
    check_target,
    copy_with_digest,
    digest,
    read_record,
    write_record,
)

STAGING_PREFIX = ".building-"
# Room an incremental build needs beside the served file: its copy, and the copy's growth.
COPY_HEADROOM = 1.5


@dataclass(frozen=True)
class Published:
    served: Path
    parquet: Path
    build_id: str
    tables: dict[str, int]
    seconds: float


def _out_of_space(error: BaseException | str) -> bool:
    return getattr(error, "errno", None) == errno.ENOSPC or "No space left" in str(error)


def _cannot_write(folder: Path, error: OSError | duckdb.Error) -> BuildFailed:
    if _out_of_space(error):
        return BuildFailed(f"no space left on the device of {folder}; nothing was published")
    reason = getattr(error, "strerror", None) or str(error)
    return BuildFailed(f"cannot write to {folder} ({reason}); nothing was published")


class _NoRoomForCopy(Exception):
    """An incremental build ran out of space; a build from empty needs less."""


def staging_folder(served: Path) -> Path:
    """The folder a build of ``served`` writes into: one name, used under the build lock."""
    return served.parent / f"{STAGING_PREFIX}{served.name}"


def remove_stale_builds(served: Path) -> list[Path]:
    """Remove what killed builds of ``served`` left (only ever called while holding its build
    lock): its staging folder, and those of older versions, which were named after the pid."""
    folder = served.parent
    stale = [
        path
        for path in folder.glob(f"{STAGING_PREFIX}*")
        if path.is_dir()
        and (path == staging_folder(served) or path.name[len(STAGING_PREFIX) :].isdigit())
    ]
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
    fact) recompute only what changed. It builds from empty instead (as ``full_refresh``
    does) when the served file is not the last published build's own content, when there
    is no room for the copy, and when its incremental tables have other columns than their
    models now (a file built by an older version). The OEWS release is verified and loaded
    first (a no-op when it already is); a damaged data file stops the build before dbt runs.
    """
    started = time.perf_counter()
    served = served.absolute()
    folder = served.parent
    pointer = (parquet_pointer or folder / "parquet").absolute()
    check_target(served)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        lock = FileLock(folder / f".{served.name}.lock", f"build of {served}")
        lock.__enter__()
    except OSError as error:
        raise _cannot_write(folder, error) from None
    try:
        for path in remove_stale_builds(served):
            say(f"removed {path.name}, left by a build that did not finish")
        with ServedFileHold(served):
            _repair_parquet(served, pointer, say)
            try:
                loaded = load(oews_source or bundled_source(), oews_dir(project),
                              show_progress=False)  # fmt: skip
            except OewsError as error:
                raise BuildFailed(f"{error}; nothing was published") from None
            say(f"OEWS {loaded.release} {'already loaded' if loaded.skipped else 'loaded'} "
                f"in {loaded.out}")  # fmt: skip
            attempt = (served, project, pointer, dbt_args, say, started)
            try:
                return _build_aside(*attempt, full_refresh)
            except _NoRoomForCopy:
                say("no space left for an incremental build beside a copy of the served file; "
                    "building from empty instead (--full-refresh), which needs less")  # fmt: skip
                return _build_aside(*attempt, True)
            except ShapeChanged as changed:
                if full_refresh:
                    raise
                say(
                    f"{', '.join(changed.models)}: the served file holds an older shape of "
                    "this incremental table; building everything again from empty "
                    "(--full-refresh)"
                )
                return _build_aside(*attempt, True)
    finally:
        lock.__exit__(None, None, None)


def _start_from_served(served: Path, staging: Path, say: Callable[[str], None]) -> bool:
    """Copy the served file to ``staging`` if it is the last publish's own content."""
    record = read_record(served)
    if record is None:
        say(f"{served.name} has no record of its publish (an older version built it); "
            "building from empty")  # fmt: skip
        return False
    size = served.stat().st_size
    free = shutil.disk_usage(served.parent).free
    if free < size * COPY_HEADROOM:
        say(
            f"only {free / 2**20:,.0f} MiB free beside {served.name} "
            f"({size / 2**20:,.0f} MiB): too little to start from a copy of it; building "
            "from empty (--full-refresh)"
        )
        return False
    try:
        copied = copy_with_digest(served, staging)
    except OSError as error:
        staging.unlink(missing_ok=True)
        if _out_of_space(error):
            say(f"no space left to copy {served.name}; building from empty (--full-refresh)")
            return False
        raise
    if copied != record.sha256:
        staging.unlink()
        say(f"{served.name} was changed after build {record.build_id} published it (not by a "
            "build); building from empty so that nothing a writer left is carried on")  # fmt: skip
        return False
    say(f"starting from a copy of {served.name}, build {record.build_id} (incremental)")
    return True


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
    staging_dir = staging_folder(served)
    staging = staging_dir / served.name
    try:
        staging_dir.mkdir()
        incremental = (not full_refresh and served.exists()
                       and _start_from_served(served, staging, say))  # fmt: skip
    except OSError as error:
        shutil.rmtree(staging_dir, ignore_errors=True)
        raise _cannot_write(folder, error) from None
    except BaseException:
        shutil.rmtree(staging_dir, ignore_errors=True)
        raise
    if not incremental:
        dbt_args = ["--full-refresh", *(dbt_args or [])]
    try:
        return _build(served, staging, project, pointer, dbt_args, say, started)
    except BuildFailed as failure:
        if incremental and failure.summary.startswith("no space left"):
            raise _NoRoomForCopy from None
        raise
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
    folder = parquet.build_folder(pointer, build_id)
    try:
        for name in drop_orphans(staging, project / "target" / "manifest.json"):
            say(f"dropped {name}: no model builds it any more (renamed or removed)")
        _checkpoint(staging)
        publication = Publication(build_id, digest(staging), staging.stat().st_size)
        tables = parquet.export_marts(staging, folder, publication)
        write_record(served, publication)
        os.replace(staging, served)
    except parquet.UnexportableType:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    except (OSError, duckdb.Error) as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise _cannot_write(served.parent, error) from None
    try:
        parquet.switch(pointer, folder)
    except OSError as error:
        raise BuildFailed(
            f"published {served}, but the Parquet folder {pointer} still holds the previous "
            f"build ({error}); the next build repairs it"
        ) from None
    seconds = time.perf_counter() - started
    say(
        f"published {served} and {len(tables)} Parquet files in {pointer} "
        f"(build {build_id}, {seconds:.1f} s)"
    )
    return Published(served, pointer, build_id, tables, seconds)


def _repair_parquet(served: Path, pointer: Path, say: Callable[[str], None]) -> None:
    """Point the Parquet link at the served build's export, if a killed build left it behind."""
    record = read_record(served)
    if record is None or not served.exists():
        return
    if parquet.published_build(pointer) == record.build_id:
        return
    folder = parquet.build_folder(pointer, record.build_id)
    if parquet.published_build(folder) != record.build_id:
        shutil.rmtree(folder, ignore_errors=True)
        parquet.export_marts(served, folder, record)
    parquet.switch(pointer, folder)
    say(f"repaired {pointer}: it now holds build {record.build_id}, the served one")
