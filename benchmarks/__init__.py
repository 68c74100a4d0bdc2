"""Benchmarks of Dyzo Lokaal's big lists and reports on PostgreSQL (see README.md)."""
