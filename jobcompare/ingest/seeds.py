"""The raw seed tables: their columns, their rows from parsed pages, and atomic writing."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from pathlib import Path

from jobcompare.ingest.page import ParsedPage, RoleText

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


def read_seeds(seeds_dir: Path) -> dict[str, list[Row]]:
    """The rows already in the seed CSVs (empty tables where a file does not exist)."""
    tables: dict[str, list[Row]] = {}
    for name, columns in SEED_COLUMNS.items():
        path = seeds_dir / f"{name}.csv"
        tables[name] = []
        if not path.exists():
            continue
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            header = tuple(next(reader, ()))
            if header != columns:
                raise ValueError(f"{path}:1: columns {header} are not {columns}")
            tables[name] = [tuple(row) for row in reader]
    return tables


def _sort_key(row: Row) -> tuple[str, int, str]:
    return row[0], int(row[1]) if row[1].isdigit() else 0, row[2]


def render_csv(columns: Iterable[str], rows: Iterable[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(sorted(rows, key=_sort_key))
    return buffer.getvalue()


def write_seeds(seeds_dir: Path, tables: dict[str, list[Row]]) -> list[Path]:
    """Write every seed table; all files are written aside first, then swapped in."""
    seeds_dir.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Path, Path]] = []
    try:
        for name, columns in SEED_COLUMNS.items():
            target = seeds_dir / f"{name}.csv"
            staged.append((seeds_dir / f".{name}.csv.tmp", target))
            staged[-1][0].write_text(render_csv(columns, tables.get(name, [])), encoding="utf-8")
    except BaseException:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, target in staged:
        os.replace(temporary, target)
    return [target for _, target in staged]
