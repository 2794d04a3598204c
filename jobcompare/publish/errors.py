"""What a failed build reports."""

from __future__ import annotations

from jobcompare.errors import CommandError


class BuildFailed(CommandError):
    """The build did not publish; ``lines`` say why, one finding each."""

    exit_code = 1

    def __init__(self, summary: str, lines: list[str] | None = None) -> None:
        self.summary = summary
        self.lines = lines or []
        super().__init__(summary)

    def one_line(self) -> str:
        return "\n".join([self.summary, *(f"  {line}" for line in self.lines)])


class ShapeChanged(BuildFailed):
    """Incremental models whose stored tables have other columns than their definitions now.

    The served file was built by an older version of the project; these tables cannot be
    updated in place and must be built again from empty.
    """

    def __init__(self, models: list[str]) -> None:
        self.models = models
        super().__init__(
            f"{', '.join(models)}: the stored table has other columns than the model now; "
            "build with --full-refresh"
        )
