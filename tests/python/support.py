"""Paths and helpers that the tests import."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from jobcompare.dbt_process import DBT, dbt_env

REPO = Path(__file__).resolve().parents[2]
# Copies of ../shared/source-pages, the project's real input: no check skips without them.
SOURCE_PAGES = Path(__file__).parent / "fixtures" / "source-pages"
FIXTURE_PAGES = Path(__file__).parent / "fixtures" / "pages"
MANAGER_PAGE = SOURCE_PAGES / "customer-service-manager-vs-lead-customer-service-representative.txt"
SPECIALIST_PAGE = (
    SOURCE_PAGES / "lead-customer-service-representative-vs-customer-service-specialist.txt"
)

# The customer service specialist's facts as that page states them (the role is on no other
# page), in the warehouse's types: typed by hand from the page's text.
SPECIALIST_FACTS = {
    "time_to_become": "6-12 months",
    "time_to_become_min_months": Decimal(6),
    "time_to_become_max_months": Decimal(12),
    "yearly_salary_usd": Decimal(33238),
    "hourly_rate_usd": Decimal("15.98"),
    "growth_rate_pct": Decimal(-4),
    "number_of_jobs": 223323,
    "job_satisfaction_score": Decimal(4),
    "most_common_degree": "Bachelor's Degree",
    "most_common_degree_share_pct": Decimal(43),
    "average_age_years": Decimal(40),
    "years_of_experience": Decimal(12),
    "average_salary_usd": Decimal(33238),
    "salary_range_low_usd": Decimal(26000),
    "salary_range_high_usd": Decimal(42000),
    "highest_paying_city": "Boston",
    "highest_paying_city_state_code": "MA",
    "highest_paying_state": "Massachusetts",
    "best_paying_company": "Dell",
    "best_paying_industry": "Finance",
    "most_common_major": "Business",
    "most_common_college": None,
    "gender_ratio": "Male, 32.0% Female, 68.0%",
    "race_ratio": (
        "Black or African American, 11.6% Unknown, 5.4% Hispanic or Latino, 20.0% Asian, 6.8% "
        "White, 55.6% American Indian and Alaska Native, 0.7%"
    ),
    "lgbt_share_pct": Decimal(7),
}


# fct_role_pairs names its roles by role_id: this relation adds both roles' keys and the
# higher-paid role's key, looked up in dim_roles, for tests that ask for a pair by its keys.
PAIRS_WITH_KEYS = """(
    select
        role_a.role_key as role_a_key,
        role_b.role_key as role_b_key,
        higher.role_key as higher_paid_role_key,
        pairs.*
    from marts.fct_role_pairs as pairs
    inner join marts.dim_roles as role_a on pairs.role_a_id = role_a.role_id
    inner join marts.dim_roles as role_b on pairs.role_b_id = role_b.role_id
    left join marts.dim_roles as higher on pairs.higher_paid_role_id = higher.role_id
) as pairs"""


def run_cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """Run the real ``jobcompare`` command in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "jobcompare.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def run_dbt(*args: str, warehouse: Path, work: Path) -> subprocess.CompletedProcess[str]:
    """Run the real dbt command against the DuckDB file ``warehouse``; logs go to ``work``."""
    env = dbt_env(REPO, warehouse)
    return subprocess.run(
        [str(DBT), *args, "--target-path", str(work / "target"), "--log-path", str(work / "logs")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@dataclass(frozen=True)
class BuiltWarehouse:
    """A DuckDB file that dbt built, with dbt's work folder and printed output."""

    path: Path
    work: Path
    build_output: str

    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        """Run ``sql`` on a read-only connection that is closed again at once."""
        con = duckdb.connect(str(self.path), read_only=True)
        try:
            return con.execute(sql, params or []).fetchall()
        finally:
            con.close()

    def records(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        con = duckdb.connect(str(self.path), read_only=True)
        try:
            cursor = con.execute(sql, params or [])
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        finally:
            con.close()


PROJECT_PARTS = (
    "dbt_project.yml", "profiles.yml", ".dbtignore", "models", "macros", "analyses", "seeds",
    "tests",
)  # fmt: skip


def copy_project(target: Path) -> Path:
    """A copy of the dbt project (without the pytest suite), to break on purpose."""
    import shutil

    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(
                source, target / part, ignore=shutil.ignore_patterns("python", "__pycache__")
            )
        else:
            shutil.copy(source, target / part)
    (target / "warehouse").mkdir(exist_ok=True)
    return target


def copy_published(published: Path, target: Path) -> Path:
    """A copy of a published project folder, to build on or break: its seeds and models, the
    served file with its publish record, the Parquet link and its exports, dbt's target folder.

    Byte for byte the same served file, so a build in the copy starts from it (incremental) as
    it would in the original; the Parquet link is relative, so it points into the copy.
    """
    import shutil

    shutil.copytree(published, target, symlinks=True)
    return target


def run_dbt_in(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run dbt in a copied project, on its own DuckDB file."""
    env = dbt_env(project, project / "warehouse" / "job_compare.duckdb")
    return subprocess.run(
        [str(DBT), *args], cwd=project, env=env, capture_output=True, text=True, check=False
    )


def run_cli_on(warehouse: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``jobcompare`` against the warehouse file ``warehouse``."""
    return subprocess.run(
        [sys.executable, "-m", "jobcompare.cli", *args],
        cwd=REPO,
        env={**os.environ, "JOB_COMPARE_DUCKDB": str(warehouse)},
        capture_output=True,
        text=True,
        check=False,
    )


def run_build(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """The main build command (write-audit-publish) on a copied project."""
    return subprocess.run(
        [sys.executable, "-m", "jobcompare.cli", "build", "--project", str(project),
         "--warehouse", str(served_file(project)), *extra],
        cwd=project,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip


def served_file(project: Path) -> Path:
    return project / "warehouse" / "job_compare.duckdb"


def file_digest(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_dbt_external(
    project: Path,
    warehouse: Path,
    raw: Path,
    *args: str,
    command: str = "build",
    sample: str = "true",
) -> subprocess.CompletedProcess[str]:
    """dbt (``command``) on a copied project, reading raw CSVs directly (the large-input
    path); ``sample`` is the var pair_test_sample, the pairs the pair tests always check.

    dbt reads ``raw`` through the link ``raw-input`` in the project, so that the vars stay
    the same from run to run and dbt parses only what changed (partial parsing)."""
    env = dbt_env(project, warehouse)
    link = project / "raw-input"
    link.unlink(missing_ok=True)
    link.symlink_to(raw.absolute(), target_is_directory=True)
    variables = f'{{raw_source: external, raw_path: "{link.name}", pair_test_sample: "{sample}"}}'
    return subprocess.run(
        [str(DBT), command, "--exclude", "resource_type:seed", "resource_type:unit_test",
         "tag:oews", "--vars", variables, *args],
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
