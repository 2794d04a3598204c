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
    a: Occupation
    b: Occupation
    similarity: Decimal | None


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
    occupations = load_occupations(con, [a, b])
    row = con.execute(
        "select similarity_index from marts.fct_occupation_pairs "
        "where occupation_a_code = ? and occupation_b_code = ?",
        sorted([a, b]),
    ).fetchone()
    return OccupationPair(occupations[a], occupations[b], row[0] if row else None)


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
        f" Their similarity index from wages and employment is {pair.similarity:.2f} "
        "(1 is identical)."
        if pair.similarity is not None
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
