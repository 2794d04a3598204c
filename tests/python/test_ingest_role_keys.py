"""Role keys keep different names apart, agree between Python and dbt, and never collide."""

from __future__ import annotations

import csv

import duckdb
import pytest
from page_edits import (
    PIPE_REAL,
    RUN_TOGETHER_REAL,
    assert_refused,
    edited,
    line_of,
    renamed,
    snapshot,
)
from support import SPECIALIST_PAGE, copy_project, run_cli, run_dbt_in

from jobcompare.ingest.resolve import role_key

HOSTILE_NAMES = [
    "Customer Service Manager",
    "customer  service manager",
    "Sales, Retail Associate",
    "Chef (Pastry)",
    "Cook/Baker",
    "R&D Manager",
    "O'Neil Clerk",
    "A.I. Trainer",
    "C++ Developer",
    "C# Developer",
    "C Developer",
    "100% Remote Agent",
    "Ωμέγα Analyst",
    "ΩΜΈΓΑ ANALYST",
    "データアナリスト",
    "\uff24ata Analyst",
    "İstanbul Guide",
    "Straße Cleaner",
    "\u212a-Pop Dancer",
    "Café Manager",
    "Cafe\u0301 Manager",
    "Nurse\u00a0Aide",
    "Rocket \U0001f680 Engineer",
    "---",
    "Zero\u200bWidth Analyst",
    "Tab\tSeparated Role",
]


def test_keys_keep_apart_names_that_slug_alike():
    assert role_key("Customer Service  Manager") == "customer-service-manager"
    assert role_key("Sales, Retail Associate") == "sales-retail-associate"
    assert role_key("C++ Developer") != role_key("C# Developer") != role_key("C Developer")
    assert role_key("Ωμέγα Analyst").startswith("analyst-")
    assert role_key("Ωμέγα Analyst") != role_key("Analyst")
    assert role_key("データアナリスト") and role_key("データアナリスト") != role_key("データ分析者")
    keys = {role_key(name) for name in HOSTILE_NAMES}
    assert len(keys) == len(HOSTILE_NAMES) - 1  # only the two spellings of one name meet


def test_python_and_dbt_make_the_same_key_for_hostile_names(tmp_path):
    project = copy_project(tmp_path / "project")
    with (project / "seeds" / "raw_pages.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(
            ["page_id", "source_file", "layout", "title", "title_line", "role_1_name",
             "role_2_name", "header_line"]
        )  # fmt: skip
        for number, name in enumerate(HOSTILE_NAMES):
            writer.writerow([f"p{number}", "p.txt", "pipe_table", "", "", name, "Other", 1])
    seeded = run_dbt_in(project, "seed", "--select", "raw_pages")
    assert seeded.returncode == 0, seeded.stdout[-3000:]
    result = run_dbt_in(project, "run", "--select", "stg_pages__pages")
    assert result.returncode == 0, result.stdout[-3000:]
    con = duckdb.connect(str(project / "warehouse" / "job_compare.duckdb"), read_only=True)
    try:
        rows = con.execute(
            "select role_1_name, role_1_key from staging.stg_pages__pages order by page_id"
        ).fetchall()
    finally:
        con.close()
    assert len(rows) == len(HOSTILE_NAMES)
    assert [(name, role_key(name)) for name, _ in rows] == rows


def test_two_names_with_one_key_are_refused_naming_both_pages(tmp_path, loaded):
    seeds, before = loaded
    page = tmp_path / "other-spelling.txt"
    page.write_text(renamed(PIPE_REAL, "Customer Service Specialist", "Customer Service, Manager"))
    result = run_cli("ingest", str(page), "--seeds", str(seeds), "--append")
    message = assert_refused(result, page, None, "role-key-unique")
    assert "'Customer Service, Manager' of page 'other-spelling'" in message
    assert "'Customer Service Manager' of page" in message
    assert "customer-service-manager-vs-lead-customer-service-representative" in message
    assert snapshot(seeds) == before


def test_names_that_slug_alike_load_as_two_roles(tmp_path):
    first = tmp_path / "cpp.txt"
    first.write_text(renamed(RUN_TOGETHER_REAL, "Customer Service Manager", "C++ Developer"))
    second = tmp_path / "csharp.txt"
    second.write_text(renamed(PIPE_REAL, "Customer Service Specialist", "C# Developer"))
    result = run_cli("ingest", str(first), str(second), "--seeds", str(tmp_path / "seeds"))
    assert result.returncode == 0, result.stderr
    assert "ingested 2 pages, 3 roles" in result.stdout


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("| Growth rate | -4% | -4% |", "| Growth rate | -\u0664% | -4% |", "| Growth rate |"),
        ("| Average age | 40 | 40 |", "| Average age | \uff14\uff10 | 40 |", "| Average age |"),
    ],
)
def test_unicode_digits_in_table_cells_are_refused_at_ingest(tmp_path, old, new, where):
    page = tmp_path / "digits.txt"
    page.write_text(edited(PIPE_REAL, old, new))
    result = run_cli("ingest", str(page), "--seeds", str(tmp_path / "seeds"))
    assert_refused(result, page, line_of(PIPE_REAL, where), "ascii-digits")


def test_unicode_digits_in_run_together_rows_and_skill_shares_are_refused(tmp_path):
    for old, new in [
        ("Growth rate6%-4%", "Growth rate\uff16%-4%"),
        ("Cash Handling, 14%", "Cash Handling, \u0661\u0664%"),
    ]:
        page = tmp_path / "digits.txt"
        page.write_text(edited(RUN_TOGETHER_REAL, old, new))
        result = run_cli("ingest", str(page), str(SPECIALIST_PAGE), "--seeds", str(tmp_path / "s"))
        assert_refused(result, page, line_of(RUN_TOGETHER_REAL, old), "ascii-digits")
