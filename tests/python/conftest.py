"""Fixtures shared by the pytest suite.

The expensive ones (the OEWS release, the published build of the committed seeds, the build of
the invented fixture pages) are made once per test run, also when pytest-xdist runs several
workers: the first worker to need one makes it under a file lock in the run's shared temporary
folder, the others wait and use it. Tests that change a build work on a copy of it.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from support import (
    FIXTURE_PAGES,
    REPO,
    SOURCE_PAGES,
    BuiltWarehouse,
    copy_project,
    copy_published,
    run_build,
    run_cli,
    run_dbt_in,
    served_file,
)

from jobcompare.governance import parse


def made_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]
) -> Path:
    """The folder ``name``, filled by ``make`` once per test run, whichever worker comes first.

    Without pytest-xdist the folder is in the run's temporary folder; with it, in the folder
    the workers share (the parent of each worker's own). A folder whose ``make`` failed is
    made again from empty by the next worker that needs it, so each one reports the failure.
    """
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    folder = shared / name
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / ".made").exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            (folder / ".made").touch()
    return folder


@pytest.fixture
def source_pages() -> Path:
    """The two real pages, as copied into the repository."""
    return SOURCE_PAGES


@pytest.fixture(scope="session", autouse=True)
def oews_raw_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled OEWS release, loaded once for the run; every dbt run reads it."""

    def load(folder: Path) -> None:
        result = run_cli("oews-load", "--no-progress", "--out", str(folder / "raw"))
        assert result.returncode == 0, result.stderr

    out = made_once(tmp_path_factory, "oews", load) / "raw"
    os.environ["JOB_COMPARE_OEWS"] = str(out)
    return out


@dataclass(frozen=True)
class PublishedBuild:
    """A project copy with one published ``jobcompare build`` of the committed seeds."""

    project: Path
    output: str  # what the build printed (dbt's output among it)
    oews: Path  # the OEWS CSV folder that build read, removed after it

    def copy(self, target: Path) -> Path:
        """A copy of the published project to build on or break (a file copy, no build)."""
        return copy_published(self.project, target)


@pytest.fixture(scope="session")
def published_build(
    tmp_path_factory: pytest.TempPathFactory, oews_raw_files: Path
) -> PublishedBuild:
    """The real build (write-audit-publish) of the committed seeds, made once for the run.

    It reads a copy of the OEWS CSV files, removed once it has published, so that the served
    file is shown to hold what it needs (tests of the served file's clients). Builds on copies
    of it read the run's OEWS folder.
    """

    def build(folder: Path) -> None:
        project = copy_project(folder / "project")
        raw = folder / "oews"
        shutil.copytree(oews_raw_files, raw)
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("JOB_COMPARE_OEWS", str(raw))
            result = run_build(project)
        assert result.returncode == 0, result.stderr + result.stdout[-3000:]
        shutil.rmtree(raw)
        (folder / "build.log").write_text(result.stdout, encoding="utf-8")

    folder = made_once(tmp_path_factory, "published", build)
    output = (folder / "build.log").read_text(encoding="utf-8")
    return PublishedBuild(folder / "project", output, folder / "oews")


@pytest.fixture(scope="session")
def built_warehouse(
    tmp_path_factory: pytest.TempPathFactory, published_build: PublishedBuild
) -> BuiltWarehouse:
    """The real warehouse of the committed seeds: the published build's file, with dbt's
    target folder, copied for this worker (tests open it; ``dbt docs generate`` writes it)."""
    work = tmp_path_factory.mktemp("warehouse")
    warehouse = work / "job_compare.duckdb"
    shutil.copyfile(served_file(published_build.project), warehouse)
    shutil.copytree(published_build.project / "target", work / "target")
    return BuiltWarehouse(warehouse, work, published_build.output)


@pytest.fixture(scope="session")
def fixture_warehouse(
    tmp_path_factory: pytest.TempPathFactory, oews_raw_files: Path
) -> BuiltWarehouse:
    """A plain ``dbt build`` of a project copy holding only the invented fixture pages, made
    once for the run; tests only read it."""

    def build(folder: Path) -> None:
        project = copy_project(folder / "project")
        seeds = str(project / "seeds")
        ingest = run_cli("ingest", "--replace", str(FIXTURE_PAGES), "--seeds", seeds)
        assert ingest.returncode == 0, ingest.stderr
        result = run_dbt_in(project, "build")
        assert result.returncode == 0, result.stdout[-4000:]
        (folder / "build.log").write_text(result.stdout, encoding="utf-8")

    folder = made_once(tmp_path_factory, "fixture-pages", build)
    project = folder / "project"
    output = (folder / "build.log").read_text(encoding="utf-8")
    return BuiltWarehouse(project / "warehouse" / "job_compare.duckdb", project, output)


@pytest.fixture
def loaded(tmp_path: Path, source_pages: Path) -> tuple[Path, dict[str, bytes]]:
    """Seeds holding the two real pages, and their bytes, for checks that they stay as they are."""
    seeds = tmp_path / "loaded-seeds"
    result = run_cli("ingest", str(source_pages), "--seeds", str(seeds))
    assert result.returncode == 0, result.stderr
    return seeds, {p.name: p.read_bytes() for p in sorted(seeds.iterdir())}


@pytest.fixture(scope="session")
def lint_manifest(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The project's manifest from ``dbt parse --target lint`` (in-memory DuckDB), parsed once
    for the run and shared by the tests of one worker, which only read it."""

    def parse_once(folder: Path) -> None:
        parse(REPO, folder / "target")

    folder = made_once(tmp_path_factory, "lint", parse_once)
    return json.loads((folder / "target" / "manifest.json").read_text(encoding="utf-8"))
