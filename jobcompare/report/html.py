"""Comparison and role pages as HTML, every text from the data escaped by Jinja."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from jobcompare.report import formatting as fmt
from jobcompare.report.charts import bar_chart, range_chart
from jobcompare.report.occupations import (
    OVERVIEW as OCCUPATION_OVERVIEW,
)
from jobcompare.report.occupations import (
    PERCENTILES,
    SOURCE,
    AreaWage,
    AreaWages,
    Occupation,
    OccupationPage,
    OccupationPair,
    OfficialOccupation,
    missing_notes,
)
from jobcompare.report.role_occupation import RoleOccupationPage
from jobcompare.report.roles import Pair, Role
from jobcompare.report.sections import (
    DEMOGRAPHICS,
    EDUCATION,
    OVERVIEW,
    SALARY,
    PairPage,
    role_rows,
    skill_item,
)

MAX_CHART_SKILLS = 12


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("jobcompare.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _groups(roles: list[Role], demographic: str) -> tuple[list[str], list[list[Decimal | None]]]:
    names: dict[str, str] = {}
    for role in roles:
        for group in role.groups:
            if group.demographic == demographic:
                names.setdefault(group.key, group.name)
    values = [
        [
            next(
                (g.share_pct for g in role.groups if (g.demographic, g.key) == (demographic, k)),
                None,
            )
            for k in names
        ]
        for role in roles
    ]
    return list(names.values()), values


def _skills(roles: list[Role]) -> tuple[list[str], list[list[Decimal | None]]]:
    names: dict[str, str] = {}
    for role in roles:
        for skill in role.skills:
            if skill.share_pct is not None and len(names) < MAX_CHART_SKILLS:
                names.setdefault(skill.key, skill.name)
    values = [
        [next((s.share_pct for s in role.skills if s.key == key), None) for key in names]
        for role in roles
    ]
    return list(names.values()), values


def charts(roles: list[Role]) -> dict[str, Markup | None]:
    """Salary range, gender, race and skill share charts for one or two roles."""
    found: dict[str, Markup | None] = {
        "salary": range_chart(
            "Salary range and average salary",
            [
                (
                    role.name,
                    role.fact("salary_range_low_usd"),
                    role.fact("average_salary_usd"),
                    role.fact("salary_range_high_usd"),
                )
                for role in roles
            ],
            axis_label="Yearly salary, USD",
            average_label="Average salary",
        )
    }
    for demographic, title, group in (
        ("gender", "Gender ratio", "Gender"),
        ("race", "Race ratio", "Race or ethnicity"),
    ):
        categories, values = _groups(roles, demographic)
        found[demographic] = bar_chart(
            title,
            categories,
            [(role.name, v) for role, v in zip(roles, values, strict=True)],
            maximum=Decimal(100),
            value_text=fmt.share,
            axis_label="Share of the role's workers, %",
            category_label=group,
        )
    categories, values = _skills(roles)
    found["skills"] = bar_chart(
        "Skill shares",
        categories,
        [(r.name, v) for r, v in zip(roles, values, strict=True)],
        axis_label="Share in the role's skill list, %",
        category_label="Skill",
    )
    return found


def render_pair_html(page: PairPage, pair: Pair, root: str = "") -> str:
    """The comparison page as a standalone HTML document."""
    jaccard = pair.comparison.get("skill_jaccard_index")
    return (
        _environment()
        .get_template("pair.html")
        .render(
            page=page,
            root=root,
            a_key=pair.a.key,
            b_key=pair.b.key,
            similarity=None if jaccard is None else f"{jaccard:.2f}",
            charts=charts([pair.a, pair.b]),
        )
    )


def render_role_html(
    role: Role,
    similar: list[dict[str, Any]],
    root: str = "",
    official: OfficialOccupation | None = None,
) -> str:
    """A role's page: its facts, charts, the roles most similar to it and, when the
    crosswalk maps it and the site has occupation pages, a link to its occupation's page."""
    tables = [
        ("Overview", role_rows(OVERVIEW, role)),
        ("Salary", role_rows(SALARY, role)),
        ("Education", role_rows(EDUCATION[1:], role)),
        ("Demographics", role_rows(DEMOGRAPHICS, role)),
    ]
    time = role.fact("time_to_become")
    tables[0][1].insert(0, ("Time to become", fmt.text(time)))
    return (
        _environment()
        .get_template("role.html")
        .render(
            role=role,
            root=root,
            tables=tables,
            skills=skill_item(role),
            similar=similar,
            charts=charts([role]),
            official=official
            and {
                "href": f"{root}occupations/{official.soc_code}.html",
                "name": f"{official.title} ({official.soc_code})",
                "official": fmt.money(official.official_annual_mean_usd),
                "page": fmt.money(official.page_yearly_salary_usd),
            },
        )
    )


