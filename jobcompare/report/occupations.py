"""Occupations of the BLS OEWS release: loading them from the marts and their pages."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import duckdb

from jobcompare.report import formatting as fmt
from jobcompare.report.prose import listing, sentence_case
from jobcompare.report.sections import Table
from jobcompare.warehouse import records

SOURCE = "BLS Occupational Employment and Wage Statistics (OEWS), May 2025, national estimates"
SOC = re.compile(r"^\s*(\d{2})-?(\d{4})\s*$")


@dataclass(frozen=True)
class Occupation:
    code: str
    soc_code: str
    title: str
    facts: dict[str, Any]

    def fact(self, column: str) -> Any:
        return self.facts.get(column)


@dataclass(frozen=True)
class OccupationPair:
    """Two occupations in the order asked for; how alike their pay and headcount are (not
    their work: OEWS has no skills); the pair's row of rpt_occupation_comparisons, when read."""

    a: Occupation
    b: Occupation
    pay_headcount_similarity: Decimal | None
    comparison: dict[str, Any] | None = None


@dataclass(frozen=True)
class AreaWage:
    """One row of an occupation's wages by state or metro area (fct_occupation_area_wages)."""

    area_name: str
    rank: int | None
    employment: int | None
    annual_mean_usd: float | None
    hourly_mean_usd: float | None


@dataclass(frozen=True)
class AreaWages:
    """An occupation's states (every one, best paid first) and its best paid metro areas."""

    states: tuple[AreaWage, ...]
    metros: tuple[AreaWage, ...]
    metro_count: int


@dataclass(frozen=True)
class OfficialOccupation:
    """The occupation the crosswalk maps a page role to (rpt_role_official_wages)."""

    role_key: str
    role_name: str
    soc_code: str
    title: str
    page_yearly_salary_usd: Decimal | None
    official_annual_mean_usd: Decimal | None


def occupation_titles(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Every detailed occupation's code and title (empty when the OEWS marts are absent)."""
    try:
        rows = con.execute(
            "select occupation_code, occupation_title from marts.dim_occupations"
        ).fetchall()
    except duckdb.CatalogException:
        return {}
    return dict(rows)


def find_occupation(titles: dict[str, str], asked: str) -> str | None:
    """The code of the occupation ``asked`` names: a SOC code (43-4051) or a title."""
    match = SOC.match(asked)
    if match and match[1] + match[2] in titles:
        return match[1] + match[2]
    for code, title in titles.items():
        if title.casefold() == asked.strip().casefold():
            return code
    return None


def closest_titles(titles: dict[str, str], asked: str) -> list[str]:
    by_case = {title.casefold(): title for title in titles.values()}
    return [by_case[t] for t in difflib.get_close_matches(asked.casefold(), by_case, 3, 0.5)]


def load_occupations(
    con: duckdb.DuckDBPyConnection, codes: list[str] | None = None
) -> dict[str, Occupation]:
    where, params = ("where list_contains(?, occupation_code)", [codes]) if codes else ("", [])
    rows = records(con, f"select * from marts.dim_occupations {where}", params)
    return {
        row["occupation_code"]: Occupation(
            row["occupation_code"], row["soc_code"], row["occupation_title"], row
        )
        for row in rows
    }


def load_occupation_pair(con: duckdb.DuckDBPyConnection, a: str, b: str) -> OccupationPair:
    """Occupation ``a`` against ``b``, in that order: both rows of dim_occupations and the
    pair's row of rpt_occupation_comparisons (differences a minus b)."""
    occupations = load_occupations(con, [a, b])
    rows = records(
        con,
        "select * from marts.rpt_occupation_comparisons "
        "where occupation_a_code = ? and occupation_b_code = ?",
        [a, b],
    )
    comparison = rows[0] if rows else None
    similarity = comparison["pay_headcount_similarity"] if comparison else None
    return OccupationPair(occupations[a], occupations[b], similarity, comparison)


TOP_METROS = 10
AREA_WAGES = """
    select occupation_code, area_type, area_name, annual_mean_rank, employment,
        annual_mean_usd, hourly_mean_usd,
        count(*) filter (where area_type = 'metro')
            over (partition by occupation_code) as metro_count
    from marts.fct_occupation_area_wages
    where area_type = 'state' or annual_mean_rank <= ?
    order by occupation_code, area_type, annual_mean_rank nulls last, area_name
"""


def load_area_wages(
    con: duckdb.DuckDBPyConnection, metros: int = TOP_METROS
) -> dict[str, AreaWages]:
    """Every occupation's wages in every state and in its ``metros`` best paid metro areas."""
    states: dict[str, list[AreaWage]] = {}
    top: dict[str, list[AreaWage]] = {}
    counts: dict[str, int] = {}
    for row in records(con, AREA_WAGES, [metros]):
        code = row["occupation_code"]
        wage = AreaWage(
            row["area_name"],
            row["annual_mean_rank"],
            row["employment"],
            row["annual_mean_usd"],
            row["hourly_mean_usd"],
        )
        (states if row["area_type"] == "state" else top).setdefault(code, []).append(wage)
        counts[code] = row["metro_count"]
    return {
        code: AreaWages(tuple(states.get(code, ())), tuple(top.get(code, ())), counts[code])
        for code in counts
    }


def load_official_occupations(con: duckdb.DuckDBPyConnection) -> dict[str, OfficialOccupation]:
    """The occupation of each page role the crosswalk maps, by role key."""
    rows = records(
        con,
        "select role_key, role_name, soc_code, occupation_title, page_yearly_salary_usd, "
        "official_annual_mean_usd from marts.rpt_role_official_wages order by role_key",
    )
    return {
        row["role_key"]: OfficialOccupation(
            row["role_key"],
            row["role_name"],
            row["soc_code"],
            row["occupation_title"],
            row["page_yearly_salary_usd"],
            row["official_annual_mean_usd"],
        )
        for row in rows
    }


def lower_title(title: str) -> str:
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in title.split())


