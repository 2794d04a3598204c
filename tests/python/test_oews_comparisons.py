"""Official wages where people look for them (issue 13 item 8): wages by state and metro
area, occupation pairs in both orientations, a page role against any occupation, and the
occupation pair score named for what it measures.

Expected figures are read from the raw OEWS CSV files that the session loaded (cell.csv,
occupation.csv, area.csv) and from the source pages, never from the models' own output.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from support import SOURCE_PAGES, run_cli_on

CROSS_INDUSTRY = "000000"


@pytest.fixture(scope="module")
def release(oews_raw_files: Path) -> dict[str, dict[str, str]]:
    """The cross-industry cells of detailed occupations in states and metro areas, and the
    national ones, from cell.csv: {series key: row}."""
    with (oews_raw_files / "occupation.csv").open(newline="", encoding="utf-8") as file:
        detailed = {r["occupation_code"] for r in csv.DictReader(file) if r["display_level"] == "3"}
    with (oews_raw_files / "cell.csv").open(newline="", encoding="utf-8") as file:
        return {
            row["key"]: row
            for row in csv.DictReader(file)
            if row["key"][3] in "SMN"
            and row["key"][11:17] == CROSS_INDUSTRY
            and row["key"][17:23] in detailed
        }


@pytest.fixture(scope="module")
def area_names(oews_raw_files: Path) -> dict[str, str]:
    with (oews_raw_files / "area.csv").open(newline="", encoding="utf-8") as file:
        return {r["area_code"]: r["area_name"] for r in csv.DictReader(file)}


def cell(release: dict[str, dict[str, str]], kind: str, area: str, occupation: str) -> dict:
    return release[f"OEU{kind}{area}{CROSS_INDUSTRY}{occupation}"]


def number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None  # "-", "*", "**", "#": not given


# --- wages by state and metro area ------------------------------------------------------


def test_area_wages_have_a_row_per_state_and_metro_cell_of_the_release(built_warehouse, release):
    expected = Counter({"S": "state", "M": "metro"}[key[3]] for key in release if key[3] in "SM")
    counted = dict(
        built_warehouse.query(
            "select area_type, count(*) from marts.fct_occupation_area_wages group by area_type"
        )
    )
    assert counted == dict(expected)
    assert counted == {"state": 36168, "metro": 186176}
    [(occupations,)] = built_warehouse.query(
        "select count(distinct occupation_code) from marts.fct_occupation_area_wages"
    )
    assert occupations == len({key[17:23] for key in release if key[3] in "SM"})


@pytest.mark.parametrize(
    ("kind", "area", "occupation"),
    [
        ("S", "0600000", "434051"),  # customer service representatives, California
        ("S", "4800000", "291141"),  # registered nurses, Texas
        ("M", "0010180", "434051"),  # customer service representatives, Abilene, TX
        ("S", "3600000", "151252"),  # software developers, New York
    ],
)
def test_area_wages_checked_against_the_release(
    built_warehouse, release, area_names, kind, area, occupation
):
    raw = cell(release, kind, area, occupation)
    [row] = built_warehouse.records(
        "select * from marts.fct_occupation_area_wages where area_code = ? and occupation_code = ?",
        [area, occupation],
    )
    assert row["area_name"] == area_names[area]
    assert row["area_type"] == {"S": "state", "M": "metro"}[kind]
    assert row["soc_code"] == f"{occupation[:2]}-{occupation[2:]}"
    assert row["employment"] == int(raw["v01"])
    for column, field in (
        ("hourly_mean_usd", "v03"),
        ("annual_mean_usd", "v04"),
        ("annual_p10_usd", "v11"),
        ("annual_median_usd", "v13"),
        ("annual_p90_usd", "v15"),
        ("employment_per_1000_jobs", "v16"),
        ("location_quotient", "v17"),
    ):
        assert row[column] == number(raw[field]), column


def test_the_rank_orders_each_area_type_by_annual_mean(built_warehouse, release, area_names):
    states = {
        key[4:11]: number(row["v04"])
        for key, row in release.items()
        if key[3] == "S" and key.endswith("434051") and number(row["v04"]) is not None
    }
    best = max(states, key=lambda code: states[code])
    ranked = built_warehouse.query(
        "select area_name, annual_mean_rank, annual_mean_usd from marts.fct_occupation_area_wages "
        "where soc_code = '43-4051' and area_type = 'state' and annual_mean_rank is not null "
        "order by annual_mean_rank, area_name"
    )
    assert ranked[0][:2] == (area_names[best], 1)
    assert ranked[0][0] == "California"  # $54,640, in the release as read by hand
    assert len(ranked) == len(states)
    assert [wage for _, _, wage in ranked] == sorted(states.values(), reverse=True)


def test_a_wage_the_release_withholds_is_null_with_a_reason_and_no_rank(built_warehouse, release):
    withheld = sorted(
        key for key, row in release.items() if key[3] in "SM" and number(row["v04"]) is None
    )
    assert withheld  # the release does withhold some
    key = withheld[0]
    [(wage, reason, rank)] = built_warehouse.query(
        "select annual_mean_usd, annual_mean_null_reason, annual_mean_rank "
        "from marts.fct_occupation_area_wages where series_id = ?",
        [key],
    )
    assert (wage, rank) == (None, None)
    assert reason
    [(nulls,)] = built_warehouse.query(
        "select count(*) from marts.fct_occupation_area_wages where annual_mean_usd is null"
    )
    assert nulls == len(withheld)


# --- occupation pairs in both orientations ----------------------------------------------


def test_occupation_comparisons_hold_each_pair_both_ways_signed_from_the_left(
    built_warehouse, release
):
    [(rows,)] = built_warehouse.query("select count(*) from marts.rpt_occupation_comparisons")
    assert rows == 830 * 829
    nurses = number(cell(release, "N", "0000000", "291141")["v04"])
    representatives = number(cell(release, "N", "0000000", "434051")["v04"])
    both = {
        row["occupation_a_soc_code"]: row
        for row in built_warehouse.records(
            "select * from marts.rpt_occupation_comparisons where "
            "(occupation_a_soc_code, occupation_b_soc_code) in "
            "(('43-4051', '29-1141'), ('29-1141', '43-4051'))"
        )
    }
    left, right = both["43-4051"], both["29-1141"]
    assert left["annual_mean_diff_usd"] == Decimal(str(representatives - nurses))  # -54830
    assert right["annual_mean_diff_usd"] == -left["annual_mean_diff_usd"]
    assert left["occupation_a_annual_mean_usd"] == right["occupation_b_annual_mean_usd"]
    assert left["annual_mean_ratio"] == Decimal(str(round(representatives / nurses, 4)))
    assert left["employment_diff"] == -right["employment_diff"]
    assert left["pay_headcount_similarity"] == right["pay_headcount_similarity"]
    assert left["higher_paid_occupation_code"] == right["higher_paid_occupation_code"] == "291141"
    assert {left["orientation_sign"], right["orientation_sign"]} == {1, -1}


def test_the_pair_score_is_named_for_pay_and_headcount(built_warehouse):
    columns = {
        name
        for (name,) in built_warehouse.query(
            "select column_name from information_schema.columns "
            "where table_schema = 'marts' and table_name = 'fct_occupation_pairs'"
        )
    }
    assert "pay_headcount_similarity" in columns
    assert "similarity_index" not in columns
    result = run_cli_on(built_warehouse.path, "site", "--help")
    assert "similar-pay-headcount" in result.stdout
    refused = run_cli_on(
        built_warehouse.path, "site", "--occupation-pairs", "similar", "--out", "unused"
    )
    assert refused.returncode == 2 and "invalid choice" in refused.stderr


# --- a page role against any occupation -------------------------------------------------


def test_every_role_meets_every_occupation_and_the_crosswalk_is_flagged(built_warehouse):
    [(rows, matches)] = built_warehouse.query(
        "select count(*), count(*) filter (where is_crosswalk_match) "
        "from marts.rpt_role_occupation_comparisons"
    )
    assert (rows, matches) == (3 * 830, 3)
    matched = built_warehouse.query(
        "select role_key, soc_code from marts.rpt_role_occupation_comparisons "
        "where is_crosswalk_match order by role_key"
    )
    assert matched == [
        ("customer-service-manager", "43-1011"),
        ("customer-service-specialist", "43-4051"),
        ("lead-customer-service-representative", "43-4051"),
    ]
    official = built_warehouse.query(
        "select role_key, soc_code from marts.rpt_role_official_wages order by role_key"
    )
    assert official == matched


def test_manager_against_supervisors_from_the_page_and_the_release(built_warehouse, release):
    page = SOURCE_PAGES / "customer-service-manager-vs-lead-customer-service-representative.txt"
    assert "Yearly salary$61,487$36,097" in page.read_text(encoding="utf-8")
    supervisors = number(cell(release, "N", "0000000", "431011")["v04"])
    [row] = built_warehouse.records(
        "select * from marts.rpt_role_occupation_comparisons "
        "where role_key = 'customer-service-manager' and soc_code = '43-1011'"
    )
    assert row["page_yearly_salary_usd"] == 61487
    assert row["official_annual_mean_usd"] == Decimal(str(supervisors))
    assert row["yearly_salary_diff_usd"] == Decimal(str(61487 - supervisors))
    assert row["is_crosswalk_match"] is True


def test_report_compares_a_role_with_an_occupation_in_either_order(built_warehouse, release):
    supervisors = int(number(cell(release, "N", "0000000", "431011")["v04"]))
    gap = supervisors - 61487
    role_first = run_cli_on(built_warehouse.path, "report", "customer service manager", "43-1011")
    assert role_first.returncode == 0, role_first.stderr
    text = role_first.stdout
    assert text.startswith("# Customer service manager vs first-line supervisors of office")
    assert f"| $61,487 | ${supervisors:,} | -${gap:,} |" in text
    assert "The crosswalk maps customer service manager to this occupation (43-1011)" in text
    occupation_first = run_cli_on(
        built_warehouse.path,
        "report",
        "First-Line Supervisors of Office and Administrative Support Workers",
        "customer-service-manager",
    )
    assert occupation_first.returncode == 0, occupation_first.stderr
    assert occupation_first.stdout.startswith("# First-line supervisors of office")
    assert f"| ${supervisors:,} | $61,487 | +${gap:,} |" in occupation_first.stdout
    other = run_cli_on(built_warehouse.path, "report", "lead customer service representative",
                       "Registered Nurses")  # fmt: skip
    assert other.returncode == 0, other.stderr
    assert "maps lead customer service representative to another occupation, 43-4051" in (
        other.stdout
    )


def test_role_occupation_report_as_json_and_html(built_warehouse):
    result = run_cli_on(
        built_warehouse.path, "report", "43-4051", "customer-service-specialist", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["order"] == ["occupation", "role"]
    assert document["comparison"]["is_crosswalk_match"] is True
    assert document["comparison"]["yearly_salary_diff_usd"] == 33238 - 46590
    assert isinstance(document["comparison"]["occupation_id"], str)
    html = run_cli_on(
        built_warehouse.path, "report", "customer-service-specialist", "43-4051", "--format", "html"
    )
    assert html.returncode == 0, html.stderr
    assert '<table data-section="figures">' in html.stdout
    assert "<td>$33,238</td><td>$46,590</td><td>-$13,352</td>" in html.stdout


# --- the site ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(built_warehouse, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("oews-site") / "site"
    result = run_cli_on(
        built_warehouse.path, "site", "--out", str(out), "--occupation-pairs", "none",
        "--no-progress",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return out


def test_occupation_page_shows_wages_by_state_and_best_paid_metros(site, release, area_names):
    page = (site / "occupations" / "43-4051.html").read_text(encoding="utf-8")
    california = cell(release, "S", "0600000", "434051")
    employment, annual = int(california["v01"]), int(number(california["v04"]))
    assert "<h2>Wages by state</h2>" in page
    states = page.split('<table data-section="states">')[1].split("</table>")[0]
    first_row = states.split("<tr><th>")[2]  # after the header row
    assert first_row.startswith(f"California</th><td>${annual:,}</td>")
    assert f"<td>{employment:,}</td>" in first_row
    assert states.count("<tr><th>") == 1 + sum(
        1 for key in release if key[3] == "S" and key.endswith("434051")
    )
    metros = page.split('<table data-section="metros">')[1].split("</table>")[0]
    assert metros.count("<tr><th>") == 1 + 10
    best_metro = max(
        (k for k in release if k[3] == "M" and k.endswith("434051") and number(release[k]["v04"])),
        key=lambda k: number(release[k]["v04"]),
    )
    best_metro_wage = int(number(release[best_metro]["v04"]))
    assert metros.split("<tr><th>")[2].startswith(
        f"{area_names[best_metro[4:11]]}</th><td>${best_metro_wage:,}</td>"
    )
    assert 'href="../roles/customer-service-specialist.html"' in page
    assert "Occupations with similar pay and headcount" in page
    assert "Similar occupations" not in page


def test_role_page_links_to_its_official_occupation(site):
    page = (site / "roles" / "customer-service-manager.html").read_text(encoding="utf-8")
    assert '<a href="../occupations/43-1011.html">' in page
    assert (site / "occupations" / "43-1011.html").exists()
    assert "$61,487" in page.split("Official wages")[1].split("</p>")[0]
