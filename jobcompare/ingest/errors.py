"""The one error type that ingestion raises for bad input."""

from __future__ import annotations

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
