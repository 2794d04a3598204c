"""The warehouse on Apache Spark: the same dbt models built by dbt-spark on a local Spark
(README: Running on Spark), and its marts read back for comparison and export."""
