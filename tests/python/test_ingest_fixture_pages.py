"""The parser on invented pages in each layout (tests/python/fixtures/pages)."""

from __future__ import annotations

import csv

from support import FIXTURE_PAGES, run_cli

from jobcompare.ingest.parse_page import parse_page
from jobcompare.ingest.resolve import settle

RUN_TOGETHER = FIXTURE_PAGES / "pastry-chef-vs-bakery-manager.txt"
PIPE = FIXTURE_PAGES / "bakery-manager-vs-line-cook.txt"


def rows_of(page, label):
    return [(row.readings, row.how) for row in page.rows if row.label == label]


def test_pipe_page_without_title_takes_roles_from_its_header():
    page = parse_page(PIPE)
    assert page.roles == ("Bakery Manager", "Line Cook")
    assert page.title == ""
    assert rows_of(page, "Best paying company") == [([("BIGCO", "-")], "cell")]


def test_run_together_experience_123_is_ambiguous_on_its_own():
    page = parse_page(RUN_TOGETHER)
    ((readings, _),) = rows_of(page, "Years of experience")
    assert readings == [("1", "23"), ("12", "3")]


def test_run_together_rows_settled_by_the_pipe_page():
    pages = [parse_page(RUN_TOGETHER), parse_page(PIPE)]
    settle(pages)
    chef = pages[0]
    assert rows_of(chef, "Years of experience") == [
        ([("12", "3")], "matches_page:bakery-manager-vs-line-cook")
    ]
    assert rows_of(chef, "Best paying company") == [
        ([("ACME", "BIGCO")], "matches_page:bakery-manager-vs-line-cook")
    ]
    assert rows_of(chef, "Highest paying state") == [
        ([("California", "North Carolina")], "only_split")
    ]
    assert rows_of(chef, "Most common college") == [([("-", "-")], "only_split")]
    assert rows_of(chef, "Number of jobs") == [([("41,205", "9,870")], "only_split")]
    assert rows_of(chef, "Race ratio") == [
        (
            [
                (
                    "White, 60.0% Hispanic or Latino, 25.0% Asian, 15.0%",
                    "White, 70.0% Black or African American, 30.0%",
                )
            ],
            "only_split",
        )
    ]


def test_prose_in_both_layouts():
    chef = parse_page(RUN_TOGETHER)
    cook = parse_page(PIPE)
    assert [(d.position, d.text) for d in chef.durations] == [(1, "1-2 years"), (2, "2-4 years")]
    assert [(d.position, d.text) for d in cook.durations] == [
        (1, "2-4 years"),
        (2, "Less than 1 month"),
    ]
    assert [s.text for s in cook.top_skills if s.position == 2] == [
        "knife skills",
        "food safety",
        "grill",
    ]
    assert [(d.position, d.line) for d in chef.descriptions] == [(1, 23), (2, 27)]
    assert [(d.position, d.line) for d in cook.descriptions] == [(1, 14), (2, 15)]
    assert [(s.position, s.rank, s.text) for s in chef.skills][-1] == (2, 3, "Food Safety, 9%")
    assert [(r.position, r.text) for r in chef.responsibilities] == [
        (1, "Laminate croissant dough every morning."),
        (1, "Design wedding cakes with customers."),
        (2, "Order flour, butter and packaging."),
    ]


def test_ingest_command_writes_both_layouts_with_provenance(tmp_path):
    result = run_cli("ingest", str(FIXTURE_PAGES), "--seeds", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "ingested 3 pages, 4 roles" in result.stdout
    with (tmp_path / "raw_overview.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    experience = {
        (r["page_id"], r["role_name"]): (r["fact_value"], r["line_number"], r["reading"])
        for r in rows
        if r["fact_label"] == "Years of experience"
    }
    assert experience[("pastry-chef-vs-bakery-manager", "Pastry Chef")] == (
        "12",
        "19",
        "matches_page:bakery-manager-vs-line-cook",
    )
    assert experience[("bakery-manager-vs-line-cook", "Line Cook")] == ("2", "13", "cell")
