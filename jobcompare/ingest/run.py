"""Ingest pages into the seed CSVs: parse every page, settle run-together rows, write.

What the seeds hold afterwards depends on the mode, and no mode drops a loaded page
without naming it:

- ``sync`` (the default): the seeds hold exactly the pages given, read again from their
  files; refused when a loaded page is not among them (that would drop it). Given the same
  files again it writes nothing ("already loaded"); a page whose rows come out different
  is named as updated.
- ``append``: the pages given are added to the rows already loaded, which stay as they are;
  a page already loaded is refused.
- ``replace``: the seeds hold exactly the pages given; the loaded pages it drops are named.
- ``remove``: the pages with the given ids are removed; an id that is not loaded is refused.

Every bad page is reported, one line each. Without ``keep_going`` any bad page refuses the
whole run; with it the good pages are ingested and the bad ones are listed.

One ingest at a time writes a seeds folder: the lock file beside it is held from reading
the seeds to swapping the new files in.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jobcompare.errors import CommandError
from jobcompare.ingest.errors import PageError
from jobcompare.ingest.page import ParsedPage
from jobcompare.ingest.parse_page import parse_page
from jobcompare.ingest.resolve import KnownFacts, check_role_keys, role_key, settle
from jobcompare.ingest.seeds import (
    FACT_SEEDS,
    SEED_COLUMNS,
    Row,
    SeedsError,
    check_seeds_folder,
    page_ids,
    page_rows,
    read_seeds,
    remove_seed_leftovers,
    rows_by_page,
    seeds_hold,
    write_seeds,
)
from jobcompare.lock import FileLock

MODES = ("sync", "append", "replace", "remove")
DEFAULT_WAIT_S = 60.0


class Refused(CommandError):
    """The run was refused as a whole; one ``error:`` line per reason, nothing written."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = list(lines)
        super().__init__("; ".join(self.lines))

    def one_line(self) -> str:
        # The command prints "error: " before the first line; every line gets its own.
        return "\nerror: ".join(self.lines)


@dataclass(frozen=True)
class IngestSummary:
    pages: int
    roles: int
    rows: int
    files: list[Path]
    written: bool
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    bad: list[PageError] = field(default_factory=list)
    leftovers: list[Path] = field(default_factory=list)


def lock_path(seeds_dir: Path) -> Path:
    """The lock that ingests into ``seeds_dir`` take: beside the folder, not in it (the same
    file whichever link or ``..`` names the folder)."""
    folder = seeds_dir.resolve()
    return folder.parent / f".{folder.name}.ingest.lock"


