"""What each table row of a comparison page may hold: its section, format and plausible range.

The formats accept the text as pages write it; the ranges are the plausibility rules that
decide between readings of run-together cells (``Average age4440``) and reject values no
real page would print. Every value may also be ``-``, the pages' way of saying "unknown".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NULL = "-"

_MONEY = r"\$(?:[1-9]\d{0,2}(?:,\d{3})+|0|[1-9]\d*)(?:\.\d{1,2})?"
_SHARE = r"\d+(?:\.\d+)?%"
_GROUP = r"[A-Z][^,%]*"

FORMATS: dict[str, tuple[str, str]] = {
    # kind: (regular expression, example shown in errors)
    "money": (_MONEY, "$36,097 or $17.35"),
    "percent": (r"-?\d+(?:\.\d+)?%", "-4% or 6%"),
    "count": (r"[1-9]\d{0,2}(?:,\d{3})+|0|[1-9]\d*", "192,052"),
    "number": (r"(?:0|[1-9]\d*)(?:\.\d+)?", "40"),
    "degree_share": (rf"{_GROUP}, {_SHARE}", "Bachelor's Degree, 46%"),
    "salary_range": (rf"Between {_MONEY} And {_MONEY}", "Between $22,000 And $58,000"),
    "city": (r"[A-Z][^,]*, [A-Z]{2}", "Goldsboro, NC"),
    "text": (r"[^\s\-](?:.*[^\s\-])?", "Insurance"),
    "group_shares": (
        rf"{_GROUP}, {_SHARE}(?: {_GROUP}, {_SHARE})*",
        "Male, 32.1% Female, 67.9%",
    ),
}
_COMPILED = {kind: re.compile(pattern) for kind, (pattern, _) in FORMATS.items()}
_NUMBER_IN = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_SHARE_IN = re.compile(r"(\d+(?:\.\d+)?)%")


def non_ascii_digit(text: str) -> str | None:
    """The first digit in ``text`` that is not 0-9 (Arabic-Indic, fullwidth), or None.

    Python reads such digits as numbers but the warehouse does not, so they are refused at
    ingest rather than failing the build.
    """
    return next((char for char in text if char.isdigit() and not char.isascii()), None)


@dataclass(frozen=True)
class FieldSpec:
    """One row label of a comparison table."""

    label: str
    kind: str
    low: float | None = None
    high: float | None = None

    @property
    def rule(self) -> str:
        return "plausible-" + self.label.lower().replace(" ", "-")


SECTIONS: dict[str, tuple[FieldSpec, ...]] = {
    "overview": (
        FieldSpec("Yearly salary", "money", 1_000, 10_000_000),
        FieldSpec("Hourly rate", "money", 1, 5_000),
        FieldSpec("Growth rate", "percent", -100, 100),
        FieldSpec("Number of jobs", "count", 0, 1_000_000_000),
        FieldSpec("Job satisfaction", "number", 1, 5),
        FieldSpec("Most common degree", "degree_share", 0, 100),
        FieldSpec("Average age", "number", 16, 80),
        FieldSpec("Years of experience", "number", 0, 50),
    ),
    "salary": (
        FieldSpec("Average salary", "money", 1_000, 10_000_000),
        FieldSpec("Salary range", "salary_range", 1_000, 10_000_000),
        FieldSpec("Highest paying City", "city"),
        FieldSpec("Highest paying state", "text"),
        FieldSpec("Best paying company", "text"),
        FieldSpec("Best paying industry", "text"),
    ),
    "education": (
        FieldSpec("Most common degree", "degree_share", 0, 100),
        FieldSpec("Most common major", "text"),
        FieldSpec("Most common college", "text"),
    ),
    "demographics": (
        FieldSpec("Average age", "number", 16, 80),
        FieldSpec("Gender ratio", "group_shares", 0, 100),
        FieldSpec("Race ratio", "group_shares", 0, 100),
        FieldSpec("LGBT Percentage", "percent", 0, 100),
    ),
}

# A table's section is told by its first row, since some labels occur in two sections.
SECTION_BY_FIRST_LABEL = {fields[0].label.casefold(): name for name, fields in SECTIONS.items()}


def field_for(section: str, label: str) -> FieldSpec | None:
    """The spec of ``label`` (any case) in ``section``, or None when the section has no such row."""
    for spec in SECTIONS[section]:
        if spec.label.casefold() == label.strip().casefold():
            return spec
    return None


def problem_with(
    spec: FieldSpec, value: str, *, check_range: bool = True
) -> tuple[str, str] | None:
    """Why ``value`` cannot be this field's value, as (rule, message); None when it can."""
    if value == NULL:
        return None
    if digit := non_ascii_digit(value):
        return ("ascii-digits", f"{spec.label} {value!r} has the digit {digit!r}; write 0-9")
    _, example = FORMATS[spec.kind]
    if not _COMPILED[spec.kind].fullmatch(value):
        return (f"{spec.kind}-format", f"{spec.label} {value!r} is not written like {example}")
    if not check_range or spec.low is None or spec.high is None:
        return None
    if spec.kind in ("degree_share", "group_shares"):
        shares = [float(share) for share in _SHARE_IN.findall(value)]
        if any(share > 100 for share in shares):
            return ("share-at-most-100", f"{spec.label} {value!r} has a share over 100%")
        if spec.kind == "group_shares" and abs(sum(shares) - 100) > 0.5:
            return (
                "shares-sum-to-100",
                f"{spec.label} {value!r} shares add up to {sum(shares):g}%, not 100%",
            )
        return None
    numbers = [float(n.replace(",", "")) for n in _NUMBER_IN.findall(value)]
    for number in numbers:
        if not spec.low <= number <= spec.high:
            if spec.kind == "percent" and number > 100:
                return ("percent-at-most-100", f"{spec.label} {value!r} is over 100%")
            return (
                spec.rule,
                f"{spec.label} {value!r} is outside the plausible range "
                f"{spec.low:g} to {spec.high:g}",
            )
    if spec.kind == "salary_range" and numbers[0] > numbers[1]:
        return (
            "salary-range-ordered",
            f"{spec.label} {value!r} has its low end above its high end",
        )
    return None


def readings(
    spec: FieldSpec, run_together: str, *, check_range: bool = True
) -> list[tuple[str, str]]:
    """Every way to read ``run_together`` as two values of this field (both plausible, unless
    ``check_range`` is off and only the format counts)."""
    found = []
    for cut in range(1, len(run_together)):
        left, right = run_together[:cut], run_together[cut:]
        if spec.kind == "text" and not (right == NULL or right[0].isupper() or right[0].isdigit()):
            continue
        if all(problem_with(spec, v, check_range=check_range) is None for v in (left, right)):
            found.append((left, right))
    return found
