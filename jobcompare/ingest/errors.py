"""The one error type that ingestion raises for bad input."""

from __future__ import annotations

import sys
from pathlib import Path


class PageError(Exception):
    """Bad input: names the file, the line (when there is one) and the rule that failed."""

    def __init__(self, path: Path | str, line: int | None, rule: str, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.rule = rule
        self.message = message
        super().__init__(self.one_line())

    def one_line(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message} [rule: {self.rule}]"


def shown(text: str, limit: int = 80) -> str:
    """``text`` quoted for an error line, cut to ``limit`` characters so the line stays short."""
    return repr(text) if len(text) <= limit else repr(text[:limit]) + f"... ({len(text):,} chars)"


def shown_readings(readings: list[tuple[str, str]], limit: int = 6) -> str:
    """Candidate readings of a row for an error line: the first ``limit`` of them."""
    listed = "; ".join(f"{shown(a, 40)} | {shown(b, 40)}" for a, b in readings[:limit])
    return listed + (f"; and {len(readings) - limit} more" if len(readings) > limit else "")


def warn(path: Path | str, line: int | None, rule: str, message: str) -> None:
    """Tell the user (on stderr, in the error line's shape) about input that was left out."""
    where = f"{path}:{line}" if line else str(path)
    print(f"warning: {where}: {message} [rule: {rule}]", file=sys.stderr)
