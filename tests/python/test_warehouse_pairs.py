"""The pair marts: every unordered pair once, differences computed by hand from the pages."""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import PAIRS_WITH_KEYS

MANAGER = "customer-service-manager"
LEAD = "lead-customer-service-representative"
SPECIALIST = "customer-service-specialist"

# (role a, role b): differences role a minus role b, computed by hand from the page values.
EXPECTED_PAIRS = {
    (MANAGER, SPECIALIST): {
        "is_compared_on_page": False,
        "yearly_salary_diff_usd": Decimal("28249"),  # 61,487 - 33,238
        "yearly_salary_ratio": Decimal("1.8499"),  # 61,487 / 33,238
        "higher_paid_role_key": MANAGER,
        "hourly_rate_diff_usd": Decimal("13.58"),  # 29.56 - 15.98
        "growth_rate_diff_pct_points": Decimal("10"),  # 6 - (-4)
        "number_of_jobs_diff": 89787,  # 313,110 - 223,323
        "time_to_become_min_diff_months": Decimal("42"),  # 48 - 6
        "time_to_become_max_diff_months": Decimal("60"),  # 72 - 12
        "years_of_experience_diff": Decimal("-6"),  # 6 - 12
        "average_age_diff_years": Decimal("4"),  # 44 - 40
        "degree_share_diff_pct_points": Decimal("3"),  # 46 - 43
        "lgbt_share_diff_pct_points": Decimal("3"),  # 10 - 7
        "shared_skill_count": 2,  # customer service, strong customer service
        "skill_jaccard_index": Decimal("0.2857"),  # 2 / (6 + 3 - 2)
    },
    (MANAGER, LEAD): {
        "is_compared_on_page": True,
        "yearly_salary_diff_usd": Decimal("25390"),
        "higher_paid_role_key": MANAGER,
        "hourly_rate_diff_usd": Decimal("12.21"),
        "number_of_jobs_diff": 121058,
        "degree_share_diff_pct_points": Decimal("13"),
        "shared_skill_count": 1,  # customer service
        "skill_jaccard_index": Decimal("0.0909"),  # 1 / 11
    },
    (SPECIALIST, LEAD): {
        "is_compared_on_page": True,
        "yearly_salary_diff_usd": Decimal("-2859"),  # 33,238 - 36,097
        "higher_paid_role_key": LEAD,
        "hourly_rate_diff_usd": Decimal("-1.37"),
        "growth_rate_diff_pct_points": Decimal("0"),
        "number_of_jobs_diff": 31271,
        "time_to_become_max_diff_months": Decimal("0"),
        "shared_skill_count": 2,  # cleanliness, customer service
        "skill_jaccard_index": Decimal("0.2857"),
    },
}


@pytest.fixture(scope="module")
def pairs(built_warehouse):
    rows = built_warehouse.records(f"select * from {PAIRS_WITH_KEYS}")
    return {(row["role_a_key"], row["role_b_key"]): row for row in rows}


def test_every_pair_once_including_the_one_no_page_compares(pairs):
    assert sorted(pairs) == sorted(EXPECTED_PAIRS)


@pytest.mark.parametrize("pair", sorted(EXPECTED_PAIRS))
def test_pair_differences(pairs, pair):
    for column, expected in EXPECTED_PAIRS[pair].items():
        assert pairs[pair][column] == expected, (pair, column)


def test_comparisons_view_in_both_orientations(built_warehouse):
    rows = built_warehouse.records(
        "select * from marts.rpt_role_comparisons where role_a_key = ? order by role_b_key", [LEAD]
    )
    assert [(r["role_b_key"], r["yearly_salary_diff_usd"]) for r in rows] == [
        (MANAGER, Decimal("-25390")),
        (SPECIALIST, Decimal("2859")),
    ]
    specialist = rows[1]
    assert specialist["role_a_yearly_salary_usd"] == 36097
    assert specialist["role_b_yearly_salary_usd"] == 33238
    assert specialist["yearly_salary_ratio"] == Decimal("1.0860")  # 36,097 / 33,238
    (count,) = built_warehouse.query("select count(*) from marts.rpt_role_comparisons")[0]
    assert count == 6


def test_salary_and_education_sections(built_warehouse):
    salaries = built_warehouse.records(
        "select * from marts.rpt_pair_salaries where role_a_key = ? and role_b_key = ?",
        [MANAGER, SPECIALIST],
    )
    assert len(salaries) == 1
    row = salaries[0]
    assert (row["role_a_salary_range_low_usd"], row["role_a_salary_range_high_usd"]) == (
        35000,
        105000,
    )
    assert (row["role_b_highest_paying_city"], row["role_b_highest_paying_state"]) == (
        "Boston",
        "Massachusetts",
    )
    assert (row["role_a_best_paying_company"], row["role_b_best_paying_industry"]) == (
        "KLA",
        "Finance",
    )
    education = built_warehouse.records(
        "select * from marts.rpt_pair_education where role_a_key = ? and role_b_key = ?",
        [SPECIALIST, LEAD],
    )[0]
    assert education["role_a_most_common_degree_share_pct"] == 43
    assert education["has_same_major"] is True
    assert education["role_b_most_common_college"] is None


def test_demographic_and_skill_sections_in_long_form(built_warehouse):
    white = built_warehouse.query(
        "select role_a_share_pct, role_b_share_pct, share_diff_pct_points "
        "from marts.rpt_pair_demographics where role_a_key = ? and role_b_key = ? "
        "and group_key = 'white'",
        [MANAGER, LEAD],
    )
    assert white == [(Decimal("67.0"), Decimal("54.6"), Decimal("12.4"))]
    skills = built_warehouse.query(
        "select skill_name, role_a_share_pct, role_b_share_pct, is_shared "
        "from marts.rpt_pair_skills "
        "where role_a_key = ? and role_b_key = ? order by skill_key",
        [MANAGER, LEAD],
    )
    assert len(skills) == 11
    assert ("Customer Service", Decimal("6"), Decimal("1"), True) in skills
    assert ("Cleanliness", None, Decimal("65"), False) in skills
    duties = built_warehouse.query(
        "select role_side, count(*) from marts.rpt_pair_responsibilities "
        "where role_a_key = ? and role_b_key = ? group by role_side order by role_side",
        [MANAGER, LEAD],
    )
    assert duties == [("a", 6), ("b", 4)]
