"""The built warehouse against the source pages: every normalized fact of the three roles.

Expected values are written from the page files in ../shared/source-pages, read by eye.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import PAIRS_WITH_KEYS, SPECIALIST_FACTS

MANAGER = "customer-service-manager"
LEAD = "lead-customer-service-representative"
SPECIALIST = "customer-service-specialist"

PAGE_FACTS = {
    MANAGER: {
        "role_name": "Customer Service Manager",
        "page_count": 1,
        "time_to_become": "4-6 years",
        "time_to_become_min_months": 48,
        "time_to_become_max_months": 72,
        "yearly_salary_usd": 61487,
        "hourly_rate_usd": Decimal("29.56"),
        "growth_rate_pct": 6,
        "number_of_jobs": 313110,
        "job_satisfaction_score": 5,
        "most_common_degree": "Bachelor's Degree",
        "most_common_degree_share_pct": 46,
        "average_age_years": 44,
        "years_of_experience": 6,
        "average_salary_usd": 61487,
        "salary_range_low_usd": 35000,
        "salary_range_high_usd": 105000,
        "highest_paying_city": "Washington",
        "highest_paying_city_state_code": "DC",
        "highest_paying_state": "New Jersey",
        "best_paying_company": "KLA",
        "best_paying_industry": "Manufacturing",
        "most_common_major": "Business",
        "most_common_college": "University of Pennsylvania",
        "lgbt_share_pct": 10,
        "top_skill_1": "strong customer service",
        "top_skill_2": "payroll",
        "top_skill_3": "customer satisfaction",
        "skill_count": 6,
    },
    LEAD: {
        "role_name": "Lead Customer Service Representative",
        "page_count": 2,
        "time_to_become": "6-12 months",
        "time_to_become_min_months": 6,
        "time_to_become_max_months": 12,
        "yearly_salary_usd": 36097,
        "hourly_rate_usd": Decimal("17.35"),
        "growth_rate_pct": -4,
        "number_of_jobs": 192052,
        "job_satisfaction_score": None,
        "most_common_degree": "Bachelor's Degree",
        "most_common_degree_share_pct": 33,
        "average_age_years": 40,
        "years_of_experience": 12,
        "average_salary_usd": 36097,
        "salary_range_low_usd": 22000,
        "salary_range_high_usd": 58000,
        "highest_paying_city": "Goldsboro",
        "highest_paying_city_state_code": "NC",
        "highest_paying_state": "New York",
        "best_paying_company": "IBM",
        "best_paying_industry": "Insurance",
        "most_common_major": "Business",
        "most_common_college": None,
        "lgbt_share_pct": 7,
        "top_skill_1": "cleanliness",
        "top_skill_2": "cash handling",
        "top_skill_3": "inventory control",
        "skill_count": 6,
    },
    SPECIALIST: {
        "role_name": "Customer Service Specialist",
        "page_count": 1,
        **SPECIALIST_FACTS,
        "top_skill_1": "customer service",
        "top_skill_2": "strong customer service",
        "top_skill_3": "cleanliness",
        "skill_count": 3,
    },
}


@pytest.fixture(scope="module")
def roles(built_warehouse):
    rows = built_warehouse.records("select * from marts.dim_roles order by role_key")
    return {row["role_key"]: row for row in rows}


def test_build_passes_with_zero_warnings(built_warehouse):
    assert "WARN=0 ERROR=0" in built_warehouse.build_output
    assert "[WARNING]" not in built_warehouse.build_output


@pytest.mark.parametrize("role_key", sorted(PAGE_FACTS))
def test_dim_roles_holds_what_the_pages_say(roles, role_key):
    row = roles[role_key]
    for column, expected in PAGE_FACTS[role_key].items():
        assert row[column] == expected, (role_key, column, row[column])


def test_three_roles_each_once(roles):
    assert sorted(roles) == sorted(PAGE_FACTS)
    assert len({row["role_id"] for row in roles.values()}) == 3


def test_descriptions_from_both_layouts(roles):
    assert roles[MANAGER]["description"].startswith("Customer service managers are in charge of")
    assert roles[LEAD]["description"].startswith(
        "A lead customer service representative is responsible for managing"
    )
    assert roles[SPECIALIST]["description"].endswith(
        "so that proper departments will be able to receive them."
    )


GROUPS = {
    MANAGER: {
        ("gender", "Male"): "37.0", ("gender", "Female"): "63.0",
        ("race", "Black or African American"): "6.3", ("race", "Unknown"): "4.3",
        ("race", "Hispanic or Latino"): "15.5", ("race", "Asian"): "6.4",
        ("race", "White"): "67.0", ("race", "American Indian and Alaska Native"): "0.5",
        ("lgbt", "LGBT"): "10",
    },
    LEAD: {
        ("gender", "Male"): "32.1", ("gender", "Female"): "67.9",
        ("race", "Black or African American"): "11.8", ("race", "Unknown"): "5.4",
        ("race", "Hispanic or Latino"): "21.2", ("race", "Asian"): "6.3",
        ("race", "White"): "54.6", ("race", "American Indian and Alaska Native"): "0.7",
        ("lgbt", "LGBT"): "7",
    },
    SPECIALIST: {
        ("gender", "Male"): "32.0", ("gender", "Female"): "68.0",
        ("race", "Black or African American"): "11.6", ("race", "Unknown"): "5.4",
        ("race", "Hispanic or Latino"): "20.0", ("race", "Asian"): "6.8",
        ("race", "White"): "55.6", ("race", "American Indian and Alaska Native"): "0.7",
        ("lgbt", "LGBT"): "7",
    },
}  # fmt: skip


@pytest.mark.parametrize("role_key", sorted(GROUPS))
def test_demographics_in_long_form(built_warehouse, role_key):
    rows = built_warehouse.query(
        "select demographic, group_name, share_pct from marts.fct_role_demographics "
        "where role_key = ?",
        [role_key],
    )
    assert {(d, g): s for d, g, s in rows} == {k: Decimal(v) for k, v in GROUPS[role_key].items()}


def test_skills_with_shares_in_page_order(built_warehouse):
    rows = built_warehouse.query(
        "select role_key, skill_rank, skill_name, skill_share_pct, top_skill_rank "
        "from marts.fct_role_skills order by role_key, skill_rank"
    )
    manager = [(n, s, t) for r, _, n, s, t in rows if r == MANAGER]
    assert manager == [
        ("Strong Customer Service", 15, 1),
        ("Payroll", 6, 2),
        ("Customer Satisfaction", 6, 3),
        ("Customer Complaints", 6, None),
        ("Customer Service", 6, None),
        ("ISO", 5, None),
    ]
    lead = [(n, s) for r, _, n, s, _ in rows if r == LEAD]
    assert lead == [
        ("Cleanliness", 65), ("Cash Handling", 14), ("Inventory Control", 12),
        ("POS", 1), ("Customer Service", 1), ("Sales Floor", 1),
    ]  # fmt: skip
    # The specialist page has no skill list: its skills are the three its prose names.
    specialist = [(n, s, t) for r, _, n, s, t in rows if r == SPECIALIST]
    assert specialist == [
        ("customer service", None, 1),
        ("strong customer service", None, 2),
        ("cleanliness", None, 3),
    ]


def test_responsibilities_per_role(built_warehouse):
    rows = built_warehouse.query(
        "select role_key, count(*), min(responsibility_rank), max(responsibility_rank) "
        "from marts.fct_role_responsibilities group by role_key order by role_key"
    )
    assert rows == [(MANAGER, 6, 1, 6), (LEAD, 4, 1, 4)]


def test_no_conflicts_between_the_two_pages_on_the_lead_representative(built_warehouse):
    assert built_warehouse.query("select count(*) from intermediate.int_role_fact_conflicts") == [
        (0,)
    ]
    [(agreeing,)] = built_warehouse.query(
        "select count(*) from intermediate.int_role_facts_chosen "
        "where role_key = ? and agreeing_page_count = 2",
        [LEAD],
    )
    # Every table fact of the lead representative that both pages give, they give alike.
    assert agreeing >= 18


# Every skill of the two pages, counted by hand. The manager page lists six skills for the
# manager (Strong Customer Service, Payroll, Customer Satisfaction, Customer Complaints,
# Customer Service, ISO) and six for the lead representative (Cleanliness, Cash Handling,
# Inventory Control, POS, Customer Service, Sales Floor); both pages' prose names the lead's
# top three (cleanliness, cash handling, inventory control), already in its list. The
# specialist page has no skill list: its prose names customer service, strong customer
# service and cleanliness. 11 skills; three of them (customer service, strong customer
# service, cleanliness) belong to more than one role, though only "Customer Service" is
# spelled alike on both sides of any pair.
EXPECTED_SKILLS = {
    "customer-service": ("Customer Service", 3),
    "strong-customer-service": ("Strong Customer Service", 2),
    "cleanliness": ("Cleanliness", 2),
    "payroll": ("Payroll", 1),
    "customer-satisfaction": ("Customer Satisfaction", 1),
    "customer-complaints": ("Customer Complaints", 1),
    "iso": ("ISO", 1),
    "cash-handling": ("Cash Handling", 1),
    "inventory-control": ("Inventory Control", 1),
    "pos": ("POS", 1),
    "sales-floor": ("Sales Floor", 1),
}


def test_dim_skills_one_row_per_skill_whatever_the_case_with_its_list_spelling(built_warehouse):
    rows = built_warehouse.query("select skill_key, skill_name, role_count from marts.dim_skills")
    assert {key: (name, count) for key, name, count in rows} == EXPECTED_SKILLS
    # Grouping the roles' own spellings by name finds one skill shared by two roles; there are 3.
    [(by_name,)] = built_warehouse.query(
        "select count(*) from (select skill_name from marts.fct_role_skills "
        "group by skill_name having count(*) > 1)"
    )
    [(by_key,)] = built_warehouse.query(
        "select count(*) from marts.dim_skills where role_count > 1"
    )
    assert (by_name, by_key) == (1, 3)


def test_the_second_pages_two_roles_share_two_skills_that_no_name_spells_alike(built_warehouse):
    """Lead representative and specialist: Cleanliness / cleanliness and Customer Service /
    customer service. No name is spelled alike, so only the skill key finds them."""
    [(alike,)] = built_warehouse.query(
        "select count(*) from marts.fct_role_skills as lead "
        "inner join marts.fct_role_skills as specialist on lead.skill_name = specialist.skill_name "
        "where lead.role_key = ? and specialist.role_key = ?",
        [LEAD, SPECIALIST],
    )
    shared = built_warehouse.query(
        "select skills.skill_name from marts.rpt_pair_skills as pair_skills "
        "inner join marts.dim_skills as skills on pair_skills.skill_id = skills.skill_id "
        "where pair_skills.role_a_key = ? and pair_skills.role_b_key = ? "
        "and pair_skills.is_shared order by skills.skill_name",
        [SPECIALIST, LEAD],
    )
    [(counted,)] = built_warehouse.query(
        f"select shared_skill_count from {PAIRS_WITH_KEYS} where role_a_key = ? and role_b_key = ?",
        [SPECIALIST, LEAD],
    )
    assert alike == 0
    assert shared == [("Cleanliness",), ("Customer Service",)]
    assert counted == 2
