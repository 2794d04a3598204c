"""One build at a time per served file: an advisory lock that dies with its process."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType

from jobcompare.build.errors import BuildFailed


class BuildLock:
    """Holds ``.<served name>.lock`` beside the served file for the life of a build."""

    def __init__(self, served: Path) -> None:
        self.path = served.parent / f".{served.name}.lock"
        self._handle: int | None = None

    def __enter__(self) -> BuildLock:
        self._handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self._handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            owner = os.pread(self._handle, 32, 0).decode(errors="replace").strip()
            os.close(self._handle)
            raise BuildFailed(
                f"another build of {self.path.parent} is running (pid {owner or '?'})"
            ) from None
        os.ftruncate(self._handle, 0)
        os.pwrite(self._handle, str(os.getpid()).encode(), 0)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._handle is not None:
            os.close(self._handle)
            self._handle = None
