"""The YAML and docs keep their promises: grains, mart columns, the benchmark's sample,
macros described with their arguments, and every var declared with the default its calls give."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import REPO

from jobcompare.bench import run as bench_run

# A description ends with its grain: "... One row per page, role and list item."
GRAIN = re.compile(r"One row per [^.]+\.$")
VAR_CALL = re.compile(r"""(?<!\w)var\(\s*['"](\w+)['"]\s*(?:,\s*['"]([^'"]*)['"]\s*)?\)""")
MACRO = re.compile(r"\{%-?\s*macro\s+(\w+)\s*\(([^)]*)\)")


@pytest.fixture(scope="module")
def manifest(lint_manifest: dict[str, Any]) -> dict[str, Any]:
    """The manifest of `dbt parse --target lint`: every description rendered, doc() resolved."""
    return lint_manifest


def flat(text: str) -> str:
    return " ".join(text.split())


def test_a_grain_is_the_last_sentence() -> None:
    assert GRAIN.search("Every role. One row per role.")
    assert not GRAIN.search("One row per role. A view.")
    assert not GRAIN.search("Every role, merged across pages.")


def test_every_model_and_seed_description_ends_with_its_grain(manifest: dict[str, Any]) -> None:
    nodes = [n for n in manifest["nodes"].values() if n["resource_type"] in ("model", "seed")]
    assert len(nodes) >= 50
    missing = [n["name"] for n in nodes if not GRAIN.search(flat(n["description"]))]
    assert not missing, f"descriptions without a final 'One row per ...': {missing}"


def test_every_mart_column_gives_an_example_and_what_null_means(manifest: dict[str, Any]) -> None:
    marts = [
        n
        for n in manifest["nodes"].values()
        if n["resource_type"] == "model" and n["fqn"][1] == "marts"
    ]
    columns = [
        (m["name"], c, spec["description"]) for m in marts for c, spec in m["columns"].items()
    ]
    assert len(columns) >= 200
    no_example = [(m, c) for m, c, d in columns if "e.g." not in d]
    no_null = [(m, c) for m, c, d in columns if "null" not in d.lower()]
    assert not no_example, f"mart columns without an example: {no_example}"
    assert not no_null, f"mart columns that do not say what null means: {no_null}"


def test_descriptions_state_the_sample_the_benchmark_takes(manifest: dict[str, Any]) -> None:
    prefix = re.fullmatch(r"md5\(role_a_key\) < '([0-9a-f]+)'", bench_run.SAMPLE)
    assert prefix, bench_run.SAMPLE
    one_in = 16 ** len(prefix.group(1)) // int(prefix.group(1), 16)
    texts = [n["description"] for n in manifest["nodes"].values()]
    texts += [d["block_contents"] for d in manifest["docs"].values()]
    stated = [int(n) for text in texts for n in re.findall(r"one role a in (\d+)", flat(text))]
    assert len(stated) >= 6
    assert set(stated) == {one_in}


def test_the_overview_tells_the_layers_and_the_naming_rule(manifest: dict[str, Any]) -> None:
    overview = manifest["docs"]["doc.job_compare.__overview__"]["block_contents"]
    for word in ("staging", "intermediate", "marts", "dim_", "fct_", "rpt_", "roles/", "pairs/"):
        assert word in overview, word
    for mart in ("dim_roles", "rpt_role_comparisons", "fct_role_pairs"):
        assert f"`{mart}`" in overview, mart


def test_every_macro_is_described_with_its_arguments() -> None:
    in_sql: dict[str, list[str]] = {}
    for path in sorted((REPO / "macros").rglob("*.sql")):
        for name, arguments in MACRO.findall(path.read_text()):
            in_sql[name] = [a.split("=")[0].strip() for a in arguments.split(",") if a.strip()]
    described = yaml.safe_load((REPO / "macros" / "_macros.yml").read_text())["macros"]
    assert len(in_sql) >= 30
    assert {m["name"] for m in described} == set(in_sql)
    for macro in described:
        assert flat(macro["description"]), macro["name"]
        arguments = macro.get("arguments", [])
        assert [a["name"] for a in arguments] == in_sql[macro["name"]], macro["name"]
        for argument in arguments:
            assert argument.get("type") and flat(argument["description"]), macro["name"]


def test_every_var_is_declared_with_the_default_its_calls_give() -> None:
    declared = yaml.safe_load((REPO / "dbt_project.yml").read_text())["vars"]
    calls: list[tuple[Path, str, str | None]] = []
    for folder in ("models", "macros", "tests", "analyses"):
        for path in sorted((REPO / folder).rglob("*")):
            if path.suffix in (".sql", ".yml") and "python" not in path.parts:
                calls += [(path, n, d or None) for n, d in VAR_CALL.findall(path.read_text())]
    # Every declared var is read somewhere (so the pattern still finds the calls), and every
    # call reads a declared var with the declared default.
    assert set(declared) == {name for _, name, _ in calls}
    for path, name, default in calls:
        assert name in declared, f"{path.relative_to(REPO)}: var {name} is not declared"
        if default is not None:
            assert str(declared[name]) == default, f"{path.relative_to(REPO)}: {name}"
    passed = re.search(r"variables = f'\{\{(.*)\}\}'", Path(bench_run.__file__).read_text())
    assert passed, "jobcompare/bench/run.py no longer passes --vars as this test expects"
    for name in re.findall(r"(\w+):", passed.group(1)):
        assert name in declared, f"jobcompare bench passes the undeclared var {name}"
