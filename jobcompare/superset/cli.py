"""``make superset``: Superset 6.1.0 on localhost, on the served warehouse, read-only.

Runs in the project's environment. Each step is done once and then kept:

1. install: a virtual environment of its own (``.superset-venv``) with ``requirements.txt``
   under ``constraints.txt``; reinstalled only when those two files change;
2. configure: ``.superset/superset_config.py`` with a secret key made for this install,
   the metadata database ``.superset/superset.db`` (SQLite), no telemetry and a content
   security policy that lets the browser load nothing from outside; ``superset db
   upgrade``, an ``admin`` user whose password is made once and kept in
   ``.superset/admin-password``, ``superset init``;
3. register (``register.py``, in Superset's environment): the served file read-only, every
   mart as a dataset, the dashboard; run again on every start, so new marts appear;
4. serve: ``superset run`` on 127.0.0.1 (``--port``, 8088 by default) until Ctrl-C.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import secrets
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from jobcompare.errors import CommandError
from jobcompare.project import project_dir, warehouse_path

HERE = Path(__file__).resolve().parent
REQUIREMENTS = HERE / "requirements.txt"
CONSTRAINTS = HERE / "constraints.txt"
REGISTER = HERE / "register.py"
ADMIN_USER = "admin"
DEFAULT_PORT = 8088

CONFIG = '''\
"""Superset configuration written by `make superset` (jobcompare/superset/cli.py)."""

from superset.config import TALISMAN_CONFIG as _DEFAULT_CSP

# Made for this install; keep it: it encrypts the saved database connection.
SECRET_KEY = {secret_key!r}
SQLALCHEMY_DATABASE_URI = {metadata_uri!r}
# Nothing is fetched from outside: no usage pixel, map tiles, fonts or avatars. The
# browser is told to load only from this server.
_LOCAL_ONLY = ["'self'", "blob:", "data:"]
TALISMAN_CONFIG = {{
    **_DEFAULT_CSP,
    "content_security_policy": {{
        **_DEFAULT_CSP["content_security_policy"],
        "img-src": _LOCAL_ONLY,
        "connect-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "font-src": ["'self'", "data:"],
    }},
}}
MAPBOX_API_KEY = ""
SLACK_ENABLE_AVATARS = False
FEATURE_FLAGS = {{"ALERT_REPORTS": False, "THUMBNAILS": False}}
# No cache of query results: every chart reads the build that is served now.
DATA_CACHE_CONFIG = {{"CACHE_TYPE": "NullCache"}}
RATELIMIT_STORAGE_URI = "memory://"
'''


@dataclass(frozen=True)
class Superset:
    """Superset's environment (``venv``) and this install's files (``home``)."""

    venv: Path
    home: Path

    @property
    def python(self) -> Path:
        return self.venv / "bin" / "python"

    @property
    def command(self) -> Path:
        return self.venv / "bin" / "superset"

    @property
    def config(self) -> Path:
        return self.home / "superset_config.py"

    @property
    def password_file(self) -> Path:
        return self.home / "admin-password"

    def env(self) -> dict[str, str]:
        """The environment every Superset command of this install runs in."""
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        env.update(
            SUPERSET_CONFIG_PATH=str(self.config),
            SUPERSET_HOME=str(self.home),
            FLASK_APP="superset",
            PYTHONUNBUFFERED="1",
        )
        return env

    def run(self, *args: str) -> None:
        """Run a Superset command of this install; fails with its last lines."""
        result = subprocess.run(
            [str(self.command), *args], env=self.env(), capture_output=True, text=True,
            check=False,
        )  # fmt: skip
        if result.returncode != 0:
            tail = (result.stdout + result.stderr).strip().splitlines()[-5:]
            raise CommandError(f"superset {args[0]} failed: {' | '.join(tail)}")

    def admin_password(self) -> str:
        return self.password_file.read_text(encoding="utf-8").strip()


def _requirements_digest() -> str:
    digest = hashlib.sha256()
    for path in (REQUIREMENTS, CONSTRAINTS):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def install(superset: Superset) -> bool:
    """Install Superset into its own environment unless the same pins are installed there.

    Returns whether it installed. The environment is made anew when the pins change.
    """
    marker = superset.venv / ".installed"
    wanted = _requirements_digest()
    if superset.python.exists() and marker.exists() and marker.read_text() == wanted:
        return False
    if superset.venv.exists():
        shutil.rmtree(superset.venv)
    subprocess.run([sys.executable, "-m", "venv", str(superset.venv)], check=True)
    result = subprocess.run(
        [str(superset.python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "-r", str(REQUIREMENTS), "-c", str(CONSTRAINTS)],
        check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise CommandError(f"pip could not install Superset into {superset.venv}")
    marker.write_text(wanted)
    return True


def configure(superset: Superset) -> None:
    """Write the configuration (once), bring the metadata database up to date, add the admin."""
    superset.home.mkdir(parents=True, exist_ok=True)
    if not superset.config.exists():
        superset.config.write_text(
            CONFIG.format(
                secret_key=secrets.token_urlsafe(42),
                metadata_uri=f"sqlite:///{superset.home / 'superset.db'}",
            ),
            encoding="utf-8",
        )
        superset.config.chmod(0o600)
    superset.run("db", "upgrade")
    if not superset.password_file.exists():
        password = secrets.token_urlsafe(12)
        superset.run(
            "fab", "create-admin", "--username", ADMIN_USER, "--firstname", "Job",
            "--lastname", "Compare", "--email", "admin@job-compare.invalid",
            "--password", password,
        )  # fmt: skip
        superset.password_file.write_text(password + "\n", encoding="utf-8")
        superset.password_file.chmod(0o600)
    superset.run("init")


def register(superset: Superset, warehouse: Path, role: str | None, occupation: str | None) -> None:
    """Register the served file, its marts and the dashboard (``register.py``)."""
    args = [str(superset.python), str(REGISTER), "--warehouse", str(warehouse)]
    if role:
        args += ["--role", role]
    if occupation:
        args += ["--occupation", occupation]
    result = subprocess.run(args, env=superset.env(), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines()
        refused = [line.removeprefix("error: ") for line in lines if line.startswith("error: ")]
        last = refused[-1] if refused else f"Superset failed: {lines[-1:] or 'no message'}"
        raise CommandError(f"registering the warehouse: {last}")
    print(result.stdout, end="")
    for line in result.stderr.splitlines():
        if line.startswith("warning:"):
            print(line, file=sys.stderr)


def serve_command(superset: Superset, port: int) -> list[str]:
    """The command that serves Superset on localhost only (no reloader, no debugger)."""
    return [str(superset.command), "run", "--host", "127.0.0.1", "--port", str(port),
            "--with-threads"]  # fmt: skip


@contextmanager
def _timed(what: str) -> Iterator[None]:
    """Print how long the step took, the figures README quotes."""
    started = time.monotonic()
    yield
    print(f"{what}: {time.monotonic() - started:.1f} s", flush=True)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m jobcompare.superset",
        description="Install Superset 6.1.0 apart, register the served warehouse read-only "
        "(every mart a dataset, one dashboard) and serve it on localhost.",
    )
    parser.add_argument("--project", type=Path, help="the project folder (default: this one)")
    parser.add_argument("--warehouse", type=Path,
                        help="the served DuckDB file (default: the project's "
                             "warehouse/job_compare.duckdb, or $JOB_COMPARE_DUCKDB)")  # fmt: skip
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"port on 127.0.0.1 (default {DEFAULT_PORT})")  # fmt: skip
    parser.add_argument("--role", help="the role the dashboard opens on (a role name; default: "
                        "the first role by name)")  # fmt: skip
    parser.add_argument("--occupation", help="the occupation whose wages by state the dashboard "
                        "opens on (default: the role's official occupation)")  # fmt: skip
    parser.add_argument(
        "--venv", type=Path, help="Superset's environment (default: PROJECT/.superset-venv)"
    )
    parser.add_argument("--home", type=Path,
                        help="configuration, metadata database and admin password "
                             "(default: PROJECT/.superset)")  # fmt: skip
    parser.add_argument("--no-serve", action="store_true",
                        help="install, configure and register, then stop")  # fmt: skip
    return parser


def run(args: argparse.Namespace) -> int:
    project = project_dir(args.project)
    warehouse = warehouse_path(args.warehouse, project)
    if not warehouse.is_file():
        raise CommandError(f"{warehouse}: no served warehouse; run `make build` first")
    superset = Superset(
        (args.venv or project / ".superset-venv").absolute(),
        (args.home or project / ".superset").absolute(),
    )
    with _timed("install (Superset's own environment)"):
        install(superset)
    with _timed("configure (metadata database, admin user)"):
        configure(superset)
    with _timed("register (database, datasets, dashboard)"):
        register(superset, warehouse, args.role, args.occupation)
    print(f"login: {ADMIN_USER} / {superset.admin_password()} "
          f"(kept in {superset.password_file})")  # fmt: skip
    if args.no_serve:
        return 0
    print(f"Superset: http://127.0.0.1:{args.port}/  (Ctrl-C stops it)", flush=True)
    command = serve_command(superset, args.port)
    os.execve(command[0], command, superset.env())


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return run(args)
    except CommandError as error:
        print(f"error: {error.one_line()}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
