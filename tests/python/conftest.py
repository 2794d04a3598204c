"""Fixtures shared by the pytest suite."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import SOURCE_PAGES, BuiltWarehouse, run_dbt


@pytest.fixture
def source_pages() -> Path:
    if not SOURCE_PAGES.is_dir():
        pytest.skip(f"the source pages are not here ({SOURCE_PAGES}); nothing to compare with")
    return SOURCE_PAGES


@pytest.fixture(scope="session")
def built_warehouse(tmp_path_factory: pytest.TempPathFactory) -> BuiltWarehouse:
    """The real warehouse, built once per session by ``dbt build`` from the committed seeds."""
    work = tmp_path_factory.mktemp("warehouse")
    warehouse = work / "job_compare.duckdb"
    result = run_dbt("build", warehouse=warehouse, work=work)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return BuiltWarehouse(warehouse, work, result.stdout)
