"""Round trip: the Markdown report of a source page's pair holds every fact of that page.

The facts are read from the page files themselves (table rows by the ingestion parser,
whose field-by-field output is checked by hand in test_ingest_source_pages.py, and the
list items line by line), never from what the report printed.
"""

from __future__ import annotations

import shutil
from decimal import Decimal

import duckdb
import pytest
from support import MANAGER_PAGE, PAIRS_WITH_KEYS, SPECIALIST_PAGE, run_cli_on

from jobcompare.ingest.parse_page import parse_page
from jobcompare.ingest.resolve import settle


@pytest.fixture(scope="module")
def source_pages_parsed():
    if not MANAGER_PAGE.is_file():
        pytest.skip("the source pages are not here")
    pages = [parse_page(MANAGER_PAGE), parse_page(SPECIALIST_PAGE)]
    settle(pages)
    return pages


def report(warehouse, role_a: str, role_b: str, *extra: str) -> str:
    result = run_cli_on(warehouse.path, "report", role_a, role_b, *extra)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("index", [0, 1], ids=["manager-page", "specialist-page"])
def test_every_table_row_of_the_source_page_is_in_the_report(
    built_warehouse, source_pages_parsed, index
):
    page = source_pages_parsed[index]
    markdown = report(built_warehouse, *page.roles)
    for row in page.rows:
        first, second = row.readings[0]
        assert f"| {row.label} | {first} | {second} |" in markdown, (row.line, row.label)


@pytest.mark.parametrize("path", [MANAGER_PAGE, SPECIALIST_PAGE], ids=["manager", "specialist"])
def test_every_skill_share_and_responsibility_of_the_source_page_is_in_the_report(
    built_warehouse, path
):
    if not path.is_file():
        pytest.skip("the source pages are not here")
    lines = path.read_text(encoding="utf-8").splitlines()
    items = [
        line.strip().removeprefix("•").strip()
        for line in lines
        if line.strip().startswith("•") and line.strip() != "• Show more"
    ]
    roles = parse_page(path).roles
    markdown = report(built_warehouse, *roles)
    for item in items:
        assert f"- {item}\n" in markdown, item


def test_the_issue_examples_in_the_first_pages_report(built_warehouse, source_pages_parsed):
    markdown = report(
        built_warehouse, "customer service manager", "lead customer service representative"
    )
    for fact in (
        "$61,487", "$29.56", "6%", "Bachelor's Degree, 46%", "Between $35,000 And $105,000",
        "Male, 37.0% Female, 63.0%", "Black or African American, 6.3%", "Unknown, 4.3%",
        "Hispanic or Latino, 15.5%", "Asian, 6.4%", "White, 67.0%",
        "American Indian and Alaska Native, 0.5%", "Strong Customer Service, 15%", "ISO, 5%",
        "Washington, DC", "University of Pennsylvania", "KLA", "4-6 years", "6-12 months",
    ):  # fmt: skip
        assert fact in markdown, fact
    assert (
        "a customer service manager has an average salary of $61,487, which is $25,390 (70.3%) "
        "higher than the $36,097 average annual salary of a lead customer service representative"
    ) in markdown
    assert "None" not in markdown


def test_either_order_reads_naturally(built_warehouse):
    lead, specialist = "lead customer service representative", "Customer Service Specialist"
    forward = report(built_warehouse, lead, specialist)
    backward = report(built_warehouse, "customer-service-specialist", lead)
    assert (
        "It typically takes 6-12 months to become both a lead customer service representative "
        "and a customer service specialist." in forward
    )
    assert (
        "which is $2,859 (8.6%) higher than the $33,238 average annual salary of a customer "
        "service specialist" in forward
    )
    assert (
        "which is $2,859 (7.9%) lower than the $36,097 average annual salary of a lead customer "
        "service representative" in backward
    )
    assert "| Job satisfaction | - | 4 |" in forward
    assert "| Job satisfaction | 4 | - |" in backward


