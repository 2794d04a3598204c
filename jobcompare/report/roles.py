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
class Pair:
    """Two roles in the order asked for, and their comparison (role a minus role b)."""

    a: Role
    b: Role
    comparison: dict[str, Any]


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


def load_pair(con: duckdb.DuckDBPyConnection, a_key: str, b_key: str) -> Pair:
    """The comparison of role ``a_key`` with role ``b_key``, in that order."""
    roles = load_roles(con, [a_key, b_key])
    (comparison,) = records(
        con,
        "select * from marts.rpt_role_comparisons where role_a_key = ? and role_b_key = ?",
        [a_key, b_key],
    )
    return Pair(roles[a_key], roles[b_key], comparison)
