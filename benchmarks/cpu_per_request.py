"""Application CPU per request, measured in process with time.process_time (database included
on SQLite): the median of N requests per page and persona, through Django's test client.

    DATABASE_URL=sqlite:///var/bench.sqlite3 python -m benchmarks.cpu_per_request [--runs 50]

Needs the registry and the demo data (load_localgov, load_demo). Prints one line per case.
"""

import argparse
import gc
import os
import statistics
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dyzo.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from dyzo.accounts.models import User  # noqa: E402
from dyzo.dossiers.models import Dossier  # noqa: E402

CASES = [
    ("dossier_list_html", "worker_gent", "/dossiers/"),
    ("dossier_list_api", "worker_gent", "/api/v1/dossiers/"),
    ("dossier_detail_html", "worker_gent", "detail"),
    ("portal_home", "worker_gent", "/portal/"),
    ("dossier_list_html", "lawyer", "/dossiers/"),
    ("dossier_list_html", "coordinator", "/dossiers/"),
    ("home", "coordinator", "/"),
]


def client_for(username: str) -> Client:
    settings.ALLOWED_HOSTS = ["*"]
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    user = User.objects.get(username=username)
    client.force_login(user)
    device = user.totpdevice_set.filter(confirmed=True).first()
    if device is not None:
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client


def measure(client: Client, url: str, runs: int) -> tuple[float, int, int]:
    client.get(url)  # warm caches and imports
    times = []
    for _ in range(runs):
        start = time.process_time()
        response = client.get(url)
        times.append((time.process_time() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(times), len(queries), response.status_code


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    runs = parser.parse_args().runs
    # As production runs (and benchmarks.run): no query log, the loaded app frozen.
    settings.DEBUG = False
    gc.freeze()
    for case, username, url in CASES:
        client = client_for(username)
        if url == "detail":
            user = User.objects.get(username=username)
            url = f"/dossiers/{Dossier.objects.visible_to(user).order_by('id').first().pk}/"
        cpu, queries, status = measure(client, url, runs)
        print(f"{case:<22} {username:<12} {cpu:7.1f} ms cpu  {queries:3d} queries  {status}")


if __name__ == "__main__":
    main()