def _money(value: Decimal) -> str:
    return f"${int(value):,}"


def test_third_pair_no_page_compares_matches_the_marts(built_warehouse):
    markdown = report(built_warehouse, "customer service manager", "customer service specialist")
    [salary] = built_warehouse.records(
        "select * from marts.rpt_pair_salaries where role_a_key = 'customer-service-manager' "
        "and role_b_key = 'customer-service-specialist'"
    )
    assert (
        f"| Average salary | {_money(salary['role_a_average_salary_usd'])} | "
        f"{_money(salary['role_b_average_salary_usd'])} |"
    ) in markdown
    assert (
        f"| Salary range | Between {_money(salary['role_a_salary_range_low_usd'])} And "
        f"{_money(salary['role_a_salary_range_high_usd'])} | Between "
        f"{_money(salary['role_b_salary_range_low_usd'])} And "
        f"{_money(salary['role_b_salary_range_high_usd'])} |"
    ) in markdown
    assert (
        f"| Best paying company | {salary['role_a_best_paying_company']} | "
        f"{salary['role_b_best_paying_company']} |"
    ) in markdown
    [comparison] = built_warehouse.records(
        "select * from marts.rpt_role_comparisons where role_a_key = 'customer-service-manager' "
        "and role_b_key = 'customer-service-specialist'"
    )
    assert f"which is {_money(comparison['yearly_salary_diff_usd'])} (" in markdown
    assert (
        f"| Growth rate | {int(comparison['role_a_growth_rate_pct'])}% | "
        f"{int(comparison['role_b_growth_rate_pct'])}% |"
    ) in markdown
    groups = built_warehouse.query(
        "select group_name, role_a_share_pct, role_b_share_pct from marts.rpt_pair_demographics "
        "where role_a_key = 'customer-service-manager' "
        "and role_b_key = 'customer-service-specialist' and demographic = 'race'"
    )
    assert len(groups) == 6
    for name, a_share, b_share in groups:
        assert f"{name}, {a_share:.1f}%" in markdown
        assert f"{name}, {b_share:.1f}%" in markdown
    skills = built_warehouse.query(
        "select skill_name, role_a_share_pct from marts.rpt_pair_skills "
        "where role_a_key = 'customer-service-manager' "
        "and role_b_key = 'customer-service-specialist' and role_a_share_pct is not null"
    )
    for name, share in skills:
        assert f"- {name}, {share:.0f}%\n" in markdown
    assert "None" not in markdown


def test_unknown_role_exits_non_zero_with_the_closest_names(built_warehouse):
    result = run_cli_on(built_warehouse.path, "report", "customer service manger", "cook")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        "error: no role named 'customer service manger'; closest: 'Customer Service Manager', "
        "'Customer Service Specialist', 'Lead Customer Service Representative'"
    )


def test_json_and_html_formats(built_warehouse, tmp_path):
    out = tmp_path / "pair.json"
    report(built_warehouse, "customer service manager", "lead customer service representative",
           "--format", "json", "--out", str(out))  # fmt: skip
    import json

    document = json.loads(out.read_text())
    assert document["role_a"]["yearly_salary_usd"] == 61487
    assert document["comparison"]["yearly_salary_diff_usd"] == 25390
    html = report(built_warehouse, "customer service manager", "customer service specialist",
                  "--format", "html")  # fmt: skip
    assert html.startswith("<!DOCTYPE html>")
    assert html.count('<svg class="chart"') >= 3
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html


