"""The site command: which pairs get pages, parallel rendering, whole replacement."""

from __future__ import annotations

from support import run_cli_on


def pages(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def test_all_pairs_and_most_similar_pairs(built_warehouse, tmp_path):
    every = tmp_path / "every"
    result = run_cli_on(built_warehouse.path, "site", "--out", str(every), "--pairs", "all")
    assert result.returncode == 0, result.stderr
    assert "(3 roles, 3 pairs, 830 occupations, " in result.stdout
    assert "pages/s" in result.stdout
    names = sorted(n for n in pages(every) if not n.startswith("occupation"))
    assert names == [
        "index.html",
        "pairs/customer-service-manager-vs-customer-service-specialist.html",
        "pairs/customer-service-manager-vs-lead-customer-service-representative.html",
        "pairs/customer-service-specialist-vs-lead-customer-service-representative.html",
        "roles/customer-service-manager.html",
        "roles/customer-service-specialist.html",
        "roles/lead-customer-service-representative.html",
    ]
    similar = tmp_path / "similar"
    result = run_cli_on(built_warehouse.path, "site", "--out", str(similar), "--pairs", "similar",
                        "-k", "1", "--no-progress")  # fmt: skip
    assert result.returncode == 0, result.stderr
    # Each role's most similar role: the manager's is the specialist (0.2857 against 0.0909);
    # the specialist ties manager and lead at 0.2857 and takes the first key, the manager;
    # the lead's is the specialist. Two distinct pairs.
    pair_pages = [name for name in pages(similar) if name.startswith("pairs/")]
    assert pair_pages == [
        "pairs/customer-service-manager-vs-customer-service-specialist.html",
        "pairs/customer-service-specialist-vs-lead-customer-service-representative.html",
    ]


def test_parallel_rendering_writes_the_same_pages(built_warehouse, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    for out, jobs in ((one, "1"), (two, "2")):
        result = run_cli_on(built_warehouse.path, "site", "--out", str(out), "--pairs", "all",
                            "--jobs", jobs, "--no-progress", "-k", "2")  # fmt: skip
        assert result.returncode == 0, result.stderr
    assert pages(one) == pages(two)


def test_site_is_replaced_whole_and_leaves_no_staging_folders(built_warehouse, tmp_path):
    site = tmp_path / "site"
    first = run_cli_on(built_warehouse.path, "site", "--out", str(site), "--no-progress")
    assert first.returncode == 0, first.stderr
    (site / "stale.html").write_text("old")
    result = run_cli_on(built_warehouse.path, "site", "--out", str(site), "--no-progress")
    assert result.returncode == 0, result.stderr
    assert not (site / "stale.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_missing_warehouse_is_a_clear_error(tmp_path):
    result = run_cli_on(tmp_path / "none.duckdb", "site", "--out", str(tmp_path / "site"))
    assert result.returncode == 2
    assert "none.duckdb: no warehouse file; build it first" in result.stderr
    assert not (tmp_path / "site").exists()


def test_role_pages_list_similar_roles_with_links(built_warehouse, tmp_path):
    site = tmp_path / "site"
    assert run_cli_on(built_warehouse.path, "site", "--out", str(site), "--pairs", "all",
                      "--no-progress").returncode == 0  # fmt: skip
    html = (site / "roles" / "customer-service-specialist.html").read_text()
    assert "Similar roles" in html
    assert 'href="../pairs/customer-service-manager-vs-customer-service-specialist.html"' in html
    assert "2 shared skills, overlap 0.29" in html