def render_index_html(
    roles: list[dict[str, str]], occupations: list[dict[str, str]], pair_count: int
) -> str:
    template = _environment().get_template("index.html")
    return template.render(roles=roles, occupations=occupations, pair_count=pair_count, root="")


PERCENTILE_COLUMNS = (
    ("10th", "annual_p10_usd"),
    ("25th", "annual_p25_usd"),
    ("Median", "annual_median_usd"),
    ("75th", "annual_p75_usd"),
    ("90th", "annual_p90_usd"),
)


def occupation_charts(occupations: list[Occupation]) -> dict[str, Markup | None]:
    """The 10th-90th percentile wage range (median marked) and the percentile bars."""
    return {
        "range": range_chart(
            "Annual wage, 10th to 90th percentile",
            [
                (
                    o.title,
                    o.fact("annual_p10_usd"),
                    o.fact("annual_median_usd"),
                    o.fact("annual_p90_usd"),
                )
                for o in occupations
            ],
            axis_label="Annual wage, USD",
            average_label="Median",
        ),
        "percentiles": bar_chart(
            "Annual wage percentiles",
            [label for label, _ in PERCENTILE_COLUMNS],
            [(o.title, [o.fact(c) for _, c in PERCENTILE_COLUMNS]) for o in occupations],
            value_text=fmt.money,
            axis_label="Annual wage, USD",
            category_label="Percentile",
        ),
    }


def render_occupation_pair_html(page: OccupationPage, pair: OccupationPair, root: str = "") -> str:
    return (
        _environment()
        .get_template("occupation_pair.html")
        .render(
            page=page,
            root=root,
            a_code=pair.a.soc_code,
            b_code=pair.b.soc_code,
            charts=occupation_charts([pair.a, pair.b]),
        )
    )


# Four short columns, so that the table fits a 390 px phone; rows come best paid first, and
# the rank and the median are in the mart.
AREA_COLUMNS = ("Annual mean", "Hourly mean", "Jobs")


def _area_rows(wages: tuple[AreaWage, ...]) -> list[tuple[str, ...]]:
    return [
        (
            wage.area_name,
            fmt.money(wage.annual_mean_usd),
            fmt.money(wage.hourly_mean_usd, cents=True),
            fmt.count(wage.employment),
        )
        for wage in wages
    ]


def render_occupation_html(
    occupation: Occupation,
    similar: list[dict[str, Any]],
    root: str = "",
    area_wages: AreaWages | None = None,
    roles: list[OfficialOccupation] | None = None,
) -> str:
    """An occupation's page: national figures, wages by state and in the best paid metro
    areas, the page roles the crosswalk maps to it, and the occupations whose pay and
    headcount are most like its own."""
    areas = area_wages or AreaWages((), (), 0)
    tables = [
        ("Overview", [(label, value(occupation)) for label, value in OCCUPATION_OVERVIEW]),
        ("Wage percentiles", [(label, value(occupation)) for label, value in PERCENTILES]),
    ]
    return (
        _environment()
        .get_template("occupation.html")
        .render(
            occupation=occupation,
            root=root,
            tables=tables,
            notes=missing_notes(occupation),
            similar=similar,
            charts=occupation_charts([occupation]),
            source=SOURCE,
            area_columns=AREA_COLUMNS,
            states=_area_rows(areas.states),
            metros=_area_rows(areas.metros),
            metro_count=areas.metro_count,
            roles=[
                {"href": f"{root}roles/{role.role_key}.html", "name": role.role_name}
                for role in roles or []
            ],
        )
    )


def render_role_occupation_html(page: RoleOccupationPage) -> str:
    """A page role against an OEWS occupation as a standalone HTML document."""
    return _environment().get_template("role_occupation.html").render(page=page, root="")
