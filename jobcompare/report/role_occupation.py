"""A page role against an OEWS occupation: the pages' figures next to the official ones.

The row comes from rpt_role_occupation_comparisons (every role against every occupation,
differences page minus official, and whether the crosswalk maps them); Python only orders
the two sides as asked and formats them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import duckdb

from jobcompare.report import formatting as fmt
from jobcompare.report.occupations import (
    SOURCE,
    Occupation,
    load_occupations,
    lower_title,
    missing_notes,
)
from jobcompare.report.prose import lower_name, plural, sentence_case
from jobcompare.report.roles import Role, load_roles
from jobcompare.warehouse import records

PAGES_SOURCE = "the career sites' comparison pages (the role's facts as the warehouse keeps them)"

# One row of the comparison: label, the page's column(s), the official column(s), the
# difference column (page minus official) and how each value prints.
Printer = Callable[..., str]
ROWS: tuple[tuple[str, tuple[str, ...], tuple[str, ...], str | None, Printer], ...] = (
    ("Yearly pay (page salary, OEWS annual mean)", ("page_yearly_salary_usd",),
     ("official_annual_mean_usd",), "yearly_salary_diff_usd", fmt.money),
    ("Hourly pay (page rate, OEWS hourly mean)", ("page_hourly_rate_usd",),
     ("official_hourly_mean_usd",), "hourly_rate_diff_usd", fmt.money_cents),
    ("Number of jobs (OEWS employment)", ("page_number_of_jobs",), ("official_employment",),
     "number_of_jobs_diff", fmt.count),
    ("Pay range (page range, OEWS 10th to 90th percentile)",
     ("page_salary_range_low_usd", "page_salary_range_high_usd"),
     ("official_annual_p10_usd", "official_annual_p90_usd"), None, fmt.money_range),
    ("Highest paying state", ("page_highest_paying_state",), ("official_highest_paying_state",),
     None, fmt.text),
    ("Best paying industry", ("page_best_paying_industry",),
     ("official_best_paying_industry",), None, fmt.text),
)  # fmt: skip


@dataclass(frozen=True)
class RoleOccupation:
    """A role and an occupation, in the order asked for (``role_first``), and their row of
    rpt_role_occupation_comparisons."""

    role: Role
    occupation: Occupation
    comparison: dict[str, Any]
    role_first: bool


@dataclass(frozen=True)
class DifferenceTable:
    key: str
    heading: str
    intro: str
    columns: tuple[str, str, str]
    rows: list[tuple[str, str, str, str]]


@dataclass
class RoleOccupationPage:
    title: str
    opening: str
    crosswalk: str
    figures: DifferenceTable
    notes: list[str]
    sources: str


def load_role_occupation(
    con: duckdb.DuckDBPyConnection, role_key: str, occupation_code: str, role_first: bool
) -> RoleOccupation:
    """The role ``role_key`` against the occupation ``occupation_code``."""
    (role,) = load_roles(con, [role_key]).values()
    (occupation,) = load_occupations(con, [occupation_code]).values()
    (comparison,) = records(
        con,
        "select * from marts.rpt_role_occupation_comparisons "
        "where role_key = ? and occupation_code = ?",
        [role_key, occupation_code],
    )
    return RoleOccupation(role, occupation, comparison, role_first)


def _signed(value: Any, printer: Printer, flip: bool) -> str:
    if value is None:
        return fmt.UNKNOWN
    number = -value if flip else value
    text = printer(number)
    return f"+{text}" if number > 0 else text


def _pay_sentence(pair: RoleOccupation, role_name: str, title: str) -> str:
    page = pair.comparison["page_yearly_salary_usd"]
    official = pair.comparison["official_annual_mean_usd"]
    diff = pair.comparison["yearly_salary_diff_usd"]
    if page is None or official is None:
        return (
            f"The pages give no yearly salary for {role_name}."
            if page is None
            else f"OEWS gives no annual mean wage for {title} "
            f"({pair.occupation.fact('annual_mean_null_reason') or 'not available'})."
        )
    sides = [
        (plural(role_name), page, "on the pages", official),
        (title, official, "in OEWS (national annual mean)", page),
    ]
    (first, first_pay, where, _), (second, second_pay, other_where, _) = (
        sides if pair.role_first else sides[::-1]
    )
    gap = Decimal(diff if pair.role_first else -diff)
    if gap == 0:
        return (
            f"{sentence_case(first)} earn {fmt.money(first_pay)} a year {where}, the same as "
            f"{second} {other_where}."
        )
    direction = "more" if gap > 0 else "less"
    return (
        f"{sentence_case(first)} earn {fmt.money(first_pay)} a year {where}, which is "
        f"{fmt.money(abs(gap))} ({abs(gap) / Decimal(second_pay) * 100:.1f}%) {direction} than "
        f"the {fmt.money(second_pay)} of {second} {other_where}."
    )


def _crosswalk_sentence(pair: RoleOccupation, role_name: str) -> str:
    row = pair.comparison
    if row["is_crosswalk_match"]:
        return (
            f"The crosswalk maps {role_name} to this occupation ({row['soc_code']}): "
            f"{row['crosswalk_reason']}"
        )
    if row["crosswalk_soc_code"] is not None:
        return (
            f"The crosswalk maps {role_name} to another occupation, {row['crosswalk_soc_code']}, "
            f"not to {row['soc_code']}."
        )
    return f"The crosswalk maps {role_name} to no occupation."


def role_occupation_page(pair: RoleOccupation) -> RoleOccupationPage:
    """The comparison's sections, the two sides in the order asked for; differences are
    signed from the first side's point of view."""
    role, occupation, row = pair.role, pair.occupation, pair.comparison
    role_name, title = lower_name(role.name), lower_title(occupation.title)
    role_column = f"{role.name} (pages)"
    occupation_column = f"{occupation.title} ({occupation.soc_code}, OEWS)"
    first, second = (
        (role_column, occupation_column) if pair.role_first else (occupation_column, role_column)
    )
    names = (role_name, title) if pair.role_first else (title, role_name)
    page_title = sentence_case(f"{names[0]} vs {names[1]}")
    rows = []
    for label, page_columns, official_columns, difference, printer in ROWS:
        page_value = printer(*(row[c] for c in page_columns))
        official_value = printer(*(row[c] for c in official_columns))
        diff = "" if difference is None else _signed(row[difference], printer, not pair.role_first)
        a, b = (page_value, official_value) if pair.role_first else (official_value, page_value)
        rows.append((label, a, b, diff))
    return RoleOccupationPage(
        title=page_title,
        opening=_pay_sentence(pair, role_name, title),
        crosswalk=_crosswalk_sentence(pair, role_name),
        figures=DifferenceTable(
            "figures",
            f"{page_title}: page and official figures",
            "The pages' figures for the role next to the OEWS national figures for the "
            f"occupation; the difference is {names[0]} minus {names[1]}.",
            (first, second, "Difference"),
            rows,
        ),
        notes=missing_notes(occupation),
        sources=f"Page figures: {PAGES_SOURCE}. Official figures: {SOURCE}.",
    )
