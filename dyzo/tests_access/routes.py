"""Every URL pattern of the project, found by walking the resolver.

The access test parametrizes over this list, not over its own table: an endpoint that
somebody adds without a row in the table makes the test fail instead of going unchecked.
"""

import dataclasses
import re

from django.urls import URLPattern, URLResolver, get_resolver

API_PREFIX = "api/"
ADMIN_PREFIX = "admin/"
UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")


@dataclasses.dataclass(frozen=True)
class Route:
    """One URL pattern: `key` is its name with namespace (the route text when unnamed)."""

    key: str
    name: str | None
    route: str
    callback: object

    @property
    def is_api(self) -> bool:
        return self.route.startswith(API_PREFIX)

    @property
    def is_admin(self) -> bool:
        return self.route.startswith(ADMIN_PREFIX)

    @property
    def parameters(self) -> list[str]:
        names = re.findall(r"<(?:\w+:)?(\w+)>", self.route)
        return list(dict.fromkeys(names))

    @property
    def api_unsafe_methods(self) -> list[str]:
        """The unsafe methods a DRF route answers (a viewset's action map)."""
        actions = getattr(self.callback, "actions", None) or {}
        view_class = getattr(self.callback, "cls", None)
        offered = set(getattr(view_class, "http_method_names", actions))
        return [
            method.upper()
            for method in actions
            if method.upper() in UNSAFE_METHODS and method in offered
        ]


def _walk(patterns, prefix: str = "", namespace: str | None = None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            name = pattern.name
            if name and namespace:
                name = f"{namespace}:{name}"
            yield Route(key=name or route, name=name, route=route, callback=pattern.callback)


def all_routes() -> list[Route]:
    """Every URL pattern, in resolver order, once per key."""
    unique: dict[str, Route] = {}
    for route in _walk(get_resolver().url_patterns):
        unique.setdefault(route.key, route)
    return list(unique.values())
