"""The dbt-project-evaluator's rules, checked over this project's manifest.

dbt-project-evaluator is not installable here, so its DAG rules are checked in Python over
``manifest.json`` from ``dbt parse --target lint`` (an in-memory DuckDB: checking never
opens or locks the warehouse file). Run ``python -m jobcompare.governance``: it prints one
line per finding, ``<rule>: <model>: <what to do>``, and exits 1 when there is any.

A rule broken on purpose is written down in ``tests/governance/exceptions.yml``, one entry
per case with its reason; an entry that no longer matches a finding is a finding itself,
so exceptions cannot go stale. Key columns that keep their source's name and type are
listed in ``tests/governance/key_exceptions.yml``.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from jobcompare.dbt_process import DBT, dbt_env, read_json
from jobcompare.project import project_dir

EXCEPTIONS = Path("tests/governance/exceptions.yml")
KEY_EXCEPTIONS = Path("tests/governance/key_exceptions.yml")
TARGET = Path("target/governance")

LAYERS = ("staging", "intermediate", "marts")
MART_PREFIXES = ("dim_", "fct_", "rpt_")
FANOUT_LEAVES = 3  # a model with this many leaf children or more is flagged
VIEW_CHAIN = 5  # a chain of more views than this is flagged
KEY_TYPES = {"_id": ("bigint",), "_key": ("varchar", "text", "string")}
# A relation named by schema outside ref() or source(): ``from marts.dim_roles``.
HARD_CODED = re.compile(
    r"\b(?:from|join)\s+(?:\"?\w+\"?\s*\.\s*)?\"?(raw|staging|intermediate|marts)\"?\s*\.\s*\"?(\w+)",
    re.IGNORECASE,
)
COMMENTS = re.compile(r"--[^\n]*|/\*.*?\*/|\{#.*?#\}", re.DOTALL)

RULES = {
    "source_outside_staging": "read the source in a staging model and ref() that model",
    "staging_reads_staging": "read the source (or the seed) directly, or move the logic to "
    "an intermediate model",
    "primary_key_test": "add unique and not_null tests on one column, or a "
    "unique_combination_of_columns test",
    "model_description": "describe the model in its YAML",
    "source_description": "describe the source table in its YAML",
    "mart_column_description": "describe the column: unit, an example, what null means",
    "hard_coded_relation": "use ref() or source() instead of the schema-qualified name",
    "fan_out": "combine the leaf children, or move their shared logic upstream",
    "view_chain": "materialize a model of the chain as a table",
    "public_contract": "enforce a contract (config: contract: {enforced: true}) and type "
    "every column",
    "mart_access": "make the mart public (+access: public)",
    "naming": "rename or move the file to follow the layer's naming rule",
    "yaml_naming": "name the YAML file after its folder",
    "key_vocabulary": "make _id a bigint surrogate and _key a varchar natural key, or list "
    "the column in tests/governance/key_exceptions.yml with its reason",
    "stale_exception": "remove the exception: nothing breaks its rule any more",
    "bad_exception": "give the exception a known rule, a model and a reason",
}


@dataclass(frozen=True)
class Finding:
    """One broken rule: the rule, the model (or source, or file) and, maybe, a column."""

    rule: str
    model: str
    detail: str
    column: str | None = None

    def line(self) -> str:
        where = f"{self.model}.{self.column}" if self.column else self.model
        return f"{self.rule}: {where}: {self.detail}; {RULES[self.rule]}"


@dataclass(frozen=True)
class Allowed:
    """An entry of exceptions.yml: a finding allowed on purpose, with its reason."""

    rule: str
    model: str
    reason: str
    column: str | None = None

    def matches(self, finding: Finding) -> bool:
        return (finding.rule, finding.model, finding.column) == (
            self.rule,
            self.model,
            self.column,
        )


class Project:
    """The manifest's models, sources, tests and exposures, as the rules need them."""

    def __init__(self, manifest: dict[str, Any]) -> None:
        self.manifest = manifest
        nodes = manifest["nodes"]
        self.models = {k: v for k, v in nodes.items() if v["resource_type"] == "model"}
        self.tests = [v for v in nodes.values() if v["resource_type"] == "test"]
        self.sources = manifest["sources"]
        self.exposures = manifest.get("exposures", {})
        self.child_map: dict[str, list[str]] = manifest["child_map"]

    def layer(self, model: dict[str, Any]) -> str:
        return model["fqn"][1] if len(model["fqn"]) > 2 else ""

    def name(self, unique_id: str) -> str:
        node = self.models.get(unique_id) or self.sources.get(unique_id) or {}
        return node.get("name", unique_id.split(".")[-1])

    def model_parents(self, model: dict[str, Any]) -> list[str]:
        return [p for p in model["depends_on"]["nodes"] if p in self.models]

    def model_children(self, unique_id: str) -> list[str]:
        return [c for c in self.child_map.get(unique_id, []) if c in self.models]


