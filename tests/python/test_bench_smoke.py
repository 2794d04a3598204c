"""A small run of the benchmark: every figure is produced and the peer equals the warehouse."""

from __future__ import annotations

from support import run_cli


def test_bench_runs_end_to_end_on_a_small_size(tmp_path):
    out = tmp_path / "RESULTS.md"
    result = run_cli("bench", "--roles", "25", "--work", str(tmp_path / "work"), "--out", str(out))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    text = out.read_text()
    assert "| roles | pairs | dbt build s |" in text
    row = next(line for line in text.splitlines() if line.startswith("| 25 | 300 |"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert float(cells[2]) > 0 and float(cells[3].replace(",", "")) > 0
    assert cells[7].endswith("(equal)")
    assert "pages)" in cells[10]
    assert "Adding 10 roles to 25: 11 roles new or changed" in text
    assert "cores" in text and "GiB memory" in text
    oews = next(line for line in text.splitlines() if line.startswith("| 830 (OEWS) |"))
    assert "| 344,035 |" in oews
