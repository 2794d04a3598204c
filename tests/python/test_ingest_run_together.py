"""Run-together tables: broken tables fail as pipe tables do; word boundaries settle text cells."""

from __future__ import annotations

import csv

import pytest
from page_edits import PIPE_REAL, RUN_TOGETHER_REAL, assert_refused, edited, line_of, snapshot
from support import SPECIALIST_PAGE, run_cli

RT_HEADER = "Customer Service ManagerLead Customer Service Representative\n"
PIPE_HEADER = "| Lead Customer Service Representative | Customer Service Specialist | |\n"

# name: (page text, the line the error names)
BROKEN_TABLES = {
    "run-together-blank-line-inside": (
        edited(RUN_TOGETHER_REAL, "Hourly rate$29.56$17.35\n", "Hourly rate$29.56$17.35\n\n"),
        line_of(RUN_TOGETHER_REAL, "Growth rate6%-4%") + 1,
    ),
    "run-together-no-header": (
        edited(RUN_TOGETHER_REAL, RT_HEADER + "Average salary", "Average salary"),
        line_of(RUN_TOGETHER_REAL, "Average salary$61,487") - 1,
    ),
    "pipe-blank-line-inside": (
        edited(
            PIPE_REAL,
            "| Hourly rate | $17.35 | $15.98 |\n",
            "| Hourly rate | $17.35 | $15.98 |\n\n",
        ),
        line_of(PIPE_REAL, "| Growth rate |") + 1,
    ),
    "pipe-no-header": (
        edited(PIPE_REAL, PIPE_HEADER + "| Average salary", "| Average salary"),
        line_of(PIPE_REAL, "| Average salary |") - 1,
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN_TABLES))
def test_table_broken_by_blank_line_or_missing_header_fails_alike_in_both_layouts(
    case, tmp_path, loaded
):
    seeds, before = loaded
    text, line = BROKEN_TABLES[case]
    page = tmp_path / f"{case}.txt"
    page.write_text(text)
    result = run_cli("ingest", str(page), "--seeds", str(seeds), "--append")
    message = assert_refused(result, page, line, "three-cells-per-row")
    assert "a table row outside a table with a role header" in message
    assert snapshot(seeds) == before


def _college_row(tmp_path, cell: str):
    page = tmp_path / "college.txt"
    page.write_text(
        edited(RUN_TOGETHER_REAL, "Most common collegeUniversity of Pennsylvania-", cell)
    )
    seeds = tmp_path / "seeds"
    return page, seeds, run_cli("ingest", str(page), str(SPECIALIST_PAGE), "--seeds", str(seeds))


def test_all_capitals_word_loses_to_the_split_at_the_word_boundary(tmp_path):
    _, seeds, result = _college_row(
        tmp_path, "Most common collegeMIT Sloan School of ManagementUniversity of Michigan"
    )
    assert result.returncode == 0, result.stderr
    with (seeds / "raw_education.csv").open(newline="", encoding="utf-8") as handle:
        rows = [
            (r["role_position"], r["fact_value"], r["reading"])
            for r in csv.DictReader(handle)
            if r["page_id"] == "college" and r["fact_label"] == "Most common college"
        ]
    assert rows == [
        ("1", "MIT Sloan School of Management", "word_boundary_split"),
        ("2", "University of Michigan", "word_boundary_split"),
    ]


def test_two_word_boundaries_are_still_ambiguous(tmp_path):
    page, seeds, result = _college_row(
        tmp_path, "Most common collegeMcGill UniversityUniversity of Michigan"
    )
    message = assert_refused(
        result, page, line_of(RUN_TOGETHER_REAL, "Most common college"), "one-reading-per-row"
    )
    assert "'McGill University' | 'University of Michigan'" in message
    assert not seeds.exists()
