"""Every reader of the marts outside dbt is an exposure that lists exactly what it reads.

The Python source is read, not run: each exposure names its entry points
(``meta.python_entry_points``); from there every function, class and module constant of
jobcompare/ that is used is followed, and every string that names ``marts.<name>`` is a
read of that mart. A function that reads a mart and that no exposure reaches fails the
test, so a new reader cannot go undeclared.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from support import REPO

from jobcompare.publish import parquet

PACKAGE = REPO / "jobcompare"
MART_READ = re.compile(r"\bmarts\.\"?([a-z_][a-z0-9_]*)", re.IGNORECASE)
DYNAMIC_READ = re.compile(r"\bmarts\.\"?$", re.IGNORECASE)

Symbol = tuple[str, str]  # (module, top-level name)


@dataclass
class Module:
    name: str
    path: Path
    symbols: dict[str, ast.AST] = field(default_factory=dict)
    aliases: dict[str, tuple[str, str | None]] = field(default_factory=dict)


def _strip_docstrings(tree: ast.AST) -> None:
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            body[0] = ast.Pass()


def load_package() -> dict[str, Module]:
    """Every module of jobcompare/: its top-level symbols and what its imports name."""
    modules: dict[str, Module] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        _strip_docstrings(tree)
        module = Module(name, path)
        for node in tree.body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                module.symbols[node.name] = node
            elif isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        module.symbols[target.id] = node
        modules[name] = module
    for module in modules.values():
        tree = ast.parse(module.path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("jobcompare"):
                for alias in node.names:
                    local = alias.asname or alias.name
                    submodule = f"{node.module}.{alias.name}"
                    module.aliases[local] = (
                        (submodule, None) if submodule in modules else (node.module, alias.name)
                    )
    return modules


def _references(modules: dict[str, Module], module: Module, node: ast.AST) -> Iterator[Symbol]:
    for child in ast.walk(node):
        if isinstance(child, ast.Name):
            if child.id in module.symbols:
                yield module.name, child.id
            elif child.id in module.aliases:
                target, name = module.aliases[child.id]
                if name is not None:
                    yield target, name
        elif isinstance(child, ast.Attribute) and isinstance(child.value, ast.Name):
            target, name = module.aliases.get(child.value.id, ("", ""))
            if name is None and child.attr in modules[target].symbols:
                yield target, child.attr


def _reads(node: ast.AST) -> tuple[set[str], bool]:
    """The marts a symbol's own code names, and whether it names one at run time."""
    names: set[str] = set()
    dynamic = False
    for child in ast.walk(node):
        if isinstance(child, ast.Constant) and isinstance(child.value, str):
            names |= {m.lower() for m in MART_READ.findall(child.value)}
        if isinstance(child, ast.JoinedStr):
            for before, after in zip(child.values, child.values[1:], strict=False):
                if (
                    isinstance(before, ast.Constant)
                    and isinstance(after, ast.FormattedValue)
                    and DYNAMIC_READ.search(str(before.value))
                ):
                    dynamic = True
    return names, dynamic


@dataclass(frozen=True)
class Reach:
    symbols: frozenset[Symbol]
    marts: frozenset[str]
    dynamic: frozenset[Symbol]


def reach(modules: dict[str, Module], entry_points: list[str]) -> Reach:
    """Everything the entry points use inside jobcompare/, and the marts it reads."""
    seen: set[Symbol] = set()
    todo: list[Symbol] = []
    for entry in entry_points:
        module, _, name = entry.partition(":")
        assert module in modules and name in modules[module].symbols, f"{entry} not found"
        todo.append((module, name))
    marts: set[str] = set()
    dynamic: set[Symbol] = set()
    while todo:
        symbol = todo.pop()
        if symbol in seen or symbol[1] not in modules[symbol[0]].symbols:
            continue
        seen.add(symbol)
        module = modules[symbol[0]]
        node = module.symbols[symbol[1]]
        names, is_dynamic = _reads(node)
        marts |= names
        if is_dynamic:
            dynamic.add(symbol)
        todo.extend(_references(modules, module, node))
    return Reach(frozenset(seen), frozenset(marts), frozenset(dynamic))


