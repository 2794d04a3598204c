"""A comparison as JSON: both roles' facts, the differences and the page's sections.

Ids (every ``*_id``) are strings, so that JavaScript reads them exactly.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from jobcompare.report.occupations import OccupationPage, OccupationPair
from jobcompare.report.role_occupation import RoleOccupation, RoleOccupationPage
from jobcompare.report.roles import Pair, Role
from jobcompare.report.sections import PairPage


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _id(key, item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def _id(key: str, value: Any) -> Any:
    """``value`` ready for JSON; an integer id (``*_id``) as a string of its digits.

    The surrogate ids are 60-bit integers and JavaScript reads numbers as doubles, exact only
    up to 2^53: 419568722617803034 would come back as 419568722617803000.
    """
    if key.endswith("_id") and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _plain(value)


def _role(role: Role) -> dict[str, Any]:
    return {
        **role.facts,
        "skills": [dataclasses.asdict(skill) for skill in role.skills],
        "demographics": [dataclasses.asdict(group) for group in role.groups],
        "responsibilities": list(role.responsibilities),
    }


def render_json(page: PairPage, pair: Pair) -> str:
    """The comparison as an indented JSON document."""
    document = {
        "title": page.title,
        "role_a": _role(pair.a),
        "role_b": _role(pair.b),
        "comparison": pair.comparison,
        "page": dataclasses.asdict(page),
    }
    return json.dumps(_plain(document), indent=2, ensure_ascii=False) + "\n"


def render_occupation_json(page: OccupationPage, pair: OccupationPair) -> str:
    """An occupation comparison as an indented JSON document."""
    document = {
        "title": page.title,
        "occupation_a": pair.a.facts,
        "occupation_b": pair.b.facts,
        "pay_headcount_similarity": pair.pay_headcount_similarity,
        "comparison": pair.comparison,
        "page": dataclasses.asdict(page),
    }
    return json.dumps(_plain(document), indent=2, ensure_ascii=False) + "\n"


def render_role_occupation_json(page: RoleOccupationPage, pair: RoleOccupation) -> str:
    """A page role against an OEWS occupation as an indented JSON document; ``comparison``
    is the row of rpt_role_occupation_comparisons (differences page minus official)."""
    document = {
        "title": page.title,
        "order": ["role", "occupation"] if pair.role_first else ["occupation", "role"],
        "role": _role(pair.role),
        "occupation": pair.occupation.facts,
        "comparison": pair.comparison,
        "page": dataclasses.asdict(page),
    }
    return json.dumps(_plain(document), indent=2, ensure_ascii=False) + "\n"
