"""Settle run-together rows that read more than one way, using what other pages say.

A row such as ``Best paying companyKLAIBM`` reads as KLA | IBM, but also as KL | AIBM and
so on. If another page gives the same role's best paying company as ``IBM``, only one
reading agrees. Rows are settled repeatedly until nothing changes; whatever is still
ambiguous is an error that names the page, the line and the candidates.
"""

from __future__ import annotations

import hashlib
import re
import string
from collections.abc import Iterable

from jobcompare.ingest.errors import PageError, shown_readings
from jobcompare.ingest.page import ParsedPage, TableRow

# (role key, row label key) -> {value as written: id of the page that says so}
KnownFacts = dict[tuple[str, str], dict[str, str]]


_SPACE = re.compile(r"[ \t\n\v\f\r]+")
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_PLAIN_NAME = re.compile(r"[a-z0-9 ,.'&/()-]+")


def folded_role_name(name: str) -> str:
    """``name`` as keys compare it: white space runs as one space, A-Z as a-z."""
    return _SPACE.sub(" ", name).strip(" ").translate(_ASCII_LOWER)


def role_key(name: str) -> str:
    """The natural key of a role, as the warehouse makes it (macro role_key, same rule).

    A name of ASCII letters, digits, spaces and , . ' & / ( ) - keys as its slug
    ('customer-service-manager'); any other name as its slug plus the first 8 hex digits of
    the md5 of the folded name, so that "C++ Developer" and "C# Developer", or "Ωμέγα
    Analyst" and "Analyst", keep apart (a name with no ASCII letter or digit: the digits
    alone). Case (of A-Z) and spacing do not count.
    """
    folded = folded_role_name(name)
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if slug and _PLAIN_NAME.fullmatch(folded):
        return slug
    digest = hashlib.md5(folded.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}" if slug else digest


def check_role_keys(loaded: list[tuple[str, ...]], pages: list[ParsedPage]) -> None:
    """Refuse two different role names that still get one key, naming both pages.

    ``loaded`` are the raw_pages rows already in the seeds (page_id, source_file, ...,
    role_1_name, role_2_name, ...); ``pages`` the pages being ingested, checked in order.
    """
    named = [(row[0], row[1], (row[5], row[6])) for row in loaded]
    named += [(page.page_id, str(page.path), page.roles) for page in pages]
    seen: dict[str, tuple[str, str, str]] = {}  # key -> (folded name, name, page id)
    for page_id, source, role_names in named:
        for name in role_names:
            key, folded = role_key(name), folded_role_name(name)
            other = seen.setdefault(key, (folded, name, page_id))
            if other[0] != folded:
                raise PageError(
                    source,
                    None,
                    "role-key-unique",
                    f"role {name!r} of page {page_id!r} and role {other[1]!r} of page "
                    f"{other[2]!r} are different names with the same key {key!r}; "
                    "write the role the same way on both pages",
                )


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