def test_the_pay_gap_and_the_salary_education_and_duties_sections_come_from_the_pair_marts(
    built_warehouse, tmp_path
):
    """A copy of the warehouse in which only the pair marts say otherwise: the report follows
    them, so the marts are the one definition of what it shows (not dim_roles, not Python)."""
    copy = tmp_path / built_warehouse.path.name  # the views name their catalog after the file
    shutil.copy(built_warehouse.path, copy)
    manager, lead = "customer-service-manager", "lead-customer-service-representative"
    con = duckdb.connect(str(copy))
    try:
        for view, column, value in (
            ("rpt_pair_salaries", "role_a_best_paying_company", "'Marked Company'"),
            ("rpt_pair_education", "role_b_most_common_major", "'Marked Major'"),
            ("rpt_pair_responsibilities", "responsibility", "'Marked duty ' || role_side"),
        ):
            con.execute(f"alter view marts.{view} rename to {view}_built")
            con.execute(
                f"create view marts.{view} as "
                f"select * replace ({value} as {column}) from marts.{view}_built"
            )
        con.execute(
            "update marts.fct_role_pairs set yearly_salary_diff_usd = 1234, "
            f"yearly_salary_ratio = 2.5 where pair_id = (select pair_id from {PAIRS_WITH_KEYS} "
            "where role_a_key = ? and role_b_key = ?)",
            [manager, lead],
        )
    finally:
        con.close()
    result = run_cli_on(copy, "report", manager, lead)
    assert result.returncode == 0, result.stderr
    markdown = result.stdout
    assert "which is $1,234 (150.0%) higher than the $36,097 average" in markdown
    assert "| Best paying company | Marked Company |" in markdown
    assert "| Most common major | Business | Marked Major |" in markdown
    assert "- Marked duty a" in markdown and "- Marked duty b" in markdown


def integers_and_ids(value, path: str = ""):
    """(path, value) of every ``*_id`` field and every integer anywhere in a JSON document."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key.endswith("_id") or (isinstance(item, int) and not isinstance(item, bool)):
                yield f"{path}{key}", item
            yield from integers_and_ids(item, f"{path}{key}.")
    elif isinstance(value, list):
        for item in value:
            yield from integers_and_ids(item, f"{path}[].")


def test_json_ids_are_strings_that_javascript_reads_exactly(built_warehouse):
    import json

    roles = dict(built_warehouse.query("select role_key, role_id from marts.dim_roles"))
    [(pair_id,)] = built_warehouse.query(
        "select pair_id from marts.rpt_role_comparisons where role_a_key = ? and role_b_key = ?",
        ["customer-service-manager", "lead-customer-service-representative"],
    )
    manager, lead = "customer service manager", "lead customer service representative"
    document = json.loads(report(built_warehouse, manager, lead, "--format", "json"))
    found = dict(integers_and_ids(document))
    ids = {path: value for path, value in found.items() if path.endswith("_id")}
    assert ids == {
        "role_a.role_id": str(roles["customer-service-manager"]),
        "role_b.role_id": str(roles["lead-customer-service-representative"]),
        "comparison.pair_id": str(pair_id),
    }
    # The surrogate ids need more than the 53 bits a JavaScript number holds exactly.
    assert all(int(value) > 2**53 for value in ids.values())
    assert [path for path, value in found.items() if isinstance(value, int) and value > 2**53] == []

    occupations = dict(
        built_warehouse.query("select soc_code, occupation_id from marts.dim_occupations")
    )
    [(occupation_pair_id,)] = built_warehouse.query(
        "select pair_id from marts.rpt_occupation_comparisons "
        "where occupation_a_soc_code = ? and occupation_b_soc_code = ?",
        ["43-4051", "11-1011"],
    )
    document = json.loads(report(built_warehouse, "43-4051", "11-1011", "--format", "json"))
    found = dict(integers_and_ids(document))
    assert {path: value for path, value in found.items() if path.endswith("_id")} == {
        "occupation_a.occupation_id": str(occupations["43-4051"]),
        "occupation_b.occupation_id": str(occupations["11-1011"]),
        "comparison.occupation_a_id": str(occupations["43-4051"]),
        "comparison.occupation_b_id": str(occupations["11-1011"]),
        "comparison.pair_id": str(occupation_pair_id),
    }
    assert [path for path, value in found.items() if isinstance(value, int) and value > 2**53] == []
