"""Paths and helpers that the tests import."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOURCE_PAGES = REPO.parent / "shared" / "source-pages"
FIXTURE_PAGES = Path(__file__).parent / "fixtures" / "pages"
MANAGER_PAGE = SOURCE_PAGES / "customer-service-manager-vs-lead-customer-service-representative.txt"
SPECIALIST_PAGE = (
    SOURCE_PAGES / "lead-customer-service-representative-vs-customer-service-specialist.txt"
)


def run_cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """Run the real ``jobcompare`` command in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "jobcompare.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


DBT = Path(sys.executable).parent / "dbt"


def run_dbt(*args: str, warehouse: Path, work: Path) -> subprocess.CompletedProcess[str]:
    """Run the real dbt command against the DuckDB file ``warehouse``; logs go to ``work``."""
    env = {
        **os.environ,
        "JOB_COMPARE_DUCKDB": str(warehouse),
        "DBT_PROFILES_DIR": str(REPO),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    return subprocess.run(
        [str(DBT), *args, "--target-path", str(work / "target"), "--log-path", str(work / "logs")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
