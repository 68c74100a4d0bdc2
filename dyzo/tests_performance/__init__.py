"""Query-plan tests: the big lists use an index for their ordering and filters (PostgreSQL).

Not timed: each test captures the SQL a page runs and asserts on its EXPLAIN plan. See
docs/performance.md.
"""
