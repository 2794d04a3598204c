"""The catalogue of page facts (``vars: page_facts`` in dbt_project.yml) is the one place a
fact is declared: ingestion reads its labels, the warehouse has its columns, typed as its
values, the pairs take the differences it names, and the report prints its rows.

Values are checked against the source pages (tests/python/fixtures/source-pages), read
here line by line, never against what the code printed.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import SPECIALIST_FACTS, SPECIALIST_PAGE, run_cli_on

from jobcompare.catalogue import TABLE_SECTIONS, facts_in, page_facts
from jobcompare.ingest.fields import SECTIONS

SPECIALIST_ROLES = ("lead-customer-service-representative", "customer-service-specialist")


def pipe_rows(path) -> dict[str, tuple[str, str]]:
    """Every table row of a pipe-table page: label -> (role 1's value, role 2's value)."""
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] and cells[2]:  # not a header row ("| A | B | |")
            rows[cells[0]] = (cells[1], cells[2])
    return rows


def columns_of(warehouse, schema: str, table: str) -> dict[str, str]:
    """A relation's columns and their types, in order."""
    return dict(
        warehouse.query(
            "select column_name, data_type from information_schema.columns "
            "where table_schema = ? and table_name = ? order by ordinal_position",
            [schema, table],
        )
    )


def all_columns():
    return [column for fact in page_facts() for column in fact.columns]


def test_ingestion_reads_the_catalogue_rows_table_by_table():
    for section in TABLE_SECTIONS:
        assert [spec.label for spec in SECTIONS[section]] == [
            fact.label for fact in facts_in(section)
        ]
        for spec, fact in zip(SECTIONS[section], facts_in(section), strict=True):
            assert (spec.kind, spec.low, spec.high) == (fact.kind, fact.low, fact.high)
    labels = {fact.label for fact in page_facts()}
    assert set(pipe_rows(SPECIALIST_PAGE)) <= labels  # every row a real page writes


def test_every_catalogue_column_is_a_dim_roles_column_typed_as_its_value(built_warehouse):
    roles = columns_of(built_warehouse, "marts", "dim_roles")
    values = columns_of(built_warehouse, "intermediate", "int_role_facts_unioned")
    names = [column.name for column in all_columns()]
    # in the catalogue's order, one block after the role's description
    start = list(roles).index("description") + 1
    assert list(roles)[start : start + len(names)] == names
    for column in all_columns():
        assert roles[column.name] == values[column.value], column.name


def test_dim_roles_holds_the_facts_the_source_page_states(built_warehouse):
    (row,) = built_warehouse.records(
        "select * from marts.dim_roles where role_key = ?", [SPECIALIST_ROLES[1]]
    )
    on_page = set(pipe_rows(SPECIALIST_PAGE)) | {"Time to become"}
    stated = [c.name for fact in page_facts() if fact.label in on_page for c in fact.columns]
    assert sorted(stated) == sorted(SPECIALIST_FACTS)
    assert {name: row[name] for name in stated} == SPECIALIST_FACTS


def test_pairs_take_every_difference_the_catalogue_names_and_no_other(built_warehouse):
    compared = sorted((c for c in all_columns() if c.compared), key=lambda c: c.compared)
    differences = [c.difference for c in compared if c.difference]
    pairs = columns_of(built_warehouse, "marts", "fct_role_pairs")
    assert [name for name in pairs if "_diff" in name] == differences
    comparisons = columns_of(built_warehouse, "marts", "rpt_role_comparisons")
    assert [name for name in comparisons if "_diff" in name] == differences
    side_by_side = [name for name in comparisons if name.startswith("role_a_")][2:-1]
    assert side_by_side == [f"role_a_{c.name}" for c in compared]  # after key and name
    for column in compared:
        if not column.difference:
            continue
        wrong = built_warehouse.query(
            f"select role_a_key, role_b_key from marts.rpt_role_comparisons "
            f"where {column.difference} is distinct from "
            f"role_a_{column.name} - role_b_{column.name}"
        )
        assert wrong == [], column.difference
    (diff,) = built_warehouse.query(
        "select yearly_salary_diff_usd from marts.rpt_role_comparisons "
        "where role_a_key = ? and role_b_key = ?",
        list(SPECIALIST_ROLES),
    )[0]
    assert diff == Decimal(36097 - 33238)  # the page's $36,097 and $33,238


@pytest.mark.parametrize(
    ("section", "mart"), [("salary", "rpt_pair_salaries"), ("education", "rpt_pair_education")]
)
def test_pair_section_marts_hold_the_catalogue_columns_of_their_section(
    built_warehouse, section, mart
):
    columns = [c for fact in facts_in(section) for c in fact.columns]
    expected = [
        "pair_id",
        "role_a_key",
        "role_b_key",
        *(f"role_{side}_{c.name}" for c in columns for side in "ab"),
        *(c.difference for c in columns if c.difference),
        *(c.same for c in columns if c.same),
    ]
    assert list(columns_of(built_warehouse, "marts", mart)) == expected


def test_the_report_prints_every_catalogue_row_as_the_source_page_writes_it(built_warehouse):
    result = run_cli_on(built_warehouse.path, "report", *SPECIALIST_ROLES)
    assert result.returncode == 0, result.stderr
    table_rows = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    page = pipe_rows(SPECIALIST_PAGE)
    expected = []
    for section in TABLE_SECTIONS:
        for fact in facts_in(section):
            first, second = page.get(fact.label, ("-", "-"))  # a fact the page lacks: unknown
            expected.append(f"| {fact.label} | {first} | {second} |")
    # every table in page order, each row in catalogue order, nothing else
    assert [row for row in table_rows if not row.startswith(("| |", "| ---"))] == expected
