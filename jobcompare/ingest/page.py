"""The parsed content of one comparison page, before cross-page resolution."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jobcompare.catalogue import PageFact


@dataclass
class TableRow:
    """One row of a comparison table: a label and one value per role.

    ``readings`` holds every plausible (role 1, role 2) reading of the row; a row read from
    separate cells has exactly one. ``how`` records how the reading was settled.
    """

    section: str
    spec: PageFact
    label: str
    line: int
    readings: list[tuple[str, str]]
    how: str

    @property
    def settled(self) -> bool:
        return len(self.readings) == 1


@dataclass
class RoleText:
    """A piece of prose or a list item that belongs to one role of the page."""

    position: int
    line: int
    text: str
    rank: int = 0


@dataclass
class ParsedPage:
    page_id: str
    path: Path
    layout: str
    title: str
    title_line: int
    roles: tuple[str, str]
    header_line: int
    rows: list[TableRow] = field(default_factory=list)
    durations: list[RoleText] = field(default_factory=list)
    descriptions: list[RoleText] = field(default_factory=list)
    top_skills: list[RoleText] = field(default_factory=list)
    skills: list[RoleText] = field(default_factory=list)
    responsibilities: list[RoleText] = field(default_factory=list)
