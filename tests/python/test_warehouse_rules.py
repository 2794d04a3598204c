"""The warehouse's data tests fail on bad data: each rule is broken once, on a copy."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from support import copy_project, run_dbt_in


def edit_seed(project: Path, seed: str, old: str, new: str) -> None:
    path = project / "seeds" / f"{seed}.csv"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


SPECIALIST_PAGE = "lead-customer-service-representative-vs-customer-service-specialist"
MANAGER_PAGE = "customer-service-manager-vs-lead-customer-service-representative"

BROKEN = {
    # Two pages disagree on the lead representative's yearly salary.
    "conflict": (
        "raw_overview",
        f'{SPECIALIST_PAGE},10,1,Lead Customer Service Representative,Yearly salary,"$36,097"',
        f'{SPECIALIST_PAGE},10,1,Lead Customer Service Representative,Yearly salary,"$36,098"',
        "assert_role_facts_agree_across_pages",
    ),
    "malformed-money": (
        "raw_overview",
        f'{MANAGER_PAGE},12,1,Customer Service Manager,Yearly salary,"$61,487"',
        f'{MANAGER_PAGE},12,1,Customer Service Manager,Yearly salary,"$61,4x7"',
        "is_parsed_stg_pages__overview_value_usd__fact_value",
    ),
    "share-over-100": (
        "raw_demographics",
        f"{MANAGER_PAGE},58,1,Customer Service Manager,LGBT Percentage,10%",
        f"{MANAGER_PAGE},58,1,Customer Service Manager,LGBT Percentage,140%",
        "accepted_range_stg_pages__demographics_value_pct__100__0",
    ),
    "gender-shares-not-100": (
        "raw_demographics",
        '"Male, 32.0% Female, 68.0%"',
        '"Male, 32.0% Female, 62.0%"',
        "group_sums_to_int_role_demographic_groups_share_pct",
    ),
    "hourly-not-yearly-over-2080": (
        "raw_overview",
        f"{SPECIALIST_PAGE},11,2,Customer Service Specialist,Hourly rate,$15.98",
        f"{SPECIALIST_PAGE},11,2,Customer Service Specialist,Hourly rate,$17.98",
        "expression_is_true_dim_roles_abs_hourly_rate_usd_yearly_salary_usd_2080_0_01",
    ),
}


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A copy with every rule broken, seeded and run, and the output of `dbt test` on it."""
    project = copy_project(tmp_path_factory.mktemp("broken") / "project")
    for seed, old, new, _ in BROKEN.values():
        edit_seed(project, seed, old, new)
    # dbt build would skip what lies downstream of the first failure; dbt test runs them all.
    # Seeds and models in one dbt run (as `dbt seed` then `dbt run`, with one parse).
    loaded = run_dbt_in(project, "build", "--resource-type", "seed", "--resource-type", "model")
    assert loaded.returncode == 0, loaded.stdout[-3000:]
    result = run_dbt_in(project, "test")
    assert result.returncode != 0
    return project, result.stdout


def test_each_broken_rule_fails_the_build(broken):
    """All rules are broken in one copy (one dbt build); each must be named as failing."""
    _, output = broken
    failures = [line for line in output.splitlines() if "FAIL" in line and " of " in line]
    for case, (_, _, _, failing_test) in BROKEN.items():
        assert any(failing_test in line for line in failures), (case, output[-3000:])


def test_analysts_see_a_conflict_in_the_marts_with_every_pages_value_and_line(broken):
    """The lead representative's yearly salary: $36,097 on line 12 of the manager page (as
    the page says), $36,098 on line 10 of the specialist page (the edit above)."""
    project, _ = broken
    con = duckdb.connect(str(project / "warehouse" / "job_compare.duckdb"), read_only=True)
    try:
        rows = con.execute(
            "select role_name, page_id, line_number, fact_value, distinct_value_count "
            "from marts.rpt_role_fact_conflicts where fact_name = 'yearly_salary' "
            "order by page_id"
        ).fetchall()
    finally:
        con.close()
    lead = "Lead Customer Service Representative"
    assert rows == [
        (lead, MANAGER_PAGE, 12, "$36,097", 2),
        (lead, SPECIALIST_PAGE, 10, "$36,098", 2),
    ]
