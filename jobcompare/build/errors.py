"""What a failed build reports."""

from __future__ import annotations


class BuildFailed(Exception):
    """The build did not publish; ``lines`` say why, one finding each."""

    def __init__(self, summary: str, lines: list[str] | None = None) -> None:
        self.summary = summary
        self.lines = lines or []
        super().__init__(summary)
