"""Times to become a role are read whole (decimals, dashes, "to") or refused, never in part."""

from __future__ import annotations

import csv

import duckdb
import pytest
from page_edits import RUN_TOGETHER_REAL, assert_refused, edited, line_of, snapshot
from support import SPECIALIST_PAGE, copy_project, run_cli, run_dbt_in

INTRO = "While it typically takes 4-6 years to become a customer service manager"


def _durations_after_ingest(tmp_path, written: str) -> list[tuple[str, str]]:
    page = tmp_path / "durations.txt"
    page.write_text(edited(RUN_TOGETHER_REAL, "4-6 years", written))
    seeds = tmp_path / "seeds"
    # The pipe page settles the run-together rows (KLAIBM) as it does for the real page.
    result = run_cli("ingest", str(page), str(SPECIALIST_PAGE), "--seeds", str(seeds))
    assert result.returncode == 0, result.stderr
    with (seeds / "raw_times_to_become.csv").open(newline="", encoding="utf-8") as handle:
        rows = csv.DictReader(handle)
        return [(r["role_position"], r["duration_text"]) for r in rows if r["page_id"] == page.stem]


@pytest.mark.parametrize(
    "written", ["1.5 years", "6\u201312 months", "6\u201412 months", "1 to 2 years"]
)
def test_duration_phrase_is_stored_whole_not_its_last_number(tmp_path, written):
    assert _durations_after_ingest(tmp_path, written) == [("1", written), ("2", "6-12 months")]


@pytest.mark.parametrize(
    "written",
    ["one and a half years", "more than 2 years", "2+ years", "2 years or more", "\u0664 years"],
)
def test_duration_sentence_read_only_in_part_is_refused(tmp_path, loaded, written):
    seeds, before = loaded
    page = tmp_path / "unreadable-duration.txt"
    page.write_text(edited(RUN_TOGETHER_REAL, "4-6 years", written))
    result = run_cli("ingest", str(page), "--seeds", str(seeds), "--append")
    assert_refused(result, page, line_of(RUN_TOGETHER_REAL, INTRO), "duration-read-whole")
    assert snapshot(seeds) == before


def test_durations_read_in_months_and_unreadable_text_fails_is_parsed(tmp_path):
    project = copy_project(tmp_path / "project")
    rows = ["1.5 years", "6\u201312 months", "1 to 2 years", "one and a half years"]
    with (project / "seeds" / "raw_times_to_become.csv").open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["page_id", "line_number", "role_position", "role_name", "duration_text"])
        for line, text in enumerate(rows, start=1):
            writer.writerow([f"p{line}", line, 1, "A", text])
    result = run_dbt_in(
        project, "build", "--select", "raw_times_to_become", "stg_pages__times_to_become"
    )
    assert result.returncode != 0
    failed = {
        line.split(" FAIL 1 ")[1].split()[0]
        for line in result.stdout.splitlines()
        if " FAIL 1 " in line
    }
    # The unreadable text fails is_parsed (which names its page and line) and gives no number.
    assert failed == {
        "is_parsed_stg_pages__times_to_become_time_to_become_max_months__duration_text",
        "not_null_stg_pages__times_to_become_time_to_become_min_months",
        "not_null_stg_pages__times_to_become_time_to_become_max_months",
        "expression_is_true_stg_pages__times_to_become_time_to_become_min_months_"
        "time_to_become_max_months",
    }
    assert "PASS stg_pages__times_to_become::test_durations_in_months_and_years" in result.stdout
    con = duckdb.connect(str(project / "warehouse" / "job_compare.duckdb"), read_only=True)
    try:
        months = con.execute(
            "select line_number, time_to_become_min_months, time_to_become_max_months "
            "from staging.stg_pages__times_to_become order by line_number"
        ).fetchall()
    finally:
        con.close()
    assert [(n, lo, hi) for n, lo, hi in months] == [
        (1, 18, 18),
        (2, 6, 12),
        (3, 12, 24),
        (4, None, None),
    ]
