"""dbt docs generate succeeds, and every mart and mart column is documented and typed."""

from __future__ import annotations

import json

from support import run_dbt


def test_docs_generate_and_every_mart_column_is_described(built_warehouse):
    # As `make docs` runs it: the file opened read-only.
    result = run_dbt(
        "docs", "generate", "--target", "read_only",
        warehouse=built_warehouse.path, work=built_warehouse.work,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:]
    manifest = json.loads((built_warehouse.work / "target" / "manifest.json").read_text())
    catalog = json.loads((built_warehouse.work / "target" / "catalog.json").read_text())
    marts = {
        node["name"]: node
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["fqn"][1] == "marts"
    }
    assert len(marts) >= 10
    for name, node in marts.items():
        assert node["description"].strip(), name
        assert node["config"]["contract"]["enforced"], name
        built_columns = catalog["nodes"][node["unique_id"]]["columns"]
        assert set(node["columns"]) == {c.lower() for c in built_columns}, name
        for column, spec in node["columns"].items():
            assert spec["description"].strip(), (name, column)
            assert spec["data_type"], (name, column)


def test_every_model_is_documented_and_every_model_is_tested(built_warehouse):
    manifest = json.loads((built_warehouse.work / "target" / "manifest.json").read_text())
    models = {
        node["unique_id"]: node
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model"
    }
    tested = {
        parent
        for node in manifest["nodes"].values()
        if node["resource_type"] in ("test", "unit_test")
        for parent in node["depends_on"]["nodes"]
    } | {test["depends_on"]["nodes"][0] for test in manifest.get("unit_tests", {}).values()}
    for unique_id, node in models.items():
        assert node["description"].strip(), unique_id
        assert unique_id in tested, f"{unique_id} has no test"
        layer = node["fqn"][1]
        prefix = {"staging": "stg_", "intermediate": "int_"}.get(layer)
        if prefix:
            assert node["name"].startswith(prefix), unique_id
