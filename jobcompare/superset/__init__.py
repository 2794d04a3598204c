"""Apache Superset on the served warehouse: installed apart, read-only, marts as datasets.

``python -m jobcompare.superset`` (what ``make superset`` runs) installs Superset 6.1.0 into
its own virtual environment (``.superset-venv``, pinned by ``constraints.txt`` here), writes
its configuration into ``.superset/`` (a secret key made for this install, a SQLite metadata
database, no telemetry), registers the served DuckDB file read-only with every mart as a
dataset and one dashboard, and starts Superset on localhost. ``cli`` runs in the project's
environment; ``register`` runs inside Superset's, in its application context.
"""
