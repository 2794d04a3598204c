"""Comparison reports rendered from the warehouse's marts: Markdown, JSON and a static site."""
