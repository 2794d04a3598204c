"""One writer at a time: an advisory lock file that dies with its process."""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path
from types import TracebackType

from jobcompare.errors import CommandError


class Busy(CommandError):
    """Another process holds the lock (and did not let go in time)."""


class FileLock:
    """Holds ``path`` exclusively for the life of a ``with`` block.

    ``wait`` is how many seconds to wait for another holder to finish (0: refuse at once).
    The holder's pid is written into the file so that the refusal can name it. The lock is
    released by the kernel when the process dies, however it dies.
    """

    def __init__(self, path: Path, what: str, wait: float = 0.0) -> None:
        self.path = path
        self.what = what
        self.wait = wait
        self._handle: int | None = None

    def __enter__(self) -> FileLock:
        handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    owner = os.pread(handle, 32, 0).decode(errors="replace").strip()
                    os.close(handle)
                    waited = f" (waited {self.wait:.0f} s)" if self.wait else ""
                    raise Busy(
                        f"another {self.what} is running (pid {owner or '?'}; lock "
                        f"{self.path}){waited}"
                    ) from None
                time.sleep(0.05)
        os.ftruncate(handle, 0)
        os.pwrite(handle, str(os.getpid()).encode(), 0)
        self._handle = handle
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
