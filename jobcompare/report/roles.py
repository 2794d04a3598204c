"""Roles and pairs as the reports see them, loaded from the marts."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import duckdb

from jobcompare.ingest.resolve import role_key as key_of_name
from jobcompare.warehouse import records


@dataclass(frozen=True)
class Skill:
    name: str
    key: str
    share_pct: Decimal | None
    rank: int
    top_rank: int | None


@dataclass(frozen=True)
class Group:
    demographic: str
    name: str
    key: str
    share_pct: Decimal
    position: int


@dataclass(frozen=True)
class Role:
    """One row of dim_roles with the role's skills, demographic groups and duties."""

    key: str
    name: str
    facts: dict[str, Any]
    skills: tuple[Skill, ...]
    groups: tuple[Group, ...]
    responsibilities: tuple[str, ...]

    def fact(self, column: str) -> Any:
        return self.facts.get(column)


@dataclass(frozen=True)
class PairSide:
    """One role's half of a pair mart row (its ``role_a_`` or ``role_b_`` columns).

    Read like ``Role.fact``, so a section's rows are declared once for role and pair pages.
    """

    row: dict[str, Any]
    prefix: str

    def fact(self, column: str) -> Any:
        return self.row[self.prefix + column]


@dataclass(frozen=True)
class PairSections:
    """The page sections the pair marts hold, for one unordered pair (role_a_key sorts first).

    ``salary`` and ``education`` are rows of rpt_pair_salaries and rpt_pair_education;
    ``responsibilities`` maps each role's key to its duties from rpt_pair_responsibilities.
    """

    salary: dict[str, Any]
    education: dict[str, Any]
    responsibilities: dict[str, tuple[str, ...]]

    def side(self, section: str, role_key: str) -> PairSide:
        """The role's columns of the ``salary`` or ``education`` row."""
        row = getattr(self, section)
        if row["role_a_key"] == role_key:
            return PairSide(row, "role_a_")
        if row["role_b_key"] == role_key:
            return PairSide(row, "role_b_")
        raise KeyError(f"{role_key!r} is not a role of pair {row['pair_id']}")


@dataclass(frozen=True)
class Pair:
    """Two roles in the order asked for, their comparison (role a minus role b) and the
    page sections the pair marts hold."""

    a: Role
    b: Role
    comparison: dict[str, Any]
    sections: PairSections


class UnknownRole(LookupError):
    """No role has the given name; carries the closest known names."""

    def __init__(self, asked: str, closest: list[str]) -> None:
        self.asked = asked
        self.closest = closest
        hint = f"; closest: {', '.join(repr(n) for n in closest)}" if closest else ""
        super().__init__(f"no role named {asked!r}{hint}")


