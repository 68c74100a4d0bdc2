import io

import pytest
from pypdf import PdfReader

from django.urls import reverse

from dyzo.accounts.tests.factories import UserFactory
from dyzo.conftest import party
from dyzo.knowledge import trainings as services
from dyzo.knowledge.constants import RegistrationStatus
from dyzo.knowledge.errors import TrainingError
from dyzo.knowledge.models import Registration
from dyzo.knowledge.pdf import attendance_certificate_pdf
from dyzo.knowledge.tests.factories import RegistrationFactory, TrainingFactory
from dyzo.localgov.constants import PartyKind
from dyzo.localgov.models import Municipality
from dyzo.outreach.constants import ContactKind
from dyzo.outreach.models import Contact

pytestmark = pytest.mark.issue(10)


def _workers(count, nis_code="44021"):
    return [
        UserFactory(municipal_worker=True, parties=[party(nis_code, PartyKind.OCMW)])
        for _ in range(count)
    ]


def _register(training, worker):
    return services.register(training, party=worker.parties.get(), actor=worker)


def test_beyond_capacity_goes_to_the_waiting_list(registry):
    training = TrainingFactory(capacity=2)
    statuses = [_register(training, worker).status for worker in _workers(3)]
    assert statuses == [
        RegistrationStatus.REGISTERED,
        RegistrationStatus.REGISTERED,
        RegistrationStatus.WAITING,
    ]


def test_a_cancellation_gives_the_place_to_the_first_waiting(registry):
    training = TrainingFactory(capacity=1)
    first, second, third = (_register(training, worker) for worker in _workers(3))
    promoted = services.cancel_registration(first, actor=first.worker)
    assert promoted == second
    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.status, third.status) == (RegistrationStatus.REGISTERED, "waiting")


def test_registering_twice_is_refused_but_again_after_cancelling(registry):
    training = TrainingFactory()
    [worker] = _workers(1)
    registration = _register(training, worker)
    with pytest.raises(TrainingError):
        _register(training, worker)
    services.cancel_registration(registration, actor=worker)
    assert _register(training, worker).status == RegistrationStatus.REGISTERED
    assert Registration.objects.count() == 1


def test_a_started_training_takes_no_registrations(registry):
    [worker] = _workers(1)
    with pytest.raises(TrainingError):
        _register(TrainingFactory(past=True), worker)


def test_attendance_is_one_outreach_contact_per_attending_municipality(registry, coordinator):
    def municipality(nis_code):
        return Municipality.objects.get(nis_code=nis_code)

    training = TrainingFactory(past=True)
    gent = [RegistrationFactory(training=training) for _ in range(2)]
    aalst = RegistrationFactory(training=training, municipality=municipality("41002"))
    absent = RegistrationFactory(training=training, municipality=municipality("11002"))
    attended = [r.pk for r in [*gent, aalst]]
    assert services.record_attendance(training, attended, actor=coordinator) == 3
    services.record_attendance(training, attended, actor=coordinator)  # Idempotent.
    contacts = Contact.objects.filter(kind=ContactKind.TRAINING_GIVEN)
    assert sorted(contacts.values_list("municipality__nis_code", flat=True)) == ["41002", "44021"]
    services.record_attendance(training, [gent[0].pk], actor=coordinator)
    assert list(contacts.values_list("municipality__nis_code", flat=True)) == ["44021"]
    absent.refresh_from_db()
    assert absent.attended is False


def test_only_attendees_evaluate_once_with_scores_1_to_5(registry):
    registration = RegistrationFactory(attended_past=True)
    scores = {"content": 4, "trainers": 5, "usefulness": 3, "comment": "Nuttig"}
    with pytest.raises(TrainingError):
        services.evaluate(registration, {**scores, "content": 6}, actor=registration.worker)
    services.evaluate(registration, scores, actor=registration.worker)
    with pytest.raises(TrainingError):
        services.evaluate(registration, scores, actor=registration.worker)
    not_there = RegistrationFactory(training=registration.training, attended=False)
    with pytest.raises(TrainingError):
        services.evaluate(not_there, scores, actor=not_there.worker)


def test_the_certificate_is_a_dutch_pdf(registry):
    registration = RegistrationFactory(attended_past=True, worker__first_name="Els")
    text = PdfReader(io.BytesIO(attendance_certificate_pdf(registration))).pages[0].extract_text()
    assert "Aanwezigheidsattest" in text
    assert "Els" in text and registration.training.title in text


def test_a_worker_registers_on_the_page(client, worker_of_gent):
    training = TrainingFactory(capacity=1)
    client.force_login(worker_of_gent)
    client.post(
        reverse("knowledge:training_register", args=[training.pk]),
        {"on_behalf_of": worker_of_gent.parties.first().pk},
    )
    page = client.get(reverse("knowledge:training_detail", args=[training.pk])).content.decode()
    assert "Ingeschreven" in page


def test_another_worker_s_certificate_is_not_found(client, worker_of_aalst):
    registration = RegistrationFactory(attended_past=True)
    client.force_login(worker_of_aalst)
    url = reverse("knowledge:registration_certificate", args=[registration.pk])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("rows", [1, 20])
def test_the_list_costs_a_fixed_number_of_queries(
    client, worker_of_gent, rows, django_assert_num_queries
):
    for training in TrainingFactory.create_batch(rows):
        RegistrationFactory(training=training, worker=worker_of_gent)
    client.force_login(worker_of_gent)
    # Session, user, the role's permissions, the page of trainings with their counts, the
    # worker's own registrations on that page.
    with django_assert_num_queries(5):
        response = client.get(reverse("knowledge:training_list"))
    assert len(response.context["page"].items) == rows
