"""The error every command reports as one line and an exit code, never a traceback."""

from __future__ import annotations


class CommandError(Exception):
    """Bad input or a refused action: one line for the user, and the exit code to return."""

    exit_code = 2

    def one_line(self) -> str:
        return str(self)
