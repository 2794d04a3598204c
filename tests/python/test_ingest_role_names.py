"""Role names with commas, slashes, ampersands and parentheses parse wherever they appear."""

from __future__ import annotations

import csv

import pytest
from page_edits import RUN_TOGETHER_REAL, renamed
from support import SPECIALIST_PAGE, run_cli

NAMES = [
    "Sales, Retail Associate",
    "Cook/Baker",
    "Research & Development Manager",
    "Chef (Pastry)",
    "Sales, Retail Associate (Night Shift) & Cook/Baker",
]


def _rows(seeds, table: str, page_id: str) -> list[dict[str, str]]:
    with (seeds / f"{table}.csv").open(newline="", encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row["page_id"] == page_id]


@pytest.mark.parametrize("name", NAMES)
def test_role_name_with_punctuation_parses_in_title_header_prose_and_headings(tmp_path, name):
    page = tmp_path / "punctuated.txt"
    page.write_text(renamed(RUN_TOGETHER_REAL, "Customer Service Manager", name))
    seeds = tmp_path / "seeds"
    result = run_cli("ingest", str(page), str(SPECIALIST_PAGE), "--seeds", str(seeds))
    assert result.returncode == 0, result.stderr
    (pages,) = _rows(seeds, "raw_pages", "punctuated")
    assert (pages["role_1_name"], pages["role_2_name"]) == (
        name,
        "Lead Customer Service Representative",
    )
    assert pages["title"].startswith(name)
    durations = _rows(seeds, "raw_times_to_become", "punctuated")
    assert [(r["role_name"], r["duration_text"]) for r in durations] == [
        (name, "4-6 years"),
        ("Lead Customer Service Representative", "6-12 months"),
    ]
    top = [r["skill_name"] for r in _rows(seeds, "raw_top_skills", "punctuated")]
    assert top[:3] == ["strong customer service", "payroll", "customer satisfaction"]
    assert len(_rows(seeds, "raw_descriptions", "punctuated")) == 2
    skills = _rows(seeds, "raw_skills", "punctuated")
    assert {r["role_name"] for r in skills} == {name, "Lead Customer Service Representative"}
    duties = _rows(seeds, "raw_responsibilities", "punctuated")
    assert sum(r["role_name"] == name for r in duties) == 6