def _source_and_staging(project: Project) -> Iterator[Finding]:
    for model in project.models.values():
        layer = project.layer(model)
        for parent in model["depends_on"]["nodes"]:
            if parent.startswith("source.") and layer != "staging":
                yield Finding(
                    "source_outside_staging",
                    model["name"],
                    f"reads source {parent.removeprefix('source.job_compare.')} from {layer}",
                )
        if layer == "staging":
            for parent in project.model_parents(model):
                if project.layer(project.models[parent]) == "staging":
                    yield Finding(
                        "staging_reads_staging",
                        model["name"],
                        f"refs staging model {project.name(parent)}",
                    )


def _primary_keys(project: Project) -> Iterator[Finding]:
    unique: dict[str, set[str]] = {}
    not_null: dict[str, set[str]] = {}
    combined: set[str] = set()
    for test in project.tests:
        meta = test.get("test_metadata") or {}
        model = test.get("attached_node")
        column = meta.get("kwargs", {}).get("column_name")
        if meta.get("name") == "unique" and column:
            unique.setdefault(model, set()).add(column.strip('"').lower())
        elif meta.get("name") == "not_null" and column:
            not_null.setdefault(model, set()).add(column.strip('"').lower())
        elif meta.get("name") == "unique_combination_of_columns":
            combined.add(model)
    for unique_id, model in project.models.items():
        keys = unique.get(unique_id, set()) & not_null.get(unique_id, set())
        if not keys and unique_id not in combined:
            yield Finding(
                "primary_key_test", model["name"], "has no primary-key test on any column"
            )


def _descriptions(project: Project) -> Iterator[Finding]:
    for model in project.models.values():
        if not model["description"].strip():
            yield Finding("model_description", model["name"], "has no description")
        if project.layer(model) == "marts":
            for column, spec in model["columns"].items():
                if not spec["description"].strip():
                    yield Finding(
                        "mart_column_description", model["name"], "has no description", column
                    )
    for source in project.sources.values():
        if not source["description"].strip():
            name = f"{source['source_name']}.{source['name']}"
            yield Finding("source_description", name, "has no description")


def _hard_coded(project: Project) -> Iterator[Finding]:
    for model in project.models.values():
        code = COMMENTS.sub(" ", model["raw_code"])
        for match in HARD_CODED.finditer(code):
            yield Finding(
                "hard_coded_relation",
                model["name"],
                f"names {match[1].lower()}.{match[2]} in its SQL",
            )


def _fan_out(project: Project) -> Iterator[Finding]:
    """Leaves are models without children; a child that an exposure reads is no leaf."""

    def is_leaf(unique_id: str) -> bool:
        return not any(
            c in project.models or c in project.exposures
            for c in project.child_map.get(unique_id, [])
        )

    for unique_id, model in project.models.items():
        leaves = sorted(project.name(c) for c in project.model_children(unique_id) if is_leaf(c))
        if len(leaves) >= FANOUT_LEAVES:
            yield Finding(
                "fan_out",
                model["name"],
                f"has {len(leaves)} leaf children ({', '.join(leaves)})",
            )


