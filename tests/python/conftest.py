"""Fixtures shared by the pytest suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support import REPO, SOURCE_PAGES, BuiltWarehouse, run_cli, run_dbt

from jobcompare.governance import parse


@pytest.fixture
def source_pages() -> Path:
    """The two real pages, as copied into the repository."""
    return SOURCE_PAGES


@pytest.fixture(scope="session", autouse=True)
def oews_raw_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled OEWS release, loaded once for the session; every dbt run reads it."""
    out = tmp_path_factory.mktemp("oews") / "raw"
    os.environ["JOB_COMPARE_OEWS"] = str(out)
    result = run_cli("oews-load", "--no-progress")
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def built_warehouse(
    tmp_path_factory: pytest.TempPathFactory, oews_raw_files: Path
) -> BuiltWarehouse:
    """The real warehouse, built once per session by ``dbt build`` from the committed seeds."""
    work = tmp_path_factory.mktemp("warehouse")
    warehouse = work / "job_compare.duckdb"
    result = run_dbt("build", warehouse=warehouse, work=work)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return BuiltWarehouse(warehouse, work, result.stdout)


@pytest.fixture
def loaded(tmp_path: Path, source_pages: Path) -> tuple[Path, dict[str, bytes]]:
    """Seeds holding the two real pages, and their bytes, for checks that they stay as they are."""
    seeds = tmp_path / "loaded-seeds"
    result = run_cli("ingest", str(source_pages), "--seeds", str(seeds))
    assert result.returncode == 0, result.stderr
    return seeds, {p.name: p.read_bytes() for p in sorted(seeds.iterdir())}


@pytest.fixture(scope="session")
def lint_manifest(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The project's manifest from ``dbt parse --target lint`` (in-memory DuckDB)."""
    return parse(REPO, tmp_path_factory.mktemp("lint") / "target")
