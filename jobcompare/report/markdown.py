"""A comparison page as Markdown, laid out like the source pages."""

from __future__ import annotations

from jobcompare.report.sections import ItemList, PairPage, Table


def _escape(text: str) -> str:
    """Text from the data, safe in Markdown: no raw HTML, no table breaks."""
    return text.replace("<", "&lt;").replace(">", "&gt;")


def _cell(text: str) -> str:
    return _escape(text).replace("|", "\\|")


def _table(table: Table) -> list[str]:
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
    lines += _table(page.overview)
    for heading, text in page.descriptions:
        lines += [f"## {_escape(heading)}", "", _escape(text), ""]
    lines += _table(page.salary) + _table(page.education) + _table(page.demographics)
    lines += _lists(page.duties_heading, page.responsibilities)
    lines += _lists(page.skills_heading, page.skills)
    return "\n".join(lines).rstrip() + "\n"
