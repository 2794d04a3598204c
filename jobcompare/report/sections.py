"""The content of a comparison page, built from a Pair, before any output format."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from jobcompare.catalogue import PageFact, facts_in
from jobcompare.report import formatting as fmt
from jobcompare.report.prose import (
    lower_name,
    opening,
    plural,
    sentence_case,
    skills_sentences,
    with_article,
)
from jobcompare.report.prose import title as pair_title
from jobcompare.report.roles import Group, Pair, PairSide, Role

Row = tuple[str, str, str]
# What a section row reads a fact from: a role (dim_roles) or its side of a pair mart row.
Facts = Role | PairSide


@dataclass(frozen=True)
class Table:
    key: str
    heading: str
    intro: str
    columns: tuple[str, str]
    rows: list[Row]


@dataclass(frozen=True)
class ItemList:
    heading: str
    items: list[str]


@dataclass
class PairPage:
    title: str
    opening: str
    skills_sentence: str
    overview: Table
    descriptions: list[tuple[str, str]]
    salary: Table
    education: Table
    demographics: Table
    duties_heading: str
    responsibilities: list[ItemList] = field(default_factory=list)
    skills_heading: str = ""
    skills: list[ItemList] = field(default_factory=list)


def _ratio(groups: tuple[Group, ...], demographic: str) -> str:
    """'Male, 37.0% Female, 63.0%' from the role's groups; '-' when unknown."""
    parts = [f"{g.name}, {fmt.share(g.share_pct)}" for g in groups if g.demographic == demographic]
    return " ".join(parts) if parts else fmt.UNKNOWN


def _printed(fact: PageFact) -> Callable[[Facts], str]:
    """How a fact's row prints one role's value: the catalogue's ``report`` names a function
    of formatting.py given the fact's columns in order; a ratio of groups is printed from
    the role's groups (fct_role_demographics)."""
    if fact.report == "group_shares":
        demographic = fact.demographic or fact.name
        return lambda role: _ratio(role.groups, demographic)
    print_value = getattr(fmt, fact.report, None)
    if print_value is None:
        raise ValueError(f"page fact {fact.name!r}: no report format {fact.report!r}")
    columns = [column.name for column in fact.columns]
    return lambda facts: print_value(*(facts.fact(column) for column in columns))


def section_rows(section: str) -> tuple[tuple[str, Callable[[Facts], str]], ...]:
    """A page table's rows, (label, how a role's value prints), from the catalogue."""
    return tuple((fact.label, _printed(fact)) for fact in facts_in(section))


OVERVIEW = section_rows("overview")
SALARY = section_rows("salary")
EDUCATION = section_rows("education")
DEMOGRAPHICS = section_rows("demographics")


def _rows(rows: tuple, a: Facts, b: Facts) -> list[Row]:
    return [(label, value(a), value(b)) for label, value in rows]


def role_rows(rows: tuple, role: Facts) -> list[tuple[str, str]]:
    """The rows of one of the tables above for a single role."""
    return [(label, value(role)) for label, value in rows]


def skill_item(role: Role) -> list[str]:
    return [
        f"{skill.name}, {fmt.percent(skill.share_pct)}"
        if skill.share_pct is not None
        else sentence_case(skill.name)
        for skill in role.skills
    ]


def pair_page(pair: Pair) -> PairPage:
    """Every section of a comparison page: the overview from the two roles' facts, the
    salary, education and duties sections as the pair marts hold them."""
    a, b, sections = pair.a, pair.b, pair.sections
    a_name, b_name = lower_name(a.name), lower_name(b.name)
    title = pair_title(pair)
    columns = (a.name, b.name)
    return PairPage(
        title=title,
        opening=opening(pair),
        skills_sentence=skills_sentences(pair),
        overview=Table("overview", f"{title} overview", "", columns, _rows(OVERVIEW, a, b)),
        descriptions=[
            (f"What does {with_article(lower_name(role.name))} do?", role.fact("description"))
            for role in (a, b)
            if role.fact("description")
        ],
        salary=Table(
            "salary",
            f"{title} salary",
            sentence_case(
                f"{plural(a_name)} and {plural(b_name)} have different pay scales, as shown below."
            ),
            columns,
            _rows(SALARY, sections.side("salary", a.key), sections.side("salary", b.key)),
        ),
        education=Table(
            "education",
            f"Differences between {a_name} and {b_name} education",
            f"There are a few differences between {with_article(a_name)} and "
            f"{with_article(b_name)} in terms of educational background:",
            columns,
            _rows(EDUCATION, sections.side("education", a.key), sections.side("education", b.key)),
        ),
        demographics=Table(
            "demographics",
            f"{title} demographics",
            f"Here are the differences between {plural(a_name)}' and {plural(b_name)}' "
            "demographics:",
            columns,
            _rows(DEMOGRAPHICS, a, b),
        ),
        duties_heading=f"Differences between {a_name} and {b_name} duties and responsibilities",
        responsibilities=[
            ItemList(
                f"{sentence_case(lower_name(role.name))} example responsibilities.",
                list(sections.responsibilities[role.key]),
            )
            for role in (a, b)
            if sections.responsibilities.get(role.key)
        ],
        skills_heading=f"{title} skills",
        skills=[
            ItemList(f"Common {lower_name(role.name)} skills", skill_item(role))
            for role in (a, b)
            if role.skills
        ],
    )
