"""Register the served warehouse in Superset: read-only, every mart a dataset, one dashboard.

Runs inside Superset's own environment (``.superset-venv/bin/python register.py``, started
by ``cli.py``), in Superset's application context, through Superset's models as its own
example loaders do; no SQL is written into Superset's metadata by hand. Running it again
updates what it made (found by fixed UUIDs) and adds the marts that are new.

- The database: the served file by absolute path, opened by duckdb-engine with
  ``read_only`` (``connect_args`` in the database's extra); SQL Lab refuses DML, CTAS,
  CVAS and file uploads.
- Datasets: every relation of the ``marts`` schema, columns and descriptions from the file
  (the YAML descriptions are comments there).
- The dashboard "Pay gap and skill overlap; official wages by state": for the role the
  native filter "Role" names, its pay difference and skill overlap against every other role
  (``rpt_role_comparisons``: a table and a bar chart); for the occupation the native filter
  "Occupation" names, its official wages by state (``fct_occupation_area_wages``: a table and
  a bar chart). The role filter opens on ``--role``, the occupation filter on
  ``--occupation`` or else on the role's official occupation (``rpt_role_official_wages``).
"""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from typing import Any

SCHEMA = "marts"
DATABASE_NAME = "job_compare (served warehouse, read-only)"
ROLE_COMPARISONS = "rpt_role_comparisons"
AREA_WAGES = "fct_occupation_area_wages"
OFFICIAL_WAGES = "rpt_role_official_wages"
DASHBOARD_TITLE = "Pay gap and skill overlap; official wages by state"
DASHBOARD_SLUG = "job-compare"
ROW_LIMIT = 10000
ROLE_TABLE = "Pay gap and skill overlap against every other role"
ROLE_BARS = "Pay gap against every other role (USD a year)"
WAGES_TABLE = "Official wages by state"
WAGES_BARS = "Annual median wage by state (USD)"
CHART_NAMES = (ROLE_TABLE, ROLE_BARS, WAGES_TABLE, WAGES_BARS)
# Everything this script makes has a UUID derived from this one and its name, so that a
# second run finds and updates it.
NAMESPACE = uuid.UUID("6f1c3c1e-2f55-4b0e-9d0f-6a8f3f0b7c10")


class Refused(Exception):
    """A role or occupation that the served build does not have: one line, exit code 2."""


def made_uuid(name: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, name)


def database_extra() -> dict[str, Any]:
    """The database's extra: duckdb-engine opens the file read-only."""
    return {
        "engine_params": {"connect_args": {"read_only": True}},
        "metadata_params": {},
        "schemas_allowed_for_file_upload": [],
    }


def mart_names(database: Any) -> list[str]:
    """Every relation of the marts schema, tables and views, each checked to answer.

    A mart that fails here (a view reading a file that is not beside the server, say) stops
    the registration with its name, rather than leave a dataset whose charts fail.
    """
    with database.get_sqla_engine() as engine, engine.connect() as connection:
        names = [
            row[0]
            for row in connection.exec_driver_sql(
                "select table_name from information_schema.tables "
                "where table_schema = 'marts' order by table_name"
            )
        ]
        for name in names:
            connection.exec_driver_sql(f'select * from marts."{name}" limit 0').fetchall()
    return names


def first_value(database: Any, sql: str, params: tuple[Any, ...] = ()) -> Any:
    with database.get_sqla_engine() as engine, engine.connect() as connection:
        row = connection.exec_driver_sql(sql, params).fetchone()
    return None if row is None else row[0]


def simple_metric(column: str, aggregate: str, label: str) -> dict[str, Any]:
    return {
        "expressionType": "SIMPLE",
        "column": {"column_name": column},
        "aggregate": aggregate,
        "label": label,
    }