def _view_chains(project: Project) -> Iterator[Finding]:
    views = {k for k, v in project.models.items() if v["config"]["materialized"] == "view"}
    longest: dict[str, list[str]] = {}

    def chain(unique_id: str) -> list[str]:
        if unique_id not in longest:
            parents = [p for p in project.model_parents(project.models[unique_id]) if p in views]
            before = max((chain(p) for p in parents), key=len, default=[])
            longest[unique_id] = [*before, unique_id]
        return longest[unique_id]

    for unique_id in sorted(views):
        path = chain(unique_id)
        extended = any(c in views for c in project.model_children(unique_id))
        if len(path) > VIEW_CHAIN and not extended:
            names = " -> ".join(project.name(p) for p in path)
            yield Finding(
                "view_chain",
                project.name(unique_id),
                f"ends a chain of {len(path)} views ({names})",
            )


def _contracts(project: Project) -> Iterator[Finding]:
    for model in project.models.values():
        public = model.get("access") == "public"
        if project.layer(model) == "marts" and not public:
            yield Finding("mart_access", model["name"], f"is {model.get('access')}")
        if (public or project.layer(model) == "marts") and not model["config"]["contract"][
            "enforced"
        ]:
            yield Finding("public_contract", model["name"], "has no enforced contract")


def _naming(project: Project) -> Iterator[Finding]:
    for model in project.models.values():
        path = PurePosixPath(model["original_file_path"])
        name, layer, folders = model["name"], project.layer(model), path.parts[1:-1]
        folder = folders[1] if len(folders) > 1 else ""
        if layer not in LAYERS or len(folders) != 2:
            yield Finding(
                "naming", name, f"lives in {path.parent}; models live in models/<layer>/<folder>/"
            )
            continue
        if layer == "staging":
            if not re.fullmatch(rf"stg_{re.escape(folder)}__[a-z0-9_]+", name):
                yield Finding("naming", name, f"is not stg_{folder}__<entity>")
            wanted = f"_{folder}__models.yml"
        elif layer == "intermediate":
            if not name.startswith("int_"):
                yield Finding("naming", name, "does not start with int_")
            wanted = f"_int_{folder}__models.yml"
        else:
            if not name.startswith(MART_PREFIXES):
                yield Finding("naming", name, "does not start with dim_, fct_ or rpt_")
            wanted = f"_{folder}__models.yml"
        patch = model.get("patch_path")
        if patch:
            yaml_path = PurePosixPath(patch.split("://", 1)[-1])
            if yaml_path.name != wanted or yaml_path.parent != path.parent:
                yield Finding("yaml_naming", name, f"is described in {yaml_path}, not {wanted}")
    for source in project.sources.values():
        path = PurePosixPath(source["original_file_path"])
        folder = path.parent.name
        wanted = f"_{folder}__sources.yml"
        if path.parts[:2] != ("models", "staging") or path.name != wanted:
            yield Finding(
                "yaml_naming",
                f"{source['source_name']}.{source['name']}",
                f"is declared in {path}, not models/staging/<source>/{wanted}",
            )


def _key_vocabulary(project: Project, allowed: set[str]) -> Iterator[Finding]:
    """Columns with a declared type only: the marts' contracts, and what else is typed."""
    for model in project.models.values():
        for column, spec in model["columns"].items():
            declared = (spec.get("data_type") or "").lower()
            for suffix, types in KEY_TYPES.items():
                broken = column.endswith(suffix) and declared and declared not in types
                if broken and column not in allowed:
                    yield Finding(
                        "key_vocabulary",
                        model["name"],
                        f"ends {suffix} but is {declared}, not {types[0]}",
                        column,
                    )


