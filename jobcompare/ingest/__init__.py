"""Turn career-site comparison pages into the raw seed CSVs of the warehouse."""
