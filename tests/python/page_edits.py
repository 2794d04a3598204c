"""Helpers for tests that ingest edited copies of the real pages and check the refusal."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from support import FIXTURE_PAGES, MANAGER_PAGE, SPECIALIST_PAGE

# The two real pages (one per layout) and the run-together fixture, as text to edit.
RUN_TOGETHER_REAL = MANAGER_PAGE.read_text(encoding="utf-8")
PIPE_REAL = SPECIALIST_PAGE.read_text(encoding="utf-8")
PIPE_FIXTURE = (FIXTURE_PAGES / "bakery-manager-vs-line-cook.txt").read_text(encoding="utf-8")


def edited(text: str, old: str, new: str, count: int = 1) -> str:
    """``text`` with the first ``count`` occurrences of ``old`` (which must be there) replaced."""
    assert old in text, old
    return text.replace(old, new, count)


def renamed(text: str, old: str, new: str) -> str:
    """``text`` with role ``old`` renamed to ``new`` everywhere (headers and prose, any case)."""
    assert re.search(re.escape(old), text, re.I), old
    return re.sub(re.escape(old), lambda _: new, text, flags=re.I)


def line_of(text: str, fragment: str) -> int:
    """The 1-based number of the first line of ``text`` that contains ``fragment``."""
    for number, line in enumerate(text.split("\n"), start=1):
        if fragment in line:
            return number
    raise AssertionError(f"{fragment!r} is on no line")


def snapshot(seeds: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(seeds.iterdir())} if seeds.exists() else {}


def assert_refused(
    result: subprocess.CompletedProcess[str], page: Path, line: int | None, rule: str
) -> str:
    """The command refused ``page`` with one error line naming ``line`` and ``rule``."""
    assert result.returncode == 2, result.stdout + result.stderr
    message = result.stderr.strip()
    assert "\n" not in message, message
    assert "Traceback" not in message
    where = f"{page}:{line}: " if line else f"{page}: "
    assert message.startswith(f"error: {where}"), message
    assert message.endswith(f"[rule: {rule}]"), message
    return message
