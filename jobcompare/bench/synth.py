"""Synthetic comparison data, written exactly as ingestion writes the raw seed CSVs.

Role i is drawn from its own random stream (seed and i), and page p compares roles p and
p + 1, so the data for N roles is the data for fewer roles plus more: adding roles adds
pages and never changes what earlier roles say. Every role appears on up to two pages,
which state the same facts, so the cross-page merge is exercised without conflicts.
Distributions are plausible: the salary range brackets the average, hourly = yearly / 2080,
gender and race shares sum to 100, and skills come from a shared vocabulary of a few
hundred skills with a skewed popularity, so that roles overlap.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from pathlib import Path

from jobcompare.bench import vocabulary as words
from jobcompare.catalogue import TABLE_SECTIONS, facts_in
from jobcompare.ingest.seeds import SEED_COLUMNS, Row, write_seeds


def _role_names(seed: int) -> list[str]:
    """Every name the words make, shuffled, then each again with " II" (grade two) in the same
    order: more roles than the words make (18,000) only add names, so the first 18,000 roles
    are the same at every size."""
    names = [
        " ".join(part for part in (seniority, domain, function) if part)
        for seniority, domain, function in itertools.product(
            words.SENIORITY, words.DOMAINS, words.FUNCTIONS
        )
    ]
    random.Random(f"names:{seed}").shuffle(names)
    return names + [f"{name} II" for name in names]


def _skills_vocabulary(seed: int) -> list[str]:
    skills = [f"{p} {n}" for p, n in itertools.product(words.SKILL_PREFIXES, words.SKILL_NOUNS)]
    random.Random(f"skills:{seed}").shuffle(skills)
    return skills[:400]


# Skill popularity falls off like a power law: the most popular skill is in about a third
# of all roles, the least popular in a few per thousand.
SKILL_WEIGHTS = list(itertools.accumulate((rank + 5) ** -1.1 for rank in range(400)))


MAX_ROLES = 2 * len(words.SENIORITY) * len(words.DOMAINS) * len(words.FUNCTIONS)


@dataclass(frozen=True)
class SynthRole:
    name: str
    facts: dict[str, str]  # row label -> value as a page writes it
    duration: str
    description: str
    skills: list[tuple[str, int]]
    duties: list[str]


def _money(value: float) -> str:
    return f"${value:,.0f}"


def _tenths(rng: random.Random, parts: int) -> list[int]:
    """``parts`` shares in tenths of a percent that add up to exactly 1000."""
    weights = [rng.random() ** 2 + 0.01 for _ in range(parts)]
    total = sum(weights)
    tenths = [int(w / total * 1000) for w in weights]
    tenths[tenths.index(max(tenths))] += 1000 - sum(tenths)
    return tenths


def _role(seed: int, index: int, name: str, skills: list[str]) -> SynthRole:
    rng = random.Random(f"role:{seed}:{index}")
    yearly = round(rng.lognormvariate(10.8, 0.35))
    yearly = min(max(yearly, 18_000), 400_000)
    low = int(yearly * rng.uniform(0.5, 0.75)) // 1000 * 1000
    high = -(-int(yearly * rng.uniform(1.3, 1.8)) // 1000) * 1000
    degree = f"{rng.choice(words.DEGREES)}, {rng.randint(20, 70)}%"
    age = str(rng.randint(24, 56))
    male = rng.randint(150, 850)
    race = _tenths(rng, len(words.RACE_GROUPS))
    city, state_code = rng.choice(words.CITIES)
    facts = {
        "Yearly salary": _money(yearly),
        "Hourly rate": f"${yearly / 2080:,.2f}",
        "Growth rate": f"{rng.randint(-10, 15)}%",
        "Number of jobs": f"{round(rng.lognormvariate(11, 1.2)):,}",
        "Job satisfaction": "-" if rng.random() < 0.2 else str(rng.randint(1, 5)),
        "Most common degree": degree,
        "Average age": age,
        "Years of experience": str(rng.randint(1, 20)),
        "Average salary": _money(yearly),
        "Salary range": f"Between {_money(low)} And {_money(high)}",
        "Highest paying City": f"{city}, {state_code}",
        "Highest paying state": rng.choice(words.STATES),
        "Best paying company": rng.choice(words.COMPANIES),
        "Best paying industry": rng.choice(words.INDUSTRIES),
        "Most common major": rng.choice(words.MAJORS),
        "Most common college": "-" if rng.random() < 0.4 else rng.choice(words.COLLEGES),
        "Gender ratio": f"Male, {male / 10:.1f}% Female, {(1000 - male) / 10:.1f}%",
        "Race ratio": " ".join(
            f"{group}, {share / 10:.1f}%"
            for group, share in zip(words.RACE_GROUPS, race, strict=True)
        ),
        "LGBT Percentage": f"{rng.randint(2, 15)}%",
    }
    # Popular skills are drawn more often (see SKILL_WEIGHTS), so roles share skills.
    count = rng.randint(6, 12)
    chosen: list[str] = []
    while len(chosen) < count:
        (skill,) = rng.choices(skills, cum_weights=SKILL_WEIGHTS)
        if skill not in chosen:
            chosen.append(skill)
    shares = sorted((rng.randint(1, 30) for _ in chosen), reverse=True)
    shares[0] += rng.randint(0, 35)
    plural = name.lower() + "s"
    return SynthRole(
        name=name,
        facts=facts,
        duration=rng.choice(words.DURATIONS),
        description=(
            f"{plural[:1].upper()}{plural[1:]} are responsible for "
            f"{chosen[0].lower()} and {chosen[1].lower()}. They work with teams across "
            f"the {rng.choice(words.INDUSTRIES).lower()} industry."
        ),
        skills=list(zip(chosen, shares, strict=True)),
        duties=[
            f"{rng.choice(words.DUTY_VERBS)} {skill.lower()} for the team."
            for skill in chosen[: rng.randint(3, 6)]
        ],
    )


# Each raw table's row labels, from the catalogue of page facts. A fact this generator
# draws no value for (one added to the catalogue later) is written as unknown, "-".
SECTIONS = {
    f"raw_{section}": tuple(fact.label for fact in facts_in(section)) for section in TABLE_SECTIONS
}


def _page_rows(page_id: str, roles: tuple[SynthRole, SynthRole]) -> dict[str, list[Row]]:
    tables: dict[str, list[Row]] = {name: [] for name in SEED_COLUMNS}
    a, b = roles
    tables["raw_pages"].append(
        (page_id, f"{page_id}.txt", "pipe_table", f"{a.name.lower()} vs {b.name.lower()}",
         "1", a.name, b.name, "4")
    )  # fmt: skip
    line = 4
    for seed_name, labels in SECTIONS.items():
        for label in labels:
            line += 1
            for position, role in enumerate(roles, start=1):
                tables[seed_name].append(
                    (page_id, str(line), str(position), role.name, label,
                     role.facts.get(label, "-"), "cell")
                )  # fmt: skip
        line += 2
    for position, role in enumerate(roles, start=1):
        key = (page_id, "2", str(position), role.name)
        tables["raw_times_to_become"].append((*key, role.duration))
        tables["raw_top_skills"] += [
            (page_id, "3", str(position), role.name, str(rank), skill.lower())
            for rank, (skill, _) in enumerate(role.skills[:3], start=1)
        ]
        line += 1
        tables["raw_descriptions"].append((page_id, str(line), str(position), role.name,
                                           role.description))  # fmt: skip
        for rank, (skill, share) in enumerate(role.skills, start=1):
            line += 1
            tables["raw_skills"].append(
                (page_id, str(line), str(position), role.name, str(rank), f"{skill}, {share}%")
            )
        for rank, duty in enumerate(role.duties, start=1):
            line += 1
            tables["raw_responsibilities"].append(
                (page_id, str(line), str(position), role.name, str(rank), duty)
            )
    return tables


def synthesize(roles: int, seed: int) -> dict[str, list[Row]]:
    """The raw tables for ``roles`` synthetic roles (deterministic for a seed)."""
    if not 2 <= roles <= MAX_ROLES:
        raise ValueError(f"--roles must be between 2 and {MAX_ROLES}")
    names = _role_names(seed)[:roles]
    skills = _skills_vocabulary(seed)
    people = [_role(seed, index, name, skills) for index, name in enumerate(names)]
    tables: dict[str, list[Row]] = {name: [] for name in SEED_COLUMNS}
    for page in range(roles - 1):
        page_id = f"synthetic-{page:05d}"
        for name, rows in _page_rows(page_id, (people[page], people[page + 1])).items():
            tables[name].extend(rows)
    return tables


def write_synthetic(roles: int, seed: int, out: Path) -> list[Path]:
    """Write the raw CSVs for ``roles`` synthetic roles into ``out``."""
    return write_seeds(out, synthesize(roles, seed))
