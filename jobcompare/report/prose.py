"""Sentences about roles that read naturally in either order and for equal values."""

from __future__ import annotations

from jobcompare.report import formatting as fmt
from jobcompare.report.roles import Pair, Role


def lower_name(name: str) -> str:
    """A role's name inside a sentence: lower case, but acronyms stay ('IT manager')."""
    return " ".join(
        word if word.isupper() and len(word) > 1 else word.lower() for word in name.split()
    )


def plural(name: str) -> str:
    """'customer service managers', 'bakery secretaries', 'sales clerks', 'coaches'."""
    head, _, last = name.rpartition(" ")
    if last.endswith("y") and last[-2:-1] not in set("aeiou"):
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}".strip()


def with_article(name: str) -> str:
    """'a customer service manager', 'an IT manager', 'an engineer'."""
    first = name[:1].lower()
    article = "an" if first in "aeiou" or (name[:2].isupper() and first in "fhlmnrsx") else "a"
    return f"{article} {name}"


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def title(pair: Pair) -> str:
    """'Customer service manager vs lead customer service representative'."""
    return sentence_case(f"{lower_name(pair.a.name)} vs {lower_name(pair.b.name)}")


def listing(items: list[str], oxford: bool = False) -> str:
    """'a, b and c' (or 'a, b, and c')."""
    if len(items) <= 1:
        return "".join(items)
    comma = "," if oxford and len(items) > 2 else ""
    return f"{', '.join(items[:-1])}{comma} and {items[-1]}"


def _time_sentence(a: Role, b: Role) -> str:
    a_name, b_name = lower_name(a.name), lower_name(b.name)
    a_time, b_time = a.fact("time_to_become"), b.fact("time_to_become")
    if (
        a_time
        and b_time
        and (
            (a.fact("time_to_become_min_months"), a.fact("time_to_become_max_months"))
            == (b.fact("time_to_become_min_months"), b.fact("time_to_become_max_months"))
        )
    ):
        return (
            f"It typically takes {a_time} to become both {with_article(a_name)} "
            f"and {with_article(b_name)}."
        )
    if a_time and b_time:
        return (
            f"While it typically takes {a_time} to become {with_article(a_name)}, "
            f"becoming {with_article(b_name)} usually requires {b_time}."
        )
    known, unknown = (a, b) if a_time else (b, a)
    if not known.fact("time_to_become"):
        return "How long it takes to become either role is not known."
    return (
        f"It typically takes {known.fact('time_to_become')} to become "
        f"{with_article(lower_name(known.name))}; how long it takes to become "
        f"{with_article(lower_name(unknown.name))} is not known."
    )


def _pay_sentence(pair: Pair) -> str:
    """Which role pays more and by how much, as the pair mart computes it (a minus b)."""
    a, b = pair.a, pair.b
    a_name, b_name = lower_name(a.name), lower_name(b.name)
    a_pay, b_pay = a.fact("yearly_salary_usd"), b.fact("yearly_salary_usd")
    if a_pay is None or b_pay is None:
        known = a if a_pay is not None else b if b_pay is not None else None
        if known is None:
            return "Neither role's average salary is known."
        return (
            f"Additionally, {with_article(lower_name(known.name))} has an average salary of "
            f"{fmt.money(known.fact('yearly_salary_usd'))}; the other role's is not known."
        )
    gap, ratio = pair.comparison["yearly_salary_diff_usd"], pair.comparison["yearly_salary_ratio"]
    if gap == 0:
        return (
            f"Additionally, {with_article(a_name)} and {with_article(b_name)} have the same "
            f"average salary, {fmt.money(a_pay)} a year."
        )
    direction = "higher" if gap > 0 else "lower"
    relative = "" if ratio is None else f" ({abs(ratio - 1) * 100:.1f}%)"
    return (
        f"Additionally, {with_article(a_name)} has an average salary of {fmt.money(a_pay)}, "
        f"which is {fmt.money(abs(gap))}{relative} {direction} than the "
        f"{fmt.money(b_pay)} average annual salary of {with_article(b_name)}."
    )


def opening(pair: Pair) -> str:
    """The opening paragraph: time to become each role, and which pays more by how much."""
    a_name, b_name = lower_name(pair.a.name), lower_name(pair.b.name)
    return " ".join(
        [
            f"The differences between {plural(a_name)} and {plural(b_name)} can be seen in a "
            "few details. Each job has different responsibilities and duties.",
            _time_sentence(pair.a, pair.b),
            _pay_sentence(pair),
        ]
    )


def top_skills(role: Role) -> list[str]:
    """The role's three top skills, as the prose names them (else its three first skills)."""
    named = [role.fact(f"top_skill_{rank}") for rank in (1, 2, 3)]
    if any(named):
        return [skill for skill in named if skill]
    return [skill.name.lower() for skill in role.skills[:3]]


def skills_sentences(pair: Pair) -> str:
    """'The top three skills for a ... include ...; the most important skills for a ... are ...'"""
    parts = []
    for role, template in (
        (pair.a, "The top three skills for {role} include {skills}."),
        (pair.b, "The most important skills for {role} are {skills}."),
    ):
        skills = top_skills(role)
        if skills:
            parts.append(
                template.format(
                    role=with_article(lower_name(role.name)),
                    skills=listing(skills, oxford=role is pair.b),
                )
            )
    return " ".join(parts)
