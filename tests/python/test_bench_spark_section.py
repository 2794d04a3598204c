"""The Spark benchmark's section of bench/RESULTS.md and the DuckDB benchmark's tables share
the file: each rewrites its own part and keeps the other's."""

from __future__ import annotations

from jobcompare.bench import results
from jobcompare.bench.spark import END, START, kept_section, replace_section


def _section(text: str) -> str:
    return f"{START}\n## The same build on local Spark\n\n{text}\n\n{END}"


def test_the_spark_section_is_added_then_replaced_and_the_rest_kept(tmp_path):
    out = tmp_path / "RESULTS.md"
    out.write_text("# Benchmark\n\n| roles |\n|---|\n| 100 |\n", encoding="utf-8")
    replace_section(out, _section("first run"))
    replace_section(out, _section("second run"))
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Benchmark\n\n| roles |\n|---|\n| 100 |\n\n")
    assert text.count(START) == 1 and text.count(END) == 1
    assert "second run" in text and "first run" not in text


def test_the_duckdb_benchmark_keeps_the_spark_section(tmp_path):
    out = tmp_path / "RESULTS.md"
    out.write_text("# old tables\n", encoding="utf-8")
    replace_section(out, _section("spark figures"))
    results.write(out, "# new tables\n")
    text = out.read_text(encoding="utf-8")
    assert "old tables" not in text
    assert text.startswith("# new tables\n\n")
    assert kept_section(out) == _section("spark figures")


def test_without_a_spark_section_the_duckdb_benchmark_writes_only_its_tables(tmp_path):
    out = tmp_path / "RESULTS.md"
    results.write(out, "# tables\n")
    assert out.read_text(encoding="utf-8") == "# tables\n"
    assert kept_section(out) == ""
