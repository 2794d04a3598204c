"""A Spark session configured as the dbt profile's ``spark`` target configures dbt's.

The settings come from ``profiles.yml`` itself (its ``server_side_parameters``, with the
``env_var`` defaults rendered as dbt renders them), so that a session opened here sees the
tables and the metastore the dbt build wrote. The embedded Derby metastore admits one process
at a time: open a session only while no dbt run on Spark is going on.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import jinja2
import yaml

PROFILE = "job_compare"
TARGET = "spark"


def _env_var(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None:
        raise KeyError(f"env_var {name} is not set and has no default")
    return value


def spark_settings(project: Path) -> dict[str, str]:
    """The Spark settings of the profile's spark target, rendered for this environment."""
    profiles = yaml.safe_load((project / "profiles.yml").read_text(encoding="utf-8"))
    parameters = profiles[PROFILE]["outputs"][TARGET]["server_side_parameters"]
    render = jinja2.Environment(autoescape=False)
    return {
        key: render.from_string(str(value)).render(env_var=_env_var)
        for key, value in parameters.items()
    }


def open_session(project: Path) -> Any:
    """A SparkSession on the project's Spark warehouse. The profile's folders are relative
    to the working folder, as for dbt: call it from the project folder."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.enableHiveSupport()
    for key, value in spark_settings(project).items():
        builder = builder.config(key, value)
    return builder.getOrCreate()