def mismatches(
    package: dict[str, Module], exposures: dict[str, dict], marts: dict[str, dict]
) -> list[str]:
    """Each exposure whose depends_on is not exactly the marts its code reads."""
    found_wrong = []
    for name, exposure in exposures.items():
        declared = {ref["name"] for ref in exposure["refs"]}
        found = reach(package, exposure["meta"]["python_entry_points"])
        read = set(found.marts)
        if found.dynamic:
            # A name chosen at run time (the Parquet export lists the schema's marts): the
            # exposure must say so, and then list every mart but those it names as skipped.
            skipped = exposure["meta"].get("reads_every_mart_except")
            if skipped is None:
                found_wrong.append(f"{name}: names marts at run time in {sorted(found.dynamic)}")
            read |= set(marts) - set(skipped or [])
        if declared != read:
            found_wrong.append(
                f"{name}: depends_on lists {sorted(declared)}, its code reads {sorted(read)}"
            )
    return found_wrong


def readers(package: dict[str, Module]) -> dict[Symbol, set[str]]:
    """Every function, class or constant of jobcompare/ whose own code names a mart."""
    found = {}
    for module in package.values():
        for name, node in module.symbols.items():
            names, dynamic = _reads(node)
            if names or dynamic:
                found[(module.name, name)] = names
    return found


def unreached(package: dict[str, Module], exposures: dict[str, dict]) -> list[str]:
    """The readers of marts that no exposure's entry points reach."""
    reached: set[Symbol] = set()
    for exposure in exposures.values():
        reached |= reach(package, exposure["meta"]["python_entry_points"]).symbols
    return sorted(f"{m}:{n}" for (m, n) in readers(package) if (m, n) not in reached)


@pytest.fixture(scope="module")
def package() -> dict[str, Module]:
    return load_package()


@pytest.fixture(scope="module")
def exposures(lint_manifest: dict) -> dict[str, dict]:
    return {e["name"]: e for e in lint_manifest["exposures"].values()}


@pytest.fixture(scope="module")
def marts(lint_manifest: dict) -> dict[str, dict]:
    return {
        node["name"]: node
        for node in lint_manifest["nodes"].values()
        if node["resource_type"] == "model" and node["fqn"][1] == "marts"
    }


def test_the_readers_are_declared(exposures):
    assert set(exposures) == {
        "comparison_report",
        "static_site",
        "oews_occupation_pages",
        "parquet_export",
        "spark_export",
        "benchmark",
        "superset",
    }
    for exposure in exposures.values():
        assert exposure["description"].strip(), exposure["name"]
        assert exposure["owner"]["email"], exposure["name"]
        assert exposure["meta"]["python_entry_points"], exposure["name"]


def test_each_exposure_depends_on_exactly_the_marts_its_code_reads(package, exposures, marts):
    assert mismatches(package, exposures, marts) == []


def test_the_parquet_exposure_skips_the_marts_the_export_skips(exposures):
    skipped = exposures["parquet_export"]["meta"]["reads_every_mart_except"]
    assert sorted(skipped) == sorted(parquet.NOT_EXPORTED)


def test_every_reader_of_a_mart_is_reached_by_an_exposure(package, exposures, marts):
    found = readers(package)
    assert ("jobcompare.report.roles", "load_roles") in found  # the scan does find readers
    assert unreached(package, exposures) == []
    read = set().union(*found.values())
    assert read <= set(marts), f"Python names marts that do not exist: {sorted(read - set(marts))}"


def test_a_new_reader_without_an_exposure_fails(tmp_path, package, exposures):
    source = (
        "def count_pairs(con):\n"
        "    return con.execute('select count(*) from marts.fct_role_pairs').fetchone()\n"
    )
    module = Module("jobcompare.example", tmp_path / "example.py")
    module.symbols = {n.name: n for n in ast.parse(source).body}
    assert unreached({**package, module.name: module}, exposures) == [
        "jobcompare.example:count_pairs"
    ]


def test_a_mart_read_but_not_listed_fails(package, exposures, marts):
    report = exposures["comparison_report"]
    trimmed = {**report, "refs": [r for r in report["refs"] if r["name"] != "dim_occupations"]}
    assert mismatches(package, {"comparison_report": trimmed}, marts) == [
        "comparison_report: depends_on lists "
        + str(sorted({r["name"] for r in trimmed["refs"]}))
        + ", its code reads "
        + str(sorted({r["name"] for r in report["refs"]}))
    ]
