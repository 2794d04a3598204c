"""The served warehouse file as the publisher sees it: what it may replace, who holds it.

Only the publisher writes the served file, and only by renaming a finished build over it.
Before a build starts from the served file, and until the new build is renamed over it,
the publisher holds a shared lock on it (an open-file-description lock, which DuckDB's own
locks respect): readers go on reading, but no DuckDB connection can open it for writing
meanwhile. A file that a writer already holds, or that holds a writer's uncheckpointed
changes (a ``.wal`` beside it), is refused with one line naming the holder.

Every publish also records the new file's SHA-256 in ``.<name>.published.json`` beside it.
A build starts from a copy of the served file only when the copy's digest is the recorded
one, that is, when the served file is still the last published build's own content.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import stat
import struct
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from jobcompare.duckdb_file import has_duckdb_header
from jobcompare.errors import CommandError
from jobcompare.swap import TargetRefused, write_file

_FLOCK = "hhqqi4x"  # struct flock on Linux x86-64 and arm64: type, whence, start, len, pid
_COPY_BLOCK = 8 << 20


class WriterHolds(CommandError):
    """A writer has the served file open, or left uncheckpointed changes in it."""


@dataclass(frozen=True)
class Publication:
    """What the last publish recorded: the build's id and its file's digest and size."""

    build_id: str
    sha256: str
    size: int


def _holder(fd: int) -> str:
    """Who holds a conflicting lock on ``fd``'s file: 'pid N (command)', or 'another process'."""
    probe = struct.pack(_FLOCK, fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
    try:
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, probe)
    except OSError:
        return "another process"
    pid = struct.unpack(_FLOCK, answer)[4]
    if pid <= 0:
        return "another process"
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
        command = " ".join(raw.replace(b"\0", b" ").decode(errors="replace").split())
    except OSError:
        command = ""
    return f"pid {pid}" + (f" ({command[:80]})" if command else "")


def check_target(served: Path) -> None:
    """Refuse a served path that a build must not replace: only a DuckDB file, or nothing."""
    if not os.path.lexists(served):
        return
    mode = served.lstat().st_mode
    if stat.S_ISLNK(mode):
        raise TargetRefused(f"{served} is a symbolic link; name the warehouse file itself")
    if stat.S_ISDIR(mode):
        raise TargetRefused(f"{served} is a folder, not a DuckDB warehouse file")
    if not stat.S_ISREG(mode):
        raise TargetRefused(f"{served} is a device or special file; refusing to replace it")
    if not has_duckdb_header(served):
        empty = served.stat().st_size == 0
        raise TargetRefused(
            f"{served} is not a DuckDB file ({'empty' if empty else 'other content'}); "
            "refusing to replace it: remove it or name another warehouse file"
        )


class ServedFileHold:
    """A shared lock on the served file for the life of a ``with`` block (if it exists)."""

    def __init__(self, served: Path) -> None:
        self.served = served
        self._fd: int | None = None

    def __enter__(self) -> ServedFileHold:
        try:
            fd = os.open(self.served, os.O_RDONLY | os.O_NOFOLLOW)
        except FileNotFoundError:
            return self
        lock = struct.pack(_FLOCK, fcntl.F_RDLCK, os.SEEK_SET, 0, 0, 0)
        try:
            fcntl.fcntl(fd, fcntl.F_OFD_SETLK, lock)
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.EACCES):
                os.close(fd)
                raise
            holder = _holder(fd)
            os.close(fd)
            raise WriterHolds(
                f"{self.served} is open for writing by {holder}; only the publisher writes "
                "the served file: close that connection (or open it read-only), then build"
            ) from None
        self._fd = fd
        wal = self.served.with_name(self.served.name + ".wal")
        if wal.exists():
            self.__exit__(None, None, None)
            raise WriterHolds(
                f"{wal}: a writer left uncheckpointed changes in the served file; the build "
                "will not start from it nor replace it. Keep them (open the file read-write "
                "once and close it, which checkpoints) or drop them (delete the .wal), then build"
            )
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def record_path(served: Path) -> Path:
    return served.with_name(f".{served.name}.published.json")


def digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(_COPY_BLOCK):
            sha.update(block)
    return sha.hexdigest()


def copy_with_digest(source: Path, target: Path) -> str:
    """Copy ``source`` to ``target`` and return the SHA-256 of what was copied."""
    sha = hashlib.sha256()
    with source.open("rb") as reader, target.open("xb") as writer:
        while block := reader.read(_COPY_BLOCK):
            sha.update(block)
            writer.write(block)
    return sha.hexdigest()


def read_record(served: Path) -> Publication | None:
    """The last publish's record, or None (never published by this version, or unreadable)."""
    try:
        data = json.loads(record_path(served).read_text(encoding="utf-8"))
        return Publication(str(data["build_id"]), str(data["sha256"]), int(data["size"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_record(served: Path, publication: Publication) -> None:
    write_file(
        record_path(served),
        json.dumps(
            {"build_id": publication.build_id, "sha256": publication.sha256,
             "size": publication.size},
            indent=2,
        ) + "\n",
    )  # fmt: skip