def role_names(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Every role's key and name."""
    rows = con.execute("select role_key, role_name from marts.dim_roles order by role_key")
    return dict(rows.fetchall())


def find_role(names: dict[str, str], asked: str) -> str:
    """The key of the role ``asked`` names (by name in any case, or by key)."""
    key = key_of_name(asked)  # the rule ingestion and the models use, or a key as given
    if key in names:
        return key
    for role_key, name in names.items():
        if name.casefold() == asked.strip().casefold():
            return role_key
    candidates = {name.casefold(): name for name in names.values()}
    closest = difflib.get_close_matches(asked.strip().casefold(), candidates, n=3, cutoff=0.4)
    raise UnknownRole(asked, [candidates[c] for c in closest])


def load_roles(con: duckdb.DuckDBPyConnection, keys: list[str] | None = None) -> dict[str, Role]:
    """The roles with these keys (every role when ``keys`` is None), with their long facts."""
    where, params = ("where list_contains(?, role_key)", [keys]) if keys is not None else ("", [])
    facts = records(con, f"select * from marts.dim_roles {where} order by role_key", params)
    skills: dict[str, list[Skill]] = {}
    for row in records(
        con,
        "select role_key, skill_name, skill_key, skill_share_pct, skill_rank, top_skill_rank "
        f"from marts.fct_role_skills {where} order by role_key, skill_rank",
        params,
    ):
        skills.setdefault(row["role_key"], []).append(
            Skill(
                row["skill_name"],
                row["skill_key"],
                row["skill_share_pct"],
                row["skill_rank"],
                row["top_skill_rank"],
            )
        )
    groups: dict[str, list[Group]] = {}
    for row in records(
        con,
        "select role_key, demographic, group_name, group_key, share_pct, group_position "
        f"from marts.fct_role_demographics {where} order by role_key, demographic, group_position",
        params,
    ):
        groups.setdefault(row["role_key"], []).append(
            Group(
                row["demographic"],
                row["group_name"],
                row["group_key"],
                row["share_pct"],
                row["group_position"],
            )
        )
    duties: dict[str, list[str]] = {}
    for role_key, text in con.execute(
        "select role_key, responsibility from marts.fct_role_responsibilities "
        f"{where} order by role_key, responsibility_rank",
        params,
    ).fetchall():
        duties.setdefault(role_key, []).append(text)
    return {
        row["role_key"]: Role(
            key=row["role_key"],
            name=row["role_name"],
            facts=row,
            skills=tuple(skills.get(row["role_key"], ())),
            groups=tuple(groups.get(row["role_key"], ())),
            responsibilities=tuple(duties.get(row["role_key"], ())),
        )
        for row in facts
    }


# The pair marts that hold a page section, one row per unordered pair (role_a_key first).
_PAIR_SECTION_MARTS = ("marts.rpt_pair_salaries", "marts.rpt_pair_education")
_PAIR_DUTIES_MART = "marts.rpt_pair_responsibilities"


def _asked(pairs: list[tuple[str, str]]) -> tuple[str, list[Any]]:
    """A clause that keeps the rows of these unordered pairs, and its parameters.

    One pair is two equalities, which DuckDB pushes into the role tables under the pair
    views (milliseconds at any size); many pairs are a join with the list of pairs.
    """
    ordered = [tuple(sorted(pair)) for pair in pairs]
    if len(ordered) == 1:
        return "where pairs.role_a_key = ? and pairs.role_b_key = ?", list(ordered[0])
    return (
        "inner join (select unnest(?::varchar[]) as role_a_key, "
        "unnest(?::varchar[]) as role_b_key) as asked "
        "on pairs.role_a_key = asked.role_a_key and pairs.role_b_key = asked.role_b_key",
        [[a for a, _ in ordered], [b for _, b in ordered]],
    )


def load_pair_sections(
    con: duckdb.DuckDBPyConnection, pairs: list[tuple[str, str]]
) -> dict[tuple[str, str], PairSections]:
    """The salary, education and duties sections of these pairs, keyed by (a, b) sorted."""
    clause, params = _asked(pairs)
    salary, education = (
        {
            (row["role_a_key"], row["role_b_key"]): row
            for row in records(con, f"select pairs.* from {mart} as pairs {clause}", params)
        }
        for mart in _PAIR_SECTION_MARTS
    )
    duties: dict[tuple[str, str], dict[str, list[str]]] = {}
    for a_key, b_key, role_key, text in con.execute(
        "select pairs.role_a_key, pairs.role_b_key, pairs.role_key, pairs.responsibility "
        f"from {_PAIR_DUTIES_MART} as pairs {clause} "
        "order by pairs.role_a_key, pairs.role_b_key, pairs.role_side, "
        "pairs.responsibility_rank",
        params,
    ).fetchall():
        duties.setdefault((a_key, b_key), {}).setdefault(role_key, []).append(text)
    return {
        key: PairSections(
            salary=row,
            education=education[key],
            responsibilities={role: tuple(items) for role, items in duties.get(key, {}).items()},
        )
        for key, row in salary.items()
    }


def load_pair(con: duckdb.DuckDBPyConnection, a_key: str, b_key: str) -> Pair:
    """The comparison of role ``a_key`` with role ``b_key``, in that order."""
    roles = load_roles(con, [a_key, b_key])
    (comparison,) = records(
        con,
        "select * from marts.rpt_role_comparisons where role_a_key = ? and role_b_key = ?",
        [a_key, b_key],
    )
    sections = load_pair_sections(con, [(a_key, b_key)])
    return Pair(roles[a_key], roles[b_key], comparison, sections[tuple(sorted((a_key, b_key)))])
