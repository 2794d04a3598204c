"""Job comparison warehouse: page ingestion, reports and tooling around the dbt project."""
