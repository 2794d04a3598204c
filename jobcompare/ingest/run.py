"""Ingest pages into the seed CSVs: parse every page, settle run-together rows, write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jobcompare.ingest.errors import PageError
from jobcompare.ingest.parse_page import parse_page
from jobcompare.ingest.resolve import KnownFacts, check_role_keys, role_key, settle
from jobcompare.ingest.seeds import FACT_SEEDS, SEED_COLUMNS, page_rows, read_seeds, write_seeds


@dataclass(frozen=True)
class IngestSummary:
    pages: int
    roles: int
    rows: int
    files: list[Path]


def page_files(inputs: list[Path]) -> list[Path]:
    """The page files named by ``inputs``: files as given, folders as their ``*.txt`` files."""
    files: list[Path] = []
    for path in inputs:
        if path.is_dir():
            found = sorted(path.glob("*.txt"))
            if not found:
                raise PageError(path, None, "pages-given", "the folder has no .txt pages")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise PageError(path, None, "pages-given", "no such file or folder")
    return files


def _known_from(tables: dict[str, list[tuple[str, ...]]]) -> KnownFacts:
    known: KnownFacts = {}
    for name in FACT_SEEDS:
        for page_id, _, _, role_name, label, value, _ in tables[name]:
            known.setdefault((role_key(role_name), label.casefold()), {}).setdefault(value, page_id)
    return known


def ingest(inputs: list[Path], seeds_dir: Path, append: bool = False) -> IngestSummary:
    """Parse the pages in ``inputs`` and write the seed CSVs in ``seeds_dir``.

    Without ``append`` the seeds hold exactly these pages. With it, the pages' rows are
    added to the rows already there (a page already loaded is refused: rows are never
    overwritten), and the facts already there help settle run-together rows.
    """
    files = page_files(inputs)
    tables = read_seeds(seeds_dir) if append else {name: [] for name in SEED_COLUMNS}
    loaded = {row[0]: row[1] for row in tables["raw_pages"]}
    pages = []
    for path in files:
        page = parse_page(path)
        if page.page_id in loaded:
            raise PageError(
                path,
                None,
                "page-loaded-once",
                f"page id {page.page_id!r} is already loaded from {loaded[page.page_id]}",
            )
        loaded[page.page_id] = path.name
        pages.append(page)
    check_role_keys(tables["raw_pages"], pages)
    settle(pages, _known_from(tables))
    for page in pages:
        for name, rows in page_rows(page).items():
            tables[name].extend(rows)
    written = write_seeds(seeds_dir, tables)
    roles = {role_key(row[5]) for row in tables["raw_pages"]} | {
        role_key(row[6]) for row in tables["raw_pages"]
    }
    return IngestSummary(
        pages=len(tables["raw_pages"]),
        roles=len(roles),
        rows=sum(len(rows) for rows in tables.values()),
        files=written,
    )
