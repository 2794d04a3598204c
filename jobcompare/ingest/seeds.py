"""The raw seed tables: their columns, their rows from parsed pages, reading and writing."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from jobcompare.errors import CommandError
from jobcompare.ingest.page import ParsedPage, RoleText
from jobcompare.swap import remove_leftovers, write_files

_FACT_COLUMNS = (
    "page_id",
    "line_number",
    "role_position",
    "role_name",
    "fact_label",
    "fact_value",
    "reading",
)
_ROLE_TEXT_COLUMNS = ("page_id", "line_number", "role_position", "role_name")

SEED_COLUMNS: dict[str, tuple[str, ...]] = {
    "raw_pages": (
        "page_id",
        "source_file",
        "layout",
        "title",
        "title_line",
        "role_1_name",
        "role_2_name",
        "header_line",
    ),
    "raw_overview": _FACT_COLUMNS,
    "raw_salary": _FACT_COLUMNS,
    "raw_education": _FACT_COLUMNS,
    "raw_demographics": _FACT_COLUMNS,
    "raw_times_to_become": (*_ROLE_TEXT_COLUMNS, "duration_text"),
    "raw_descriptions": (*_ROLE_TEXT_COLUMNS, "description"),
    "raw_top_skills": (*_ROLE_TEXT_COLUMNS, "skill_rank", "skill_name"),
    "raw_skills": (*_ROLE_TEXT_COLUMNS, "list_rank", "skill_entry"),
    "raw_responsibilities": (*_ROLE_TEXT_COLUMNS, "list_rank", "responsibility"),
}
FACT_SEEDS = ("raw_overview", "raw_salary", "raw_education", "raw_demographics")

Row = tuple[str, ...]


def _role_rows(page: ParsedPage, items: list[RoleText], ranked: bool) -> list[Row]:
    return [
        (
            page.page_id,
            str(item.line),
            str(item.position),
            page.roles[item.position - 1],
            *((str(item.rank),) if ranked else ()),
            item.text,
        )
        for item in items
    ]


def page_rows(page: ParsedPage) -> dict[str, list[Row]]:
    """The rows one settled page contributes to each seed table."""
    tables: dict[str, list[Row]] = {name: [] for name in SEED_COLUMNS}
    tables["raw_pages"].append(
        (
            page.page_id,
            page.path.name,
            page.layout,
            page.title,
            str(page.title_line) if page.title_line else "",
            page.roles[0],
            page.roles[1],
            str(page.header_line),
        )
    )
    for row in page.rows:
        for position, value in enumerate(row.readings[0], start=1):
            tables[f"raw_{row.section}"].append(
                (
                    page.page_id,
                    str(row.line),
                    str(position),
                    page.roles[position - 1],
                    row.label,
                    value,
                    row.how,
                )
            )
    tables["raw_times_to_become"] = _role_rows(page, page.durations, ranked=False)
    tables["raw_descriptions"] = _role_rows(page, page.descriptions, ranked=False)
    tables["raw_top_skills"] = _role_rows(page, page.top_skills, ranked=True)
    tables["raw_skills"] = _role_rows(page, page.skills, ranked=True)
    tables["raw_responsibilities"] = _role_rows(page, page.responsibilities, ranked=True)
    return tables


class SeedsError(CommandError):
    """The seeds folder cannot be read or written as it is."""


def check_seeds_folder(seeds_dir: Path) -> None:
    """Refuse a seeds path that is not a folder, or whose parent folder is missing."""
    if seeds_dir.exists() and not seeds_dir.is_dir():
        raise SeedsError(f"{seeds_dir} is not a folder; --seeds names the folder of seed CSVs")
    parent = seeds_dir.parent
    if not parent.exists():
        raise SeedsError(f"{seeds_dir}: the folder {parent} does not exist")
    if not parent.is_dir():
        raise SeedsError(f"{seeds_dir}: {parent} is not a folder")


def read_seeds(seeds_dir: Path) -> dict[str, list[Row]]:
    """The rows already in the seed CSVs (empty tables where a file does not exist)."""
    tables: dict[str, list[Row]] = {}
    for name, columns in SEED_COLUMNS.items():
        path = seeds_dir / f"{name}.csv"
        tables[name] = []
        if not path.exists():
            continue
        try:
            with path.open(newline="", encoding="utf-8") as handle:
                reader = csv.reader(handle)
                header = tuple(next(reader, ()))
                if header != columns:
                    raise SeedsError(f"{path}:1: columns {header} are not {columns}")
                tables[name] = [tuple(row) for row in reader]
        except OSError as error:
            raise SeedsError(f"{path}: cannot read ({error.strerror or error})") from None
        except (UnicodeDecodeError, csv.Error) as error:
            raise SeedsError(f"{path}: not a seed CSV ({error})") from None
    return tables


def page_ids(tables: dict[str, list[Row]]) -> list[str]:
    """The ids of the pages in ``tables``, in the order of ``raw_pages``."""
    return [row[0] for row in tables["raw_pages"]]


def rows_by_page(tables: dict[str, list[Row]]) -> dict[str, dict[str, list[Row]]]:
    """Every page's rows, table by table, sorted as the seed files hold them."""
    pages: dict[str, dict[str, list[Row]]] = {}
    for name in SEED_COLUMNS:
        for row in tables.get(name, []):
            pages.setdefault(row[0], {}).setdefault(name, []).append(row)
    for tables_of_page in pages.values():
        for rows in tables_of_page.values():
            rows.sort(key=_sort_key)
    return pages


def _sort_key(row: Row) -> tuple[str, int, str]:
    return row[0], int(row[1]) if row[1].isdigit() else 0, row[2]


def render_csv(columns: Iterable[str], rows: Iterable[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(sorted(rows, key=_sort_key))
    return buffer.getvalue()


def render_seeds(seeds_dir: Path, tables: dict[str, list[Row]]) -> dict[Path, str]:
    """The content of every seed file in ``seeds_dir``, by path."""
    return {
        seeds_dir / f"{name}.csv": render_csv(columns, tables.get(name, []))
        for name, columns in SEED_COLUMNS.items()
    }


def seeds_hold(seeds_dir: Path, tables: dict[str, list[Row]]) -> bool:
    """Whether the seed files in ``seeds_dir`` already hold exactly ``tables``, byte for byte."""
    for path, content in render_seeds(seeds_dir, tables).items():
        try:
            if path.read_bytes() != content.encode("utf-8"):
                return False
        except OSError:
            return False
    return True


def remove_seed_leftovers(seeds_dir: Path) -> list[Path]:
    """Remove temporary seed files that killed writers left; call it holding the ingest lock."""
    if not seeds_dir.is_dir():
        return []
    found: list[Path] = []
    for name in SEED_COLUMNS:
        found += remove_leftovers(seeds_dir, f"{name}.csv")
        older = seeds_dir / f".{name}.csv.tmp"  # the fixed name that earlier versions used
        if older.is_file():
            older.unlink()
            found.append(older)
    return found


def write_seeds(seeds_dir: Path, tables: dict[str, list[Row]]) -> list[Path]:
    """Write every seed table; all files are written aside first, then swapped in."""
    try:
        seeds_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SeedsError(
            f"{seeds_dir}: cannot make the seeds folder ({error.strerror or error})"
        ) from None
    contents = render_seeds(seeds_dir, tables)
    write_files(contents)
    return list(contents)
