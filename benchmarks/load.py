"""The HTTP mode of the benchmark: gunicorn with the production settings of
docs/deployment.md (debug off, TLS proxy headers, manifest static files, 3 workers) on a free
127.0.0.1 port, real logins (the coordinator with a TOTP code), then a fixed number of
requests per case from 1 and from 16 concurrent clients.

Load only ever goes to 127.0.0.1, every loop is bounded in count and in time, and the
server is stopped when the run ends, also when it fails.
"""

import contextlib
import dataclasses
import http.client
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

HOST = "127.0.0.1"
CLIENTS = (1, 16)
WORKERS = 3
CASE_SECONDS = 120  # a case stops sending after this, whatever is left of its requests
START_SECONDS = 60
ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Session:
    """One logged-in browser: its cookies, sent with every request to HOST:port as if through
    the TLS proxy of docs/deployment.md (X-Forwarded-Proto: https)."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def headers(self) -> dict[str, str]:
        origin = f"https://{HOST}:{self.port}"
        headers = {
            "Host": f"{HOST}:{self.port}",
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": HOST,
            "Origin": origin,
            "Referer": f"{origin}/",
            "Accept-Language": "nl-BE",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return headers

    def request(self, connection, method: str, path: str, body: dict | None = None):
        headers = self.headers()
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.getheader("Location", ""), content

    def form_token(self, connection, path: str) -> str:
        status, _location, content = self.request(connection, "GET", path)
        found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content)
        if status != 200 or not found:
            raise RuntimeError(f"no form at {path} (HTTP {status})")
        return found.group(1).decode()


def log_in(port: int, username: str, password: str, totp_device=None) -> Session:
    """Log in through the login form, and the second factor's form when the role needs it."""
    from django.urls import reverse

    session = Session(port)
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    login = reverse("accounts:login")
    token = session.form_token(connection, login)
    fields = {"csrfmiddlewaretoken": token, "username": username, "password": password}
    status, location, _content = session.request(connection, "POST", login, fields)
    if status != 302:
        raise RuntimeError(f"login of {username} failed (HTTP {status})")
    if totp_device is not None:
        from dyzo.accounts.tests.totp import code_for

        path = reverse("accounts:two_factor")
        token = session.form_token(connection, path)
        fields = {"csrfmiddlewaretoken": token, "token": code_for(totp_device)}
        status, location, _content = session.request(connection, "POST", path, fields)
        if status != 302:
            raise RuntimeError(f"second factor of {username} refused (HTTP {status})")
    connection.close()
    return session


@dataclasses.dataclass
class LoadResult:
    id: str
    persona: str
    clients: int
    latencies_ms: list[float]
    failures: int
    seconds: float

    def as_json(self) -> dict:
        from benchmarks.measure import percentile

        done = self.latencies_ms or [0.0]
        return {
            "id": self.id,
            "as": self.persona,
            "median_ms": round(statistics.median(done), 2),
            "p95_ms": round(percentile(done, 0.95), 2),
            "cpu_ms": None,
            "queries": None,
            "clients": self.clients,
            "rps": round(len(self.latencies_ms) / self.seconds, 1) if self.seconds else 0.0,
            "requests": len(self.latencies_ms),
            "failures": self.failures,
            "over_http": True,
        }


def drive(session: Session, path: str, requests: int, clients: int, deadline_s: float):
    """`requests` GETs of `path` from `clients` threads with a connection each; returns the
    latencies of the 200 answers, the number of other answers, and the seconds taken."""
    latencies, failures = [], [0]
    lock = threading.Lock()
    counter = iter(range(requests))
    started = time.perf_counter()
    stop_at = started + deadline_s

    def client():
        connection = http.client.HTTPConnection(HOST, session.port, timeout=30)
        try:
            while time.perf_counter() < stop_at:
                with lock:
                    if next(counter, None) is None:
                        return
                began = time.perf_counter()
                try:
                    status, _location, _content = session.request(connection, "GET", path)
                except (OSError, http.client.HTTPException):
                    status = 0
                    connection.close()
                elapsed = (time.perf_counter() - began) * 1000
                with lock:
                    if status == 200:
                        latencies.append(elapsed)
                    else:
                        failures[0] += 1
        finally:
            connection.close()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(deadline_s + 60)
    return latencies, failures[0], time.perf_counter() - started