def page_files(inputs: list[Path]) -> tuple[list[Path], list[PageError]]:
    """The page files named by ``inputs`` (folders as their ``*.txt`` files), and the inputs
    that name no page."""
    files: list[Path] = []
    errors: list[PageError] = []
    for path in inputs:
        if path.is_dir():
            found = sorted(path.glob("*.txt"))
            if not found:
                errors.append(PageError(path, None, "pages-given", "the folder has no .txt pages"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            errors.append(PageError(path, None, "pages-given", "no such file or folder"))
    return files, errors


def read_pages(inputs: list[Path]) -> tuple[list[ParsedPage], list[PageError], list[Path]]:
    """Parse every page named by ``inputs``: the good pages, an error for each bad one, and
    every page file in the order given."""
    files, errors = page_files(inputs)
    pages: list[ParsedPage] = []
    given: dict[str, Path] = {}
    for path in files:
        try:
            page = parse_page(path)
        except PageError as error:
            errors.append(error)
            continue
        except OSError as error:
            reason = f"cannot read the page ({error.strerror or error})"
            errors.append(PageError(path, None, "page-readable", reason))
            continue
        if page.page_id in given:
            errors.append(
                PageError(
                    path,
                    None,
                    "page-given-once",
                    f"page id {page.page_id!r} is also the id of {given[page.page_id]}",
                )
            )
            continue
        given[page.page_id] = path
        pages.append(page)
    return pages, errors, files


def settle_each(
    pages: list[ParsedPage], known: KnownFacts
) -> tuple[list[ParsedPage], list[PageError]]:
    """Settle ``pages`` together; a page that stays ambiguous is set aside as bad, and the
    others are settled again from scratch without it (its facts must not settle theirs)."""
    bad: list[PageError] = []
    while True:
        trial = copy.deepcopy(pages)
        try:
            settle(trial, known)
            return trial, bad
        except PageError as error:
            remaining = [page for page in pages if str(page.path) != error.path]
            if len(remaining) == len(pages):
                raise
            bad.append(error)
            pages = remaining


def _known_from(tables: dict[str, list[Row]]) -> KnownFacts:
    known: KnownFacts = {}
    for name in FACT_SEEDS:
        for page_id, _, _, role_name, label, value, _ in tables[name]:
            known.setdefault((role_key(role_name), label.casefold()), {}).setdefault(value, page_id)
    return known


def _tables_of(pages: list[ParsedPage], start: dict[str, list[Row]] | None = None):
    tables = {name: list((start or {}).get(name, [])) for name in SEED_COLUMNS}
    for page in pages:
        for name, rows in page_rows(page).items():
            tables[name].extend(rows)
    return tables


def _pages_phrase(ids: Sequence[str]) -> str:
    return f"{len(ids)} loaded page{'s' if len(ids) != 1 else ''} ({', '.join(ids)})"


def _in_given_order(bad: list[PageError], files: list[Path]) -> list[PageError]:
    """The errors in the order their files were given (inputs that name no page first)."""
    order = {str(path): number for number, path in enumerate(files)}
    return sorted(bad, key=lambda error: order.get(error.path, -1))


def _check_keys(loaded: list[Row], pages: list[ParsedPage]) -> None:
    """Two different role names with one key refuse the whole run, naming both pages."""
    try:
        check_role_keys(loaded, pages)
    except PageError as error:
        raise Refused([error.one_line()]) from None


def _refuse_bad(bad: list[PageError], keep_going: bool) -> None:
    if bad and not keep_going:
        raise Refused([error.one_line() for error in bad])


def ingest(
    inputs: list[Path],
    seeds_dir: Path,
    mode: str = "sync",
    keep_going: bool = False,
    remove_ids: Sequence[str] = (),
    wait_s: float = DEFAULT_WAIT_S,
) -> IngestSummary:
    """Bring the seed CSVs in ``seeds_dir`` to what ``mode`` asks for (see the module)."""
    if mode not in MODES:
        raise ValueError(f"mode {mode!r} is not one of {MODES}")
    check_seeds_folder(seeds_dir)
    pages: list[ParsedPage] = []
    bad: list[PageError] = []
    files: list[Path] = []
    if mode != "remove":
        pages, bad, files = read_pages(inputs)  # they do not depend on the seeds: read them first
    try:
        lock = FileLock(lock_path(seeds_dir), f"ingest into {seeds_dir}", wait_s)
        lock.__enter__()
    except OSError as error:
        raise SeedsError(f"{seeds_dir}: cannot take the lock ({error.strerror or error})") from None
    try:
        leftovers = remove_seed_leftovers(seeds_dir)
        loaded = read_seeds(seeds_dir)
        source_of = {row[0]: row[1] for row in loaded["raw_pages"]}
        if mode == "remove":
            unknown = [page_id for page_id in remove_ids if page_id not in source_of]
            if unknown:
                ids = ", ".join(unknown)
                raise Refused([f"{seeds_dir}: no loaded page has the id {ids}; nothing removed"])
            tables = {
                name: [row for row in rows if row[0] not in remove_ids]
                for name, rows in loaded.items()
            }
            new_ids: list[str] = []
        elif mode == "append":
            fresh = []
            for page in pages:
                if page.page_id in source_of:
                    bad.append(
                        PageError(
                            page.path,
                            None,
                            "page-loaded-once",
                            f"page id {page.page_id!r} is already loaded from "
                            f"{source_of[page.page_id]}",
                        )
                    )
                else:
                    fresh.append(page)
            _check_keys(loaded["raw_pages"], fresh)
            settled, unsettled = settle_each(fresh, _known_from(loaded))
            bad = _in_given_order(bad + unsettled, files)
            _refuse_bad(bad, keep_going)
            tables = _tables_of(settled, loaded)
            new_ids = [page.page_id for page in settled]
        else:
            _check_keys([], pages)
            settled, unsettled = settle_each(pages, {})
            bad = _in_given_order(bad + unsettled, files)
            _refuse_bad(bad, keep_going)
            tables = _tables_of(settled)
            new_ids = [page.page_id for page in settled]
            dropped = [page_id for page_id in source_of if page_id not in set(new_ids)]
            if mode == "sync" and dropped:
                raise Refused(
                    [error.one_line() for error in bad]
                    + [
                        f"{seeds_dir} holds {_pages_phrase(dropped)} that the pages given do "
                        "not include; ingesting would drop them, so nothing was written: give "
                        "their files too, add pages with --append, make the seeds exactly the "
                        "pages given with --replace, or remove pages with --remove"
                    ]
                )
        if mode != "remove" and not new_ids:
            nothing = "no good page to ingest; nothing was written"
            raise Refused([error.one_line() for error in bad] + [nothing])
        before, after = rows_by_page(loaded), rows_by_page(tables)
        written = not seeds_hold(seeds_dir, tables)
        written_files = write_seeds(seeds_dir, tables) if written else []
    finally:
        lock.__exit__(None, None, None)
    ids = page_ids(tables)
    roles = {role_key(row[5]) for row in tables["raw_pages"]} | {
        role_key(row[6]) for row in tables["raw_pages"]
    }
    return IngestSummary(
        pages=len(ids),
        roles=len(roles),
        rows=sum(len(rows) for rows in tables.values()),
        files=written_files,
        written=written,
        added=[page_id for page_id in new_ids if page_id not in before],
        updated=[
            page_id for page_id in new_ids if before.get(page_id, after[page_id]) != after[page_id]
        ],
        removed=[page_id for page_id in source_of if page_id not in after],
        bad=bad,
        leftovers=leftovers,
    )