def table_chart(
    dataset_id: int, columns: list[str], order_by: str, descending: bool, where: str = ""
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A table of raw rows: its form data and the query context that /chart/data runs."""
    params = {
        "datasource": f"{dataset_id}__table",
        "viz_type": "table",
        "query_mode": "raw",
        "all_columns": columns,
        "order_by_cols": [json.dumps([order_by, not descending])],
        "row_limit": ROW_LIMIT,
        "adhoc_filters": _where(where),
        "server_pagination": False,
        "include_search": True,
    }
    query = {
        "columns": columns,
        "metrics": [],
        "orderby": [[order_by, not descending]],
        "row_limit": ROW_LIMIT,
        "filters": [],
        "extras": {"where": where, "having": ""},
    }
    return params, _query_context(dataset_id, params, query)


def bar_chart(
    dataset_id: int, x_axis: str, metric: dict[str, Any], x_label: str, y_label: str,
    where: str = "",
) -> tuple[dict[str, Any], dict[str, Any]]:  # fmt: skip
    """Bars of one metric per category of ``x_axis``, largest first, with titled axes."""
    params = {
        "datasource": f"{dataset_id}__table",
        "viz_type": "echarts_timeseries_bar",
        "x_axis": x_axis,
        "metrics": [metric],
        "groupby": [],
        "adhoc_filters": _where(where),
        "row_limit": ROW_LIMIT,
        "x_axis_sort": metric["label"],
        "x_axis_sort_asc": False,
        "x_axis_title": x_label,
        "x_axis_title_margin": 30,
        "y_axis_title": y_label,
        "y_axis_title_margin": 50,
        "y_axis_format": "SMART_NUMBER",
        "show_legend": False,
        "orientation": "vertical",
    }
    query = {
        "columns": [x_axis],
        "metrics": [metric],
        "orderby": [[metric, False]],
        "row_limit": ROW_LIMIT,
        "filters": [],
        "extras": {"where": where, "having": ""},
        "series_columns": [],
    }
    return params, _query_context(dataset_id, params, query)


def _where(where: str) -> list[dict[str, Any]]:
    if not where:
        return []
    return [{"expressionType": "SQL", "clause": "WHERE", "sqlExpression": where}]


def _query_context(
    dataset_id: int, params: dict[str, Any], query: dict[str, Any]
) -> dict[str, Any]:
    return {
        "datasource": {"id": dataset_id, "type": "table"},
        "force": False,
        "queries": [query],
        "form_data": params,
        "result_format": "json",
        "result_type": "full",
    }


def native_filter(
    name: str, dataset_id: int, column: str, value: str | None, charts: list[int],
    other_charts: list[int],
) -> dict[str, Any]:  # fmt: skip
    """A single-value select filter on ``column`` that opens on ``value``, for ``charts``."""
    filter_id = f"NATIVE_FILTER-{made_uuid('filter ' + name).hex[:20]}"
    values = [value] if value is not None else []
    return {
        "id": filter_id,
        "name": name,
        "type": "NATIVE_FILTER",
        "filterType": "filter_select",
        "targets": [{"datasetId": dataset_id, "column": {"name": column}}],
        "controlValues": {
            "multiSelect": False,
            "enableEmptyFilter": True,
            "defaultToFirstItem": value is None,
            "inverseSelection": False,
            "searchAllOptions": True,
        },
        "defaultDataMask": {
            "filterState": {"value": values or None},
            "extraFormData": {"filters": [{"col": column, "op": "IN", "val": values}]}
            if values
            else {},
            "ownState": {},
        },
        "cascadeParentIds": [],
        "scope": {"rootPath": ["ROOT_ID"], "excluded": other_charts},
        "chartsInScope": charts,
        "tabsInScope": [],
        "description": "",
    }


def layout(rows: list[list[tuple[int, str, uuid.UUID]]]) -> dict[str, Any]:
    """The dashboard's grid: each row its charts, side by side."""
    position: dict[str, Any] = {
        "DASHBOARD_VERSION_KEY": "v2",
        "ROOT_ID": {"type": "ROOT", "id": "ROOT_ID", "children": ["GRID_ID"]},
        "GRID_ID": {"type": "GRID", "id": "GRID_ID", "children": [], "parents": ["ROOT_ID"]},
        "HEADER_ID": {"id": "HEADER_ID", "type": "HEADER", "meta": {"text": DASHBOARD_TITLE}},
    }
    for number, charts in enumerate(rows, start=1):
        row_id = f"ROW-{number}"
        position["GRID_ID"]["children"].append(row_id)
        position[row_id] = {
            "type": "ROW",
            "id": row_id,
            "children": [],
            "parents": ["ROOT_ID", "GRID_ID"],
            "meta": {"background": "BACKGROUND_TRANSPARENT"},
        }
        for chart_id, name, chart_uuid in charts:
            key = f"CHART-{chart_id}"
            position[row_id]["children"].append(key)
            position[key] = {
                "type": "CHART",
                "id": key,
                "children": [],
                "parents": ["ROOT_ID", "GRID_ID", row_id],
                "meta": {
                    "chartId": chart_id,
                    "sliceName": name,
                    "uuid": str(chart_uuid),
                    "width": 12 // len(charts),
                    "height": 60,
                },
            }
    return position


def register(warehouse: str, role: str | None, occupation: str | None) -> None:
    from superset import db
    from superset.connectors.sqla.models import SqlaTable
    from superset.models.core import Database
    from superset.models.dashboard import Dashboard
    from superset.models.slice import Slice

    def upsert(model: Any, name: str, **fields: Any) -> Any:
        made = made_uuid(name)
        found = db.session.query(model).filter_by(uuid=made).one_or_none()
        if found is None:
            found = model(uuid=made)
            db.session.add(found)
        for key, value in fields.items():
            setattr(found, key, value)
        return found

    database = upsert(
        Database, "database", database_name=DATABASE_NAME, expose_in_sqllab=True,
        allow_dml=False, allow_ctas=False, allow_cvas=False, allow_file_upload=False,
        allow_run_async=False, extra=json.dumps(database_extra()),
    )  # fmt: skip
    database.set_sqlalchemy_uri(f"duckdb:///{warehouse}")
    db.session.flush()

    datasets = {}
    for name in mart_names(database):
        dataset = upsert(SqlaTable, f"dataset {name}", table_name=name, schema=SCHEMA,
                         database=database)  # fmt: skip
        db.session.flush()
        dataset.fetch_metadata()
        comment = first_value(
            database,
            "select comment from duckdb_tables() where schema_name = ? and table_name = ? "
            "union all select comment from duckdb_views() "
            "where schema_name = ? and view_name = ?",
            (SCHEMA, name, SCHEMA, name),
        )
        dataset.description = comment
        datasets[name] = dataset
    gone = [
        dataset
        for dataset in db.session.query(SqlaTable).filter_by(database_id=database.id).all()
        if dataset.table_name not in datasets
        and dataset.uuid == made_uuid(f"dataset {dataset.table_name}")
    ]
    for dataset in gone:  # a mart this script registered that the served build no longer has
        db.session.delete(dataset)
    db.session.flush()
    print(f"datasets: {len(datasets)} marts of {warehouse}"
          + (f"; removed {', '.join(d.table_name for d in gone)}" if gone else ""))  # fmt: skip

    comparisons = datasets[ROLE_COMPARISONS]
    role = role or first_value(
        database, f"select min(role_a_name) from {SCHEMA}.{ROLE_COMPARISONS}"
    )
    if not first_value(
        database, f"select count(*) from {SCHEMA}.{ROLE_COMPARISONS} where role_a_name = ?",
        (role,),
    ):  # fmt: skip
        raise Refused(f"no role named {role!r} in {SCHEMA}.{ROLE_COMPARISONS}")
    occupation = occupation or first_value(
        database,
        f"select occupation_title from {SCHEMA}.{OFFICIAL_WAGES} where role_name = ?",
        (role,),
    )

    charts: dict[str, tuple[Any, str]] = {}

    def chart(name: str, dataset: Any, viz: str, made: tuple[dict, dict], filter_key: str) -> None:
        params, query_context = made
        charts[name] = (
            upsert(Slice, f"chart {name}", slice_name=name, viz_type=viz,
                   datasource_type="table", datasource_id=dataset.id,
                   params=json.dumps(params), query_context=json.dumps(query_context)),
            filter_key,
        )  # fmt: skip

    pay_gap = simple_metric("yearly_salary_diff_usd", "MAX", "pay gap (USD a year)")
    chart(ROLE_TABLE, comparisons, "table",
          table_chart(comparisons.id, ["role_b_name", "yearly_salary_diff_usd",
                      "yearly_salary_ratio", "skill_jaccard_index", "shared_skill_count",
                      "is_compared_on_page"], "yearly_salary_diff_usd", True),
          "role")  # fmt: skip
    chart(ROLE_BARS, comparisons,
          "echarts_timeseries_bar",
          bar_chart(comparisons.id, "role_b_name", pay_gap, "other role",
                    "pay gap: chosen role minus other role (USD a year)"),
          "role")  # fmt: skip
    wages = datasets.get(AREA_WAGES)
    if wages is not None and not first_value(
        database, f"select count(*) from {SCHEMA}.{AREA_WAGES} where occupation_title = ?",
        (occupation,),
    ):  # fmt: skip
        raise Refused(f"no occupation titled {occupation!r} in {SCHEMA}.{AREA_WAGES}")
    if wages is None:
        print(f"warning: {SCHEMA}.{AREA_WAGES} is not in this build; the dashboard has no "
              "wages by state until a build that has it", file=sys.stderr)  # fmt: skip
    else:
        median = simple_metric("annual_median_usd", "MAX", "annual median wage (USD)")
        chart(WAGES_TABLE, wages, "table",
              table_chart(wages.id, ["area_name", "employment", "annual_median_usd",
                          "annual_mean_usd", "hourly_mean_usd"], "annual_median_usd", True,
                          where="area_type = 'state'"),
              "occupation")  # fmt: skip
        chart(WAGES_BARS, wages, "echarts_timeseries_bar",
              bar_chart(wages.id, "area_name", median, "state", "annual median wage (USD)",
                        where="area_type = 'state'"),
              "occupation")  # fmt: skip
    made = {made_uuid(f"chart {name}") for name in CHART_NAMES}
    kept = {chart.uuid for chart, _ in charts.values()}
    for stale in db.session.query(Slice).filter(Slice.uuid.in_(made - kept)).all():
        db.session.delete(stale)  # a chart whose mart the served build no longer has
    db.session.flush()

    ids = {key: [c.id for c, k in charts.values() if k == key] for key in ("role", "occupation")}
    filters = [native_filter("Role", comparisons.id, "role_a_name", role, ids["role"],
                             ids["occupation"])]  # fmt: skip
    if wages is not None:
        filters.append(native_filter("Occupation", wages.id, "occupation_title", occupation,
                                     ids["occupation"], ids["role"]))  # fmt: skip
    rows = [
        [(c.id, c.slice_name, c.uuid) for c, k in charts.values() if k == key]
        for key in ("role", "occupation")
    ]
    upsert(
        Dashboard, "dashboard", dashboard_title=DASHBOARD_TITLE, slug=DASHBOARD_SLUG,
        published=True, slices=[c for c, _ in charts.values()],
        position_json=json.dumps(layout([row for row in rows if row])),
        json_metadata=json.dumps({
            "native_filter_configuration": filters,
            "cross_filters_enabled": False,
            "color_scheme": "",
            "refresh_frequency": 0,
            "expanded_slices": {},
            "label_colors": {},
            "timed_refresh_immune_slices": [],
            "default_filters": "{}",
        }),
    )  # fmt: skip
    db.session.commit()
    print(f"dashboard: /superset/dashboard/{DASHBOARD_SLUG}/ ({len(charts)} charts; "
          f"role {role!r}, occupation {occupation!r})")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", required=True, help="absolute path of the served file")
    parser.add_argument("--role", help="the role name the dashboard opens on")
    parser.add_argument("--occupation", help="the occupation title it opens on")
    args = parser.parse_args()

    from superset.app import create_app

    app = create_app()
    with app.app_context():
        try:
            register(args.warehouse, args.role, args.occupation)
        except Refused as refused:
            print(f"error: {refused}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
