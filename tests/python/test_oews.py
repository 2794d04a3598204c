"""The OEWS release in the warehouse: counts, hand-checked figures, nulls with reasons."""

from __future__ import annotations

from decimal import Decimal

import pytest

# Read by hand from the bundled release (oews-2025.sqlite, table cell, national
# cross-industry series OEUN0000000000000 + occupation code): employment, hourly mean,
# annual mean, annual 10th percentile, median, 90th percentile.
SPOT_CHECKS = {
    "43-4051": ("Customer Service Representatives", 2595750, "22.40", 46590, 31750, 44770, 63590),
    "29-1141": ("Registered Nurses", 3379720, "48.76", 101420, 68940, 97550, 137470),
    "35-2014": ("Cooks, Restaurant", 1409890, "18.62", 38730, 28700, 37390, 47900),
    "15-1252": ("Software Developers", 1687890, "71.20", 148100, 82460, 135980, 214670),
    "11-1011": ("Chief Executives", 204350, "129.63", 269630, 75700, 213990, 507730),
    "29-1212": ("Cardiologists", 17290, "218.72", 454940, 107190, 496010, 712130),
}


def test_counts_match_the_manifest(built_warehouse):
    counts = dict(
        built_warehouse.query(
            "select 'occupation', count(*) from staging.stg_oews__occupations "
            "union all select 'area', count(*) from staging.stg_oews__areas "
            "union all select 'industry', count(*) from staging.stg_oews__industries "
            "union all select 'cell', count(*) from staging.stg_oews__cells"
        )
    )
    assert counts == {"occupation": 1104, "area": 583, "industry": 444, "cell": 370172}
    assert built_warehouse.query("select count(*) from marts.dim_occupations") == [(830,)]
    assert built_warehouse.query("select count(*) from marts.fct_occupation_pairs") == [
        (830 * 829 // 2,)
    ]


@pytest.mark.parametrize("soc", sorted(SPOT_CHECKS))
def test_national_figures_checked_by_hand(built_warehouse, soc):
    [row] = built_warehouse.query(
        "select occupation_title, employment, hourly_mean_usd, annual_mean_usd, "
        "annual_p10_usd, annual_median_usd, annual_p90_usd "
        "from marts.dim_occupations where soc_code = ?",
        [soc],
    )
    title, employment, hourly, annual, p10, median, p90 = SPOT_CHECKS[soc]
    assert row == (title, employment, Decimal(hourly), annual, p10, median, p90)


def test_hourly_only_and_yearly_only_wages_stay_null_with_their_reason(built_warehouse):
    rows = built_warehouse.query(
        "select soc_code, annual_mean_usd, annual_mean_null_reason, hourly_mean_usd "
        "from marts.dim_occupations where annual_mean_usd is null order by soc_code"
    )
    assert [r[0] for r in rows] == ["27-2011", "27-2031", "27-2042", "27-2091", "27-2099"]
    assert all(r[2].startswith("not published: this occupation is paid") for r in rows)
    actors = rows[0]
    assert actors[3] == Decimal("58.29")  # Actors: $58.29 an hour, no annual figure


def test_top_coded_wages_are_null_never_zero(built_warehouse):
    # Cardiologists in sector 55 (management of companies), national: 280 jobs, every wage
    # above the top bracket (footnote 5).
    rows = dict(
        (measure, (value, reason))
        for measure, value, reason in built_warehouse.query(
            "select measure_name, measure_value, null_reason from marts.fct_occupation_wages "
            "where soc_code = '29-1212' and area_type = 'national' and industry_code = '55--56'"
        )
    )
    assert rows["employment"] == (Decimal("280.000"), None)
    for measure in ("annual_mean_usd", "annual_median_usd", "annual_p90_usd", "hourly_p90_usd"):
        value, reason = rows[measure]
        assert value is None
        assert reason == "top-coded: at or above $115.00 per hour or $239,200 per year"
    (zeros,) = built_warehouse.query(
        "select count(*) from marts.fct_occupation_wages where measure_value = 0 "
        "and measure_name like '%usd'"
    )[0]
    assert zeros == 0


def test_percentiles_in_order_wherever_all_are_given(built_warehouse):
    [(bad,)] = built_warehouse.query(
        "select count(*) from staging.stg_oews__cells where not (annual_p10_usd <= annual_p25_usd "
        "and annual_p25_usd <= annual_median_usd and annual_median_usd <= annual_p75_usd "
        "and annual_p75_usd <= annual_p90_usd)"
    )
    assert bad == 0


def test_page_roles_next_to_their_official_occupation(built_warehouse):
    rows = {
        row["role_key"]: row
        for row in built_warehouse.records("select * from marts.rpt_role_official_wages")
    }
    assert sorted(rows) == [
        "customer-service-manager",
        "customer-service-specialist",
        "lead-customer-service-representative",
    ]
    lead = rows["lead-customer-service-representative"]
    assert (lead["soc_code"], lead["official_annual_mean_usd"]) == ("43-4051", 46590)
    assert lead["yearly_salary_diff_usd"] == 36097 - 46590
    assert lead["official_employment"] == 2595750
    manager = rows["customer-service-manager"]
    assert manager["soc_code"] == "43-1011"
    assert manager["occupation_title"] == (
        "First-Line Supervisors of Office and Administrative Support Workers"
    )
    assert all(row["crosswalk_reason"] for row in rows.values())


def test_report_and_site_cover_occupations(built_warehouse, tmp_path):
    from support import run_cli_on

    result = run_cli_on(built_warehouse.path, "report", "43-4051", "Registered Nurses")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("# Customer service representatives vs registered nurses")
    assert "| Annual mean wage | $46,590 | $101,420 |" in text
    assert "| Wage range (10th to 90th percentile) | Between $31,750 And $63,590 |" in text
    assert "$54,830 (54.1%) less than the $101,420 of registered nurses" in text
    assert "pay and headcount similarity is 0.43" in text
    mixed = run_cli_on(built_warehouse.path, "report", "43-4051", "customer service manager")
    assert mixed.returncode == 0, mixed.stderr  # a role against an occupation: see
    assert "maps customer service manager to another occupation" in mixed.stdout  # comparisons
    unknown = run_cli_on(built_warehouse.path, "report", "43-4051", "customer representatives")
    assert unknown.returncode == 2 and "no role named" in unknown.stderr
