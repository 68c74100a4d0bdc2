"""Writes audit entries once the audit app provides `dyzo.audit.audit`.

The audit app is built alongside this one; until its entry point exists the services skip
logging rather than fail. A broken audit module (an ImportError from inside it) still raises.
"""


def log(obj, event: str, *, actor, data: dict | None = None) -> None:
    try:
        from dyzo.audit import audit
    except ImportError as exc:
        if exc.name not in ("dyzo.audit", "dyzo.audit.audit"):
            raise
        return
    audit.log(obj, event, actor=actor, data=data or {})
