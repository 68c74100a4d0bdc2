"""Tests of the benchmark code in benchmarks/, at a tiny scale (no timing is asserted)."""
