"""Run dbt as a child process: one environment, and a child that never outlives its parent.

dbt runs in the caller's process group, so Ctrl-C in a terminal reaches both. The child
also asks the kernel to kill it when its parent dies (``PR_SET_PDEATHSIG``), so that a
``kill -9`` of the parent cannot leave dbt writing beside the next build; a SIGTERM or
Ctrl-C of the parent stops the child before the parent returns.
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from jobcompare.project import oews_dir

DBT = Path(sys.executable).parent / "dbt"
# Beside dbt's saved parse: the folder of the project it was made in.
PARSED_IN = ".parsed_in"
_PR_SET_PDEATHSIG = 1


def dbt_env(
    project: Path, warehouse: Path | None = None, extra: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The environment every dbt run of this project gets."""
    env = {
        **os.environ,
        "DBT_PROFILES_DIR": str(project),
        "JOB_COMPARE_OEWS": str(oews_dir(project)),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "PYTHONUNBUFFERED": "1",
    }
    if warehouse is not None:
        env["JOB_COMPARE_DUCKDB"] = str(warehouse)
    env.update(extra or {})
    return env


def die_with_parent() -> None:
    """In a child, before exec: be killed when the parent dies (Linux; elsewhere a no-op)."""
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def stop(process: subprocess.Popen[Any], grace: float = 10.0) -> None:
    """Stop a child: SIGTERM, then SIGKILL after ``grace`` seconds."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def forget_parse_made_elsewhere(project: Path) -> None:
    """Remove dbt's saved parse of ``project`` (partial parsing) if it was made in another
    folder, and record this one.

    dbt keeps each seed's absolute folder in its saved parse and does not check it: in a copy
    of a project, or a moved one, the next build would load the seeds of the folder the parse
    came from, or fail when that is gone. Parsing from scratch once costs a few seconds.
    """
    target = project / "target"
    here = str(project.resolve())
    record = target / PARSED_IN
    try:
        made_in = record.read_text(encoding="utf-8")
    except OSError:
        made_in = None
    if made_in != here:
        (target / "partial_parse.msgpack").unlink(missing_ok=True)
        target.mkdir(parents=True, exist_ok=True)
        record.write_text(here, encoding="utf-8")


def run_dbt(
    args: list[str],
    project: Path,
    warehouse: Path,
    on_line: Callable[[str], None] = print,
    extra_env: Mapping[str, str] | None = None,
) -> int:
    """Run ``dbt ARGS`` in ``project`` against the DuckDB file ``warehouse``; its exit code.

    Output lines go to ``on_line`` as they come. If the caller is interrupted (Ctrl-C,
    SIGTERM turned into an exception), dbt is stopped before the exception goes on.
    """
    forget_parse_made_elsewhere(project)
    process = subprocess.Popen(
        [str(DBT), *args],
        cwd=project,
        env=dbt_env(project, warehouse, extra_env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        bufsize=1,
        preexec_fn=die_with_parent,
    )
    assert process.stdout is not None
    try:
        for line in process.stdout:
            on_line(line.rstrip("\n"))
        return process.wait()
    finally:
        stop(process)
        process.stdout.close()


def read_json(path: Path) -> dict[str, Any]:
    """A dbt artifact, or an empty dict when dbt did not get to write it."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
