"""SQLite support for the append-only triggers.

The DELETE trigger asks dyzo_audit_unlocked(), a function each Django connection registers
(apps.py). It answers true only while our `flush` command runs: test teardown and a
deliberate development reset empty every table, the audit trail included. A connection
without the function (the sqlite3 shell) cannot delete audit rows at all.
"""

import contextlib
import threading

_state = threading.local()


def _unlocked() -> int:
    return int(getattr(_state, "unlocked", False))


def register_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("dyzo_audit_unlocked", 0, _unlocked)


@contextlib.contextmanager
def audit_deletion_allowed():
    _state.unlocked = True
    try:
        yield
    finally:
        _state.unlocked = False