def _load_yaml_list(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ValueError(f"{path}: expected a YAML list of mappings")
    return entries


def load_exceptions(project: Path) -> tuple[list[Allowed], list[Finding]]:
    """The exceptions file's entries, and a finding for each entry that is malformed."""
    entries, bad = [], []
    for number, entry in enumerate(_load_yaml_list(project / EXCEPTIONS), start=1):
        rule, model, reason = entry.get("rule"), entry.get("model"), entry.get("reason")
        if rule not in RULES or not model or not str(reason or "").strip():
            where = f"{EXCEPTIONS}#{number}"
            bad.append(Finding("bad_exception", where, f"rule {rule!r}, model {model!r}"))
            continue
        entries.append(Allowed(rule, str(model), str(reason), entry.get("column")))
    return entries, bad


def check(manifest: dict[str, Any], project_folder: Path) -> list[Finding]:
    """Every finding in the manifest that no exception allows, and every stale exception."""
    project = Project(manifest)
    key_exceptions = _load_yaml_list(project_folder / KEY_EXCEPTIONS)
    allowed_keys = {str(e["column"]) for e in key_exceptions if e.get("column")}
    findings = [
        *_source_and_staging(project),
        *_primary_keys(project),
        *_descriptions(project),
        *_hard_coded(project),
        *_fan_out(project),
        *_view_chains(project),
        *_contracts(project),
        *_naming(project),
        *_key_vocabulary(project, allowed_keys),
    ]
    exceptions, bad = load_exceptions(project_folder)
    kept = [f for f in findings if not any(e.matches(f) for e in exceptions)]
    stale = [
        Finding(
            "stale_exception",
            e.model,
            f"{EXCEPTIONS} allows {e.rule} here, but nothing breaks it",
            e.column,
        )
        for e in exceptions
        if not any(e.matches(f) for f in findings)
    ]
    every_column = {c for m in project.models.values() for c in m["columns"]}
    stale += [
        Finding(
            "stale_exception",
            column,
            f"{KEY_EXCEPTIONS} lists it, but no model has a column of that name",
        )
        for column in sorted(allowed_keys - every_column)
    ]
    return [*bad, *kept, *stale]


def parse(project_folder: Path, target: Path | None = None) -> dict[str, Any]:
    """A fresh manifest: ``dbt parse`` against the in-memory ``lint`` target."""
    target = target or project_folder / TARGET
    result = subprocess.run(
        [str(DBT), "parse", "--target", "lint", "--target-path", str(target)],
        cwd=project_folder,
        env=dbt_env(project_folder),
        capture_output=True,
        text=True,
        check=False,
    )
    manifest = read_json(target / "manifest.json")
    if result.returncode != 0 or not manifest:
        tail = "\n".join(result.stdout.splitlines()[-20:])
        raise RuntimeError(f"dbt parse failed in {project_folder}:\n{tail}")
    return manifest


def format_findings(findings: Iterable[Finding]) -> list[str]:
    return sorted(f.line() for f in findings)


def main(argv: list[str] | None = None) -> int:
    """Parse the project, print one line per finding; 1 when there are findings."""
    parser = argparse.ArgumentParser(
        prog="python -m jobcompare.governance",
        description="Check the dbt project against the dbt-project-evaluator's rules (only "
        "staging reads sources, primary-key tests, descriptions, no hard-coded relations, "
        "fan-out, view chains, contracts, naming, key vocabulary), after a fresh dbt parse.",
    )
    parser.add_argument(
        "--project", type=Path, help="the dbt project folder (default: this project)"
    )
    parser.add_argument(
        "--manifest",
        type=Path,
        help="check this manifest.json instead of parsing the project afresh",
    )
    args = parser.parse_args(argv)
    folder = project_dir(args.project)
    try:
        manifest = read_json(args.manifest) if args.manifest else parse(folder)
        findings = check(manifest, folder)
    except (RuntimeError, ValueError, KeyError) as error:
        print(f"governance: {error}", file=sys.stderr)
        return 2
    for line in format_findings(findings):
        print(line)
    if findings:
        print(f"governance: {len(findings)} finding(s)", file=sys.stderr)
        return 1
    print(f"governance: {len(Project(manifest).models)} models checked, no findings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