def production_environment(port: int, static_root: str) -> dict[str, str]:
    """The environment of docs/deployment.md for this machine: the same database and
    encryption keys as this process, a throwaway secret key, only 127.0.0.1."""
    from django.conf import settings

    keep = {name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ}
    return {
        **keep,
        "DJANGO_SETTINGS_MODULE": "dyzo.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_CSRF_TRUSTED_ORIGINS": f"https://{HOST}:{port}",
        "DATABASE_URL": database_url(),
        "DATABASE_CONN_MAX_AGE": "60",
        "DJANGO_BEHIND_TLS_PROXY": "true",
        "DYZO_TRUST_X_FORWARDED_FOR": "true",
        "DJANGO_STATIC_ROOT": static_root,
        "DJANGO_LOG_LEVEL": "WARNING",
        "DYZO_ENCRYPTION_KEYS": ",".join(settings.DYZO_ENCRYPTION_KEYS),
        "DYZO_REQUIRE_2FA": "true",
    }


def database_url() -> str:
    from django.db import connection

    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        user, host = settings["USER"], settings["HOST"] or HOST
        password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
        return f"postgres://{user}{password}@{host}:{settings['PORT'] or 5432}/{settings['NAME']}"
    return f"sqlite:///{Path(settings['NAME']).resolve()}"


@contextlib.contextmanager
def gunicorn(port: int, environment: dict[str, str]):
    """gunicorn as docs/deployment.md runs it, on HOST:port; stopped on leaving."""
    command = [
        sys.executable, "-m", "gunicorn", "dyzo.wsgi:application",
        "--bind", f"{HOST}:{port}", "--workers", str(WORKERS), "--timeout", "60",
        "--forwarded-allow-ips", HOST, "--no-control-socket",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=environment)  # noqa: S603
    try:
        wait_until_up(port, server)
        yield server
    finally:
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(10)


def wait_until_up(port: int, server) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}")
        with contextlib.suppress(OSError):
            socket.create_connection((HOST, port), timeout=1).close()
            return
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer within a minute")


def http_cases(personas) -> list[tuple[str, str, str]]:
    """(id, persona, path) of the pages measured over HTTP."""
    from django.urls import reverse

    from dyzo.dossiers.models import Dossier

    gent_dossier = Dossier.objects.filter(municipality__nis_code="44021").order_by("-id")[0]
    detail = reverse("dossiers:detail", args=[gent_dossier.pk])
    return [
        ("dossier_list_html", "worker", reverse("dossiers:list")),
        ("dossier_list_api", "worker", reverse("dossier-list")),
        ("dossier_detail_html", "worker", detail),
        ("portal_home", "worker", reverse("portal:home")),
        ("dossier_list_html", "coordinator", reverse("dossiers:list")),
        ("dossier_list_api", "coordinator", reverse("dossier-list")),
    ]


def prepare_logins(personas) -> tuple[str, object]:
    """A password for the personas (the fill gives them none) and the coordinator's
    authenticator. Returns the password and the coordinator's TOTP device."""
    from dyzo.accounts.tests.totp import authenticator_of

    password = secrets.token_urlsafe(16)
    for user in (personas.coordinator, personas.worker):
        user.set_password(password)
        user.save(update_fields=["password"])
    return password, authenticator_of(personas.coordinator)


def collect_static(environment: dict[str, str]) -> None:
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=environment,
        check=True,
    )


def run_http(personas, *, requests: int) -> list[dict]:
    """Every HTTP case with 1 and 16 clients; the results in the JSON shape of issue 12."""
    from django.db import connection

    password, device = prepare_logins(personas)
    cases = http_cases(personas)
    # The server's workers must not wait behind a transaction or lock of this process.
    connection.close()
    port = free_port()
    results = []
    with tempfile.TemporaryDirectory(prefix="dyzo-bench-static-") as static_root:
        environment = production_environment(port, static_root)
        collect_static(environment)
        with gunicorn(port, environment):
            sessions = {
                "worker": log_in(port, personas.worker.username, password),
                "coordinator": log_in(port, personas.coordinator.username, password, device),
            }
            for case_id, persona, path in cases:
                drive(sessions[persona], path, 8, 1, CASE_SECONDS)  # warm-up
                for clients in CLIENTS:
                    latencies, failures, seconds = drive(
                        sessions[persona], path, requests, clients, CASE_SECONDS
                    )
                    result = LoadResult(case_id, persona, clients, latencies, failures, seconds)
                    results.append(result.as_json())
                    _report(result.as_json())
    return results


def _report(case: dict) -> None:
    print(
        f"[http] {case['id']} as {case['as']}, {case['clients']} clients: "
        f"median {case['median_ms']} ms, p95 {case['p95_ms']} ms, {case['rps']} req/s, "
        f"{case['failures']} failures",
        file=sys.stderr,
        flush=True,
    )
