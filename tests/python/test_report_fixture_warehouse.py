"""Reports on a warehouse built from the invented fixture pages: equal values, escaping."""

from __future__ import annotations

from support import BuiltWarehouse, run_cli_on

SCRIPT = "<script>alert('owned')</script>"


def report(warehouse: BuiltWarehouse, *args: str) -> str:
    result = run_cli_on(warehouse.path, "report", *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_equal_salaries_and_times_read_as_the_same(fixture_warehouse):
    markdown = report(fixture_warehouse, "line cook", "prep cook")
    assert (
        "It typically takes Less than 1 month to become both a line cook and a prep cook."
        in markdown
        or "It typically takes less than 1 month to become both a line cook and a prep cook."
        in markdown
    )
    assert "a line cook and a prep cook have the same average salary, $31,020 a year." in markdown
    assert "higher than" not in markdown and "lower than" not in markdown


def test_unknown_facts_are_dashes_never_none(fixture_warehouse):
    markdown = report(fixture_warehouse, "pastry chef", "line cook")
    assert "| Best paying company | ACME | - |" in markdown
    assert "| Job satisfaction | - | - |" in markdown
    assert "| Most common college | - | - |" in markdown
    assert "None" not in markdown and "null" not in markdown


def test_text_from_the_data_is_escaped_in_html(fixture_warehouse, tmp_path):
    html = report(fixture_warehouse, "prep cook", "line cook", "--format", "html")
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;" in html
    assert "<b>washes</b>" not in html and "&lt;b&gt;washes&lt;/b&gt;" in html
    markdown = report(fixture_warehouse, "prep cook", "line cook")
    assert SCRIPT not in markdown and "&lt;script&gt;" in markdown
    site = tmp_path / "site"
    result = run_cli_on(fixture_warehouse.path, "site", "--out", str(site), "--pairs", "all",
                        "--occupation-pairs", "none", "--no-progress")  # fmt: skip
    assert result.returncode == 0, result.stderr
    pages = [p for p in site.rglob("*.html") if "occupation" not in p.parent.name]
    assert len(pages) == 1 + 4 + 6
    assert not any(SCRIPT in page.read_text() for page in pages)
    assert any("&lt;script&gt;" in page.read_text() for page in pages)
