"""The catalogue of page facts, as Python reads it.

Every scalar fact a comparison page states about a role ("Yearly salary", "Growth rate",
"Time to become" ...) is declared once, under ``vars: page_facts:`` in ``dbt_project.yml``:
its label and section on the page, its kind, plausible range, typed warehouse columns and
what pairs compare. The dbt models read it with ``var('page_facts')``; ingestion's field
list (``jobcompare.ingest.fields``) and the report's section tables read it from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

PROJECT_FILE = Path(__file__).resolve().parents[1] / "dbt_project.yml"

# The page tables, in the order a page has them; each has its raw seed and staging model.
# Facts outside them (section "prose") are read from the page's sentences.
TABLE_SECTIONS = ("overview", "salary", "education", "demographics")


@dataclass(frozen=True)
class FactColumn:
    """One typed warehouse column of a fact (dim_roles), and what pairs take of it."""

    name: str
    value: str
    unit: str | None = None
    parse: str | None = None
    compared: int | None = None
    difference: str | None = None
    ratio: str | None = None
    higher_role: str | None = None
    same: str | None = None


@dataclass(frozen=True)
class PageFact:
    """One fact a page states about a role."""

    name: str
    label: str
    sections: tuple[str, ...]
    kind: str
    columns: tuple[FactColumn, ...]
    report: str
    low: float | None = None
    high: float | None = None
    demographic: str | None = None

    @property
    def rule(self) -> str:
        """The ingest rule that names this fact's plausible range (``plausible-yearly-salary``)."""
        return "plausible-" + self.label.lower().replace(" ", "-")


def _fact(entry: dict[str, Any]) -> PageFact:
    return PageFact(
        **{
            **entry,
            "sections": tuple(entry["sections"]),
            "columns": tuple(FactColumn(**column) for column in entry["columns"]),
        }
    )


@cache
def page_facts(project_file: Path = PROJECT_FILE) -> tuple[PageFact, ...]:
    """Every fact of the catalogue, in its order (the order of a role's profile columns)."""
    with project_file.open(encoding="utf-8") as handle:
        project = yaml.safe_load(handle)
    return tuple(_fact(entry) for entry in project["vars"]["page_facts"])


def facts_in(section: str) -> tuple[PageFact, ...]:
    """The facts of one page table (``overview``, ``salary`` ...), in the table's row order."""
    return tuple(fact for fact in page_facts() if section in fact.sections)


def fact_named(name: str) -> PageFact:
    """The fact called ``name`` (``yearly_salary``)."""
    for fact in page_facts():
        if fact.name == name:
            return fact
    raise KeyError(f"no page fact {name!r} in the catalogue ({PROJECT_FILE})")
