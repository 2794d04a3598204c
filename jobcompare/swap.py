"""Write a file or a folder aside, then swap it in whole: readers see the old or the new.

Every command that writes output goes through here (ingest's seeds, report, site, the OEWS
load, the publisher), so that the rules are the same everywhere:

- a file is written only over a regular file or a new path; a link, a device node, a
  folder or a missing parent folder is refused with one line;
- a folder is replaced only when this program made it (it holds ``MARKER``) or it is empty;
  anything else (a user's folder, a repository, a file, a link) is refused with one line;
- temporary names are unique per process and call, beside the target (same file system,
  so that the final rename is atomic), and are removed again on any failure.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from jobcompare.errors import CommandError

MARKER = ".made-by-jobcompare"


class TargetRefused(CommandError):
    """The output path is something this program must not replace."""


def _kind(path: Path) -> str:
    mode = path.lstat().st_mode
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISREG(mode):
        return "a file"
    return "a device or special file"


def _check_parent(target: Path) -> None:
    parent = target.parent
    if not parent.exists():
        raise TargetRefused(f"{target}: the folder {parent} does not exist")
    if not parent.is_dir():
        raise TargetRefused(f"{target}: {parent} is not a folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise TargetRefused(f"{target}: the folder {parent} is not writable")


def check_file_target(target: Path) -> None:
    """Refuse ``target`` unless it is a new path or a regular file in a writable folder."""
    if target.name in ("", ".", ".."):
        raise TargetRefused(f"{target}: not a file name")
    if os.path.lexists(target):
        kind = _kind(target)
        if kind != "a file":
            raise TargetRefused(f"{target} is {kind}; refusing to replace it with a file")
    _check_parent(target)


def _cannot(target: Path, error: OSError) -> TargetRefused:
    return TargetRefused(f"{target}: cannot write ({error.strerror or error})")


def write_files(contents: Mapping[Path, str | bytes]) -> None:
    """Write every file aside, then rename each over its target; nothing is half-written.

    Either every temporary file is written and then renamed in, or none is renamed and the
    temporary files are gone again.
    """
    for target in contents:
        check_file_target(target)
    staged: list[tuple[Path, Path]] = []
    try:
        for target, content in contents.items():
            handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                            dir=target.parent)  # fmt: skip
            staged.append((Path(name), target))
            data = content.encode("utf-8") if isinstance(content, str) else content
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(name, 0o644)
    except OSError as error:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise _cannot(staged[-1][1] if staged else next(iter(contents)), error) from None
    except BaseException:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    # Ctrl-C or SIGTERM between two renames would leave old and new files side by side: they
    # wait until every file is in place.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        for temporary, target in staged:
            os.replace(temporary, target)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def write_file(target: Path, content: str | bytes) -> None:
    """Write one file aside and rename it over ``target``."""
    write_files({target: content})


def check_folder_target(target: Path, also_ours: str | None = None) -> None:
    """Refuse ``target`` unless it is new, empty, or a folder this program made.

    ``also_ours`` names a file that marks the folder as this program's too (a marker that
    an older version wrote, before ``MARKER``).
    """
    if target.name in ("", ".", ".."):
        raise TargetRefused(f"{target}: not a folder name; name a new folder for the output")
    if os.path.lexists(target):
        kind = _kind(target)
        if kind != "a folder":
            raise TargetRefused(f"{target} is {kind}; refusing to replace it with a folder")
        marked = any((target / name).is_file() for name in (MARKER, also_ours) if name)
        if not marked and any(target.iterdir()):
            raise TargetRefused(
                f"{target} is a folder this program did not make (no {MARKER} in it); "
                "refusing to replace it: choose a new folder or remove it yourself"
            )
    _check_parent(target)


@contextmanager
def folder_aside(target: Path, made_by: str, also_ours: str | None = None) -> Iterator[Path]:
    """A fresh folder beside ``target`` to fill; swapped in whole when the block succeeds.

    The old folder (one this program made, or an empty one) is renamed away and removed
    only after the new one is in place. On any failure the new folder is removed and the
    old one is untouched.
    """
    check_folder_target(target, also_ours)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    except OSError as error:
        raise _cannot(target, error) from None
    try:
        yield staging
        (staging / MARKER).write_text(f"{made_by}\n", encoding="utf-8")
        os.chmod(staging, 0o755)
        check_folder_target(target, also_ours)
        old: Path | None = None
        if os.path.lexists(target):
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
            os.replace(target, old)
        os.replace(staging, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise _cannot(target, error) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def remove_leftovers(folder: Path, target_name: str) -> list[Path]:
    """Remove the temporary files and folders that killed writers of ``target_name`` left.

    Only call this while holding the lock that the writers of ``target_name`` take.
    """
    found = [
        path
        for pattern in (
            f".{target_name}.building-*",
            f".{target_name}.old-*",
            f".{target_name}.*.tmp",
        )
        for path in folder.glob(pattern)
    ]
    for path in found:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return found
