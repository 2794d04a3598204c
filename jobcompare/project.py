"""Where the project's files are, whatever the current directory.

Default paths (the seeds, the served warehouse, the OEWS raw files) belong to the project
folder, never to the directory a command happens to run in. The project folder is the one
given with ``--project``, else the nearest folder at or above the current directory whose
``dbt_project.yml`` is this project's, else the checkout this package is installed from.
Paths a user types on the command line are taken relative to the current directory, as
every command-line tool does.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from jobcompare.errors import CommandError

PROJECT_NAME = "job_compare"
# The checkout this package is installed from (the benchmark always builds in it).
CHECKOUT = Path(__file__).resolve().parents[1]


def _is_project(folder: Path) -> bool:
    config = folder / "dbt_project.yml"
    try:
        first_lines = config.read_text(encoding="utf-8").splitlines()[:5]
    except (OSError, UnicodeDecodeError):
        return False
    return f"name: {PROJECT_NAME}" in first_lines


def project_dir(given: Path | None = None) -> Path:
    """The project folder, as an absolute path."""
    if given is not None:
        folder = given.absolute()
        if not _is_project(folder):
            raise CommandError(f"{given}: not a {PROJECT_NAME} dbt project (no dbt_project.yml)")
        return folder
    here = Path.cwd()
    for folder in (here, *here.parents):
        if _is_project(folder):
            return folder
    return CHECKOUT


def warehouse_path(given: Path | None = None, project: Path | None = None) -> Path:
    """The served DuckDB file: as given, else $JOB_COMPARE_DUCKDB, else the project's."""
    if given is not None:
        return given.absolute()
    if os.environ.get("JOB_COMPARE_DUCKDB"):
        return Path(os.environ["JOB_COMPARE_DUCKDB"]).absolute()
    return project_dir(project) / "warehouse" / "job_compare.duckdb"


def oews_dir(project: Path | None = None) -> Path:
    """The OEWS raw files: $JOB_COMPARE_OEWS, else the project's warehouse/raw/oews."""
    if os.environ.get("JOB_COMPARE_OEWS"):
        return Path(os.environ["JOB_COMPARE_OEWS"]).absolute()
    return project_dir(project) / "warehouse" / "raw" / "oews"


def memory_limit(project: Path | None = None) -> str:
    """DuckDB's memory_limit in a build: $JOB_COMPARE_MEMORY_LIMIT, else the default that
    profiles.yml gives it (the one place it is declared)."""
    if os.environ.get("JOB_COMPARE_MEMORY_LIMIT"):
        return os.environ["JOB_COMPARE_MEMORY_LIMIT"]
    profiles = (project_dir(project) / "profiles.yml").read_text(encoding="utf-8")
    found = re.search(r"""env_var\('JOB_COMPARE_MEMORY_LIMIT', '([^']+)'\)""", profiles)
    if found is None:
        raise CommandError("profiles.yml: no default for JOB_COMPARE_MEMORY_LIMIT")
    return found.group(1)


def seeds_dir(given: Path | None = None, project: Path | None = None) -> Path:
    """The seed CSVs: as given, else the project's ``seeds`` folder."""
    if given is not None:
        return given.absolute()
    return project_dir(project) / "seeds"
