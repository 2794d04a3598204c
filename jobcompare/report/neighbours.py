"""Nearest neighbours in a pair fact: each end's K most similar others, ranked one way.

Role pairs and occupation pairs rank alike: every unordered pair is seen from both of
its ends, ranked per end by its similarity (highest first, unknown last, ties by the
other key), so that "the K most similar" means the same thing on every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from jobcompare.warehouse import records


@dataclass(frozen=True)
class PairFact:
    """A pair fact: a table (or a parenthesised query), its two key columns (a < b) and its
    similarity column."""

    table: str
    a: str
    b: str
    score: str


# fct_role_pairs names its roles by role_id; the pages rank and link them by key. Joined here
# rather than read from rpt_role_comparisons (orientation_sign = 1): the same rows, but the
# ranking of 5,000 roles' pairs took 22 s through the view against 16-20 s so.
ROLE_PAIRS_WITH_KEYS = """(
    select role_a.role_key as role_a_key, role_b.role_key as role_b_key, pairs.*
    from marts.fct_role_pairs as pairs
    inner join marts.dim_roles as role_a on pairs.role_a_id = role_a.role_id
    inner join marts.dim_roles as role_b on pairs.role_b_id = role_b.role_id
)"""
ROLE_PAIRS = PairFact(ROLE_PAIRS_WITH_KEYS, "role_a_key", "role_b_key", "skill_jaccard_index")
OCCUPATION_PAIRS = PairFact(
    "marts.fct_occupation_pairs",
    "occupation_a_code",
    "occupation_b_code",
    "pay_headcount_similarity",
)


def _ranked_ctes(fact: PairFact, extra: tuple[str, ...] = ()) -> str:
    """``oriented`` (each pair from both ends) and ``ranked`` (with similarity_rank).

    Only column names of the constants above reach this text; values go in as parameters.
    """
    more = "".join(f", {column}" for column in extra)
    return f"""
        oriented as (
            select pair_id, {fact.a} as node, {fact.b} as other, {fact.score} as score{more}
            from {fact.table}
            union all
            select pair_id, {fact.b}, {fact.a}, {fact.score}{more}
            from {fact.table}
        ),
        ranked as (
            select *, row_number() over (
                partition by node order by score desc nulls last, other
            ) as similarity_rank
            from oriented
        )"""


def nearest_pairs(
    con: duckdb.DuckDBPyConnection, fact: PairFact, k: int | None
) -> list[dict[str, Any]]:
    """The fact's rows, ordered by (a, b): all of them, or those among either end's K nearest."""
    if k is None:
        return records(con, f"select * from {fact.table} order by {fact.a}, {fact.b}")
    return records(
        con,
        f"""
        with {_ranked_ctes(fact)},
        chosen as (select distinct pair_id from ranked where similarity_rank <= ?)
        select pairs.*
        from {fact.table} as pairs
        inner join chosen on pairs.pair_id = chosen.pair_id
        order by pairs.{fact.a}, pairs.{fact.b}
        """,
        [k],
    )


def nearest(
    con: duckdb.DuckDBPyConnection,
    fact: PairFact,
    k: int,
    extra: tuple[str, ...] = (),
    positive_only: bool = False,
) -> dict[str, list[dict[str, Any]]]:
    """For every node, its K nearest others, best first: dicts of other, score and ``extra``.

    ``positive_only`` leaves out neighbours whose similarity is zero or unknown (roles that
    share no skill are not "similar"); ranks are taken before that, so they never change.
    """
    keep = "and score > 0" if positive_only else ""
    rows = records(
        con,
        f"""
        with {_ranked_ctes(fact, extra)}
        select * from ranked
        where similarity_rank <= ? {keep}
        order by node, similarity_rank
        """,
        [k],
    )
    found: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        found.setdefault(row["node"], []).append(row)
    return found
