"""Run dbt as a child process, streaming its output, and read what it left behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

DBT = Path(sys.executable).parent / "dbt"


def run_dbt(
    args: list[str],
    project: Path,
    warehouse: Path,
    on_line: Callable[[str], None] = print,
) -> int:
    """Run ``dbt ARGS`` in ``project`` against the DuckDB file ``warehouse``."""
    env = {
        **os.environ,
        "JOB_COMPARE_DUCKDB": str(warehouse),
        "DBT_PROFILES_DIR": str(project),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "PYTHONUNBUFFERED": "1",
    }
    process = subprocess.Popen(
        [str(DBT), *args],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
    )
    assert process.stdout is not None
    for line in process.stdout:
        on_line(line.rstrip("\n"))
    return process.wait()


def read_json(path: Path) -> dict[str, Any]:
    """A dbt artifact, or an empty dict when dbt did not get to write it."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