def _money_reason(occupation: Occupation, column: str, cents: bool = False) -> str:
    return fmt.money(occupation.fact(column), cents=cents)


OVERVIEW = (
    ("Annual mean wage", lambda o: _money_reason(o, "annual_mean_usd")),
    ("Hourly mean wage", lambda o: _money_reason(o, "hourly_mean_usd", cents=True)),
    ("Annual median wage", lambda o: _money_reason(o, "annual_median_usd")),
    (
        "Wage range (10th to 90th percentile)",
        lambda o: fmt.money_range(o.fact("annual_p10_usd"), o.fact("annual_p90_usd")),
    ),
    ("Number of jobs", lambda o: fmt.count(o.fact("employment"))),
    (
        "Highest paying state",
        lambda o: _where(o, "highest_paying_state", "highest_paying_state_annual_mean_usd"),
    ),
    (
        "Highest paying metro area",
        lambda o: _where(o, "highest_paying_metro", "highest_paying_metro_annual_mean_usd"),
    ),
    (
        "Best paying industry",
        lambda o: _where(o, "best_paying_industry", "best_paying_industry_annual_mean_usd"),
    ),
)
PERCENTILES = tuple(
    (
        label,
        lambda o, p=p: (
            f"{fmt.money(o.fact(f'annual_{p}_usd'))} "
            f"({fmt.money(o.fact(f'hourly_{p}_usd'), cents=True)} an hour)"
            if o.fact(f"annual_{p}_usd") is not None and o.fact(f"hourly_{p}_usd") is not None
            else fmt.money(o.fact(f"annual_{p}_usd"))
        ),
    )
    for label, p in (
        ("10th percentile", "p10"),
        ("25th percentile", "p25"),
        ("Median", "median"),
        ("75th percentile", "p75"),
        ("90th percentile", "p90"),
    )
)


def _where(occupation: Occupation, place: str, wage: str) -> str:
    name = occupation.fact(place)
    if name is None:
        return fmt.UNKNOWN
    return f"{name} ({fmt.money(occupation.fact(wage))})"


def missing_notes(occupation: Occupation) -> list[str]:
    """One line per reason that a wage of the occupation is missing."""
    reasons: dict[str, list[str]] = {}
    for column, value in occupation.facts.items():
        if column.endswith("_null_reason") and value:
            reasons.setdefault(value, []).append(column.removesuffix("_null_reason"))
    return [
        f"{sentence_case(lower_title(occupation.title))}: "
        f"{listing([c.replace('_', ' ') for c in columns])} not given ({reason})."
        for reason, columns in reasons.items()
    ]


def _pay_sentence(a: Occupation, b: Occupation) -> str:
    a_name, b_name = lower_title(a.title), lower_title(b.title)
    a_pay, b_pay = a.fact("annual_mean_usd"), b.fact("annual_mean_usd")
    if a_pay is None or b_pay is None:
        missing = [o for o in (a, b) if o.fact("annual_mean_usd") is None]
        return " ".join(
            f"The annual mean wage of {lower_title(o.title)} is not published "
            f"({o.fact('annual_mean_null_reason') or 'not available'})."
            for o in missing
        )
    if a_pay == b_pay:
        return (
            f"{sentence_case(a_name)} and {b_name} earn the same on average, "
            f"{fmt.money(a_pay)} a year."
        )
    gap = Decimal(a_pay) - Decimal(b_pay)
    direction = "more" if gap > 0 else "less"
    return (
        f"{sentence_case(a_name)} earn an average of {fmt.money(a_pay)} a year, which is "
        f"{fmt.money(abs(gap))} ({abs(gap) / Decimal(b_pay) * 100:.1f}%) {direction} than "
        f"the {fmt.money(b_pay)} of {b_name}."
    )


@dataclass
class OccupationPage:
    title: str
    opening: str
    overview: Table
    percentiles: Table
    notes: list[str]
    source: str = SOURCE


def occupation_page(pair: OccupationPair) -> OccupationPage:
    a, b = pair.a, pair.b
    title = sentence_case(f"{lower_title(a.title)} vs {lower_title(b.title)}")
    jobs = (
        f"{sentence_case(lower_title(a.title))} hold {fmt.count(a.fact('employment'))} jobs; "
        f"{lower_title(b.title)} hold {fmt.count(b.fact('employment'))}."
    )
    similarity = (
        f" Their pay and headcount similarity is {pair.pay_headcount_similarity:.2f} "
        "(1 is identical pay and headcount; it says nothing about how alike the work is)."
        if pair.pay_headcount_similarity is not None
        else ""
    )
    columns = (f"{a.title} ({a.soc_code})", f"{b.title} ({b.soc_code})")
    return OccupationPage(
        title=title,
        opening=f"{_pay_sentence(a, b)} {jobs}{similarity}",
        overview=Table(
            "overview",
            f"{title} overview",
            "",
            columns,
            [(label, value(a), value(b)) for label, value in OVERVIEW],
        ),
        percentiles=Table(
            "percentiles",
            f"{title} wage percentiles",
            "Annual wages (and hourly, where published) below which each share of workers earns.",
            columns,
            [(label, value(a), value(b)) for label, value in PERCENTILES],
        ),
        notes=missing_notes(a) + missing_notes(b),
    )
