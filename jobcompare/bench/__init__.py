"""Synthetic data at the raw layer, and the benchmark of the pipeline at scale."""
