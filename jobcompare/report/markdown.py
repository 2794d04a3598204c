"""A comparison page as Markdown, laid out like the source pages."""

from __future__ import annotations

from jobcompare.report.occupations import OccupationPage
from jobcompare.report.role_occupation import DifferenceTable, RoleOccupationPage
from jobcompare.report.sections import ItemList, PairPage, Table


def _escape(text: str) -> str:
    """Text from the data, safe in Markdown: no raw HTML, no table breaks."""
    return text.replace("<", "&lt;").replace(">", "&gt;")


def _cell(text: str) -> str:
    return _escape(text).replace("|", "\\|")


def table_lines(table: Table) -> list[str]:
    """A comparison table as Markdown lines, with its heading and introduction."""
    lines = [f"## {_escape(table.heading)}", ""]
    if table.intro:
        lines += [_escape(table.intro), ""]
    lines += [
        f"| | {_cell(table.columns[0])} | {_cell(table.columns[1])} |",
        "| --- | --- | --- |",
    ]
    lines += [f"| {_cell(label)} | {_cell(a)} | {_cell(b)} |" for label, a, b in table.rows]
    return [*lines, ""]


def _lists(heading: str, lists: list[ItemList]) -> list[str]:
    if not lists:
        return []
    lines = [f"## {_escape(heading)}", ""]
    for item_list in lists:
        lines += [f"### {_escape(item_list.heading)}", ""]
        lines += [f"- {_escape(item)}" for item in item_list.items]
        lines.append("")
    return lines


def render_markdown(page: PairPage) -> str:
    """The page as Markdown text."""
    lines = [f"# {_escape(page.title)}", "", _escape(page.opening), ""]
    if page.skills_sentence:
        lines += [_escape(page.skills_sentence), ""]
    lines += table_lines(page.overview)
    for heading, text in page.descriptions:
        lines += [f"## {_escape(heading)}", "", _escape(text), ""]
    lines += table_lines(page.salary) + table_lines(page.education)
    lines += table_lines(page.demographics)
    lines += _lists(page.duties_heading, page.responsibilities)
    lines += _lists(page.skills_heading, page.skills)
    return "\n".join(lines).rstrip() + "\n"


def render_occupation_markdown(page: OccupationPage) -> str:
    """An occupation comparison as Markdown text."""
    lines = [f"# {_escape(page.title)}", "", _escape(page.opening), ""]
    lines += table_lines(page.overview) + table_lines(page.percentiles)
    if page.notes:
        lines += ["## Notes", "", *(f"- {_escape(note)}" for note in page.notes), ""]
    lines += [f"Source: {page.source}.", ""]
    return "\n".join(lines).rstrip() + "\n"


def _difference_lines(table: DifferenceTable) -> list[str]:
    lines = [f"## {_escape(table.heading)}", "", _escape(table.intro), ""]
    lines += ["| | " + " | ".join(_cell(c) for c in table.columns) + " |", "| --- " * 4 + "|"]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in table.rows]
    return [*lines, ""]


def render_role_occupation_markdown(page: RoleOccupationPage) -> str:
    """A page role against an OEWS occupation as Markdown text."""
    lines = [f"# {_escape(page.title)}", "", _escape(page.opening), "", _escape(page.crosswalk)]
    lines += ["", *_difference_lines(page.figures)]
    if page.notes:
        lines += ["## Notes", "", *(f"- {_escape(note)}" for note in page.notes), ""]
    lines += [_escape(page.sources), ""]
    return "\n".join(lines).rstrip() + "\n"
