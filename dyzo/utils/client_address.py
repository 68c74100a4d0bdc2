"""The client's address, behind a configured number of trusted reverse proxies."""

import ipaddress

from django.conf import settings


def client_ip(request) -> str | None:
    """The address the request came from, as the audit trail and the login throttle see it.

    With `DYZO_TRUSTED_PROXIES = n`, the last n hops are our own proxies: each appends the
    address it was connected from to X-Forwarded-For, so the n-th entry from the right is
    the right-most one no client can forge. Entries further left are the client's own words
    and never used. Without trusted proxies (the default), REMOTE_ADDR is the client.
    """
    remote = request.META.get("REMOTE_ADDR") or None
    proxies = getattr(settings, "DYZO_TRUSTED_PROXIES", 0)
    if proxies <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if not hops:
        return remote
    # Fewer entries than proxies: the request started inside our chain; its first hop is
    # then the furthest address any of our proxies saw.
    candidate = hops[-proxies] if len(hops) >= proxies else hops[0]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
