"""A fact added by its catalogue entry alone: "Remote jobs", the share of a role's jobs that
are remote. Only a fixture page carries it (``| Remote jobs | 4% | 0% |`` on the line cook
vs prep cook page); it flows page -> seed -> dim_roles -> the pairs' difference -> report.
"""

from __future__ import annotations

import csv
from decimal import Decimal

from support import FIXTURE_PAGES, PAIRS_WITH_KEYS, run_cli_on

from jobcompare.catalogue import fact_named

PAGE = FIXTURE_PAGES / "line-cook-vs-prep-cook.txt"


def page_row(label: str) -> tuple[int, str, str]:
    """The page's row with this label, read from the file: (line number, role 1, role 2)."""
    for number, line in enumerate(PAGE.read_text(encoding="utf-8").splitlines(), start=1):
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if cells[0] == label:
            return number, cells[1], cells[2]
    raise AssertionError(f"{PAGE.name} has no row {label!r}")


def test_remote_jobs_is_declared_once_as_a_percent_whose_difference_pairs_take():
    fact = fact_named("remote_jobs")
    (column,) = fact.columns
    assert (fact.label, fact.sections, fact.kind, fact.low, fact.high) == (
        "Remote jobs",
        ("overview",),
        "percent",
        0,
        100,
    )
    assert (column.name, column.difference) == (
        "remote_jobs_share_pct",
        "remote_jobs_diff_pct_points",
    )


def test_remote_jobs_flow_from_the_page_through_the_marts_to_the_report(fixture_warehouse):
    line, line_cook, prep_cook = page_row("Remote jobs")
    assert (line_cook, prep_cook) == ("4%", "0%")

    # page -> seed, as the page wrote it
    with (fixture_warehouse.work / "seeds" / "raw_overview.csv").open(encoding="utf-8") as f:
        seeded = [row for row in csv.DictReader(f) if row["fact_label"] == "Remote jobs"]
    assert [
        (r["page_id"], r["line_number"], r["role_position"], r["fact_value"]) for r in seeded
    ] == [
        ("line-cook-vs-prep-cook", str(line), "1", line_cook),
        ("line-cook-vs-prep-cook", str(line), "2", prep_cook),
    ]

    # seed -> dim_roles: a typed percent; roles no page gives it for are unknown
    shares = dict(
        fixture_warehouse.query("select role_key, remote_jobs_share_pct from marts.dim_roles")
    )
    assert shares == {
        "bakery-manager": None,
        "line-cook": Decimal(4),
        "pastry-chef": None,
        "prep-cook": Decimal(0),
    }

    # dim_roles -> the pair's difference, in percentage points, both orientations
    assert fixture_warehouse.query(
        f"select remote_jobs_diff_pct_points from {PAIRS_WITH_KEYS} "
        "where role_a_key = 'line-cook' and role_b_key = 'prep-cook'"
    ) == [(Decimal(4),)]
    compared = fixture_warehouse.query(
        "select role_a_key, role_a_remote_jobs_share_pct, role_b_remote_jobs_share_pct, "
        "remote_jobs_diff_pct_points from marts.rpt_role_comparisons "
        "where role_a_key in ('line-cook', 'prep-cook') "
        "and role_b_key in ('line-cook', 'prep-cook') order by role_a_key"
    )
    assert compared == [
        ("line-cook", Decimal(4), Decimal(0), Decimal(4)),
        ("prep-cook", Decimal(0), Decimal(4), Decimal(-4)),
    ]
    assert fixture_warehouse.query(
        "select count(*) from marts.fct_role_pairs where remote_jobs_diff_pct_points is not null"
    ) == [(1,)]

    # -> the report's overview, as the page wrote it; '-' where no page gives it
    for asked, row in (
        (("line cook", "prep cook"), f"| Remote jobs | {line_cook} | {prep_cook} |"),
        (("pastry chef", "line cook"), f"| Remote jobs | - | {line_cook} |"),
    ):
        result = run_cli_on(fixture_warehouse.path, "report", *asked)
        assert result.returncode == 0, result.stderr
        assert row in result.stdout, asked
