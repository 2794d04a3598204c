"""Settle run-together rows that read more than one way, using what other pages say.

A row such as ``Best paying companyKLAIBM`` reads as KLA | IBM, but also as KL | AIBM and
so on. If another page gives the same role's best paying company as ``IBM``, only one
reading agrees. Rows are settled repeatedly until nothing changes; whatever is still
ambiguous is an error that names the page, the line and the candidates.
"""

from __future__ import annotations

from collections.abc import Iterable

from jobcompare.ingest.errors import PageError, shown_readings
from jobcompare.ingest.page import ParsedPage, TableRow

# (role key, row label key) -> {value as written: id of the page that says so}
KnownFacts = dict[tuple[str, str], dict[str, str]]


def role_key(name: str) -> str:
    """The name a role is matched by across pages: case and spacing do not count."""
    return " ".join(name.split()).casefold()


def _fact_key(page: ParsedPage, position: int, row: TableRow) -> tuple[str, str]:
    return role_key(page.roles[position - 1]), row.spec.label.casefold()


def settled_facts(pages: Iterable[ParsedPage]) -> KnownFacts:
    """Every value that settled rows give, keyed by role and row label."""
    facts: KnownFacts = {}
    for page in pages:
        for row in page.rows:
            if row.settled:
                for position, value in enumerate(row.readings[0], start=1):
                    facts.setdefault(_fact_key(page, position, row), {}).setdefault(
                        value, page.page_id
                    )
    return facts


def _agreeing(page: ParsedPage, row: TableRow, facts: KnownFacts) -> tuple[list, set[str]]:
    """The readings of ``row`` that agree with every known fact, and the pages that said so."""
    keep, sources = [], set()
    for reading in row.readings:
        said_by = []
        for position, value in enumerate(reading, start=1):
            known = facts.get(_fact_key(page, position, row))
            if known and value not in known:
                break
            if known:
                said_by.append(known[value])
        else:
            keep.append(reading)
            sources.update(said_by)
    return keep, sources


def settle(pages: list[ParsedPage], known: KnownFacts | None = None) -> None:
    """Narrow every unsettled row of ``pages`` with facts from all pages (and ``known``)."""
    changed = True
    while changed:
        changed = False
        facts = settled_facts(pages)
        for key, values in (known or {}).items():
            for value, page_id in values.items():
                facts.setdefault(key, {}).setdefault(value, page_id)
        for page in pages:
            for row in page.rows:
                if row.settled:
                    continue
                keep, sources = _agreeing(page, row, facts)
                if keep and len(keep) < len(row.readings):
                    row.readings = keep
                    row.how = "matches_page:" + ",".join(sorted(sources))
                    changed = True
    for page in pages:
        for row in page.rows:
            if not row.settled:
                candidates = shown_readings(row.readings)
                raise PageError(
                    page.path,
                    row.line,
                    "one-reading-per-row",
                    f"{row.label} reads {len(row.readings)} ways ({candidates}) and no other "
                    f"page says which; add a page that gives {page.roles[0]!r} or "
                    f"{page.roles[1]!r} this fact, or fix the row",
                )
