"""State changes of trainings: registration with a waiting list, cancellation, attendance
(which counts as an outreach contact per attending municipality) and evaluation."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dyzo.audit import audit
from dyzo.knowledge.constants import EvaluationScore, RegistrationStatus
from dyzo.knowledge.errors import TrainingError
from dyzo.knowledge.models import Evaluation, Registration, Training
from dyzo.notifications.services import notify
from dyzo.outreach.constants import ContactKind
from dyzo.outreach.services import create_contact

TRAINING_FIELDS = [
    "title",
    "topic",
    "description",
    "starts_at",
    "ends_at",
    "place",
    "online",
    "capacity",
    "trainers",
    "with_vvsg",
]
SCORES = ["content", "trainers", "usefulness"]


def _check_training(values: dict) -> None:
    if not str(values.get("title") or "").strip() or not str(values.get("trainers") or "").strip():
        raise TrainingError(_("A training needs a title and its trainers."))
    if not values.get("starts_at") or not values.get("ends_at"):
        raise TrainingError(_("Give the start and the end of the training."))
    if values["ends_at"] <= values["starts_at"]:
        raise TrainingError(_("The training must end after it starts."))
    if not values.get("online") and not str(values.get("place") or "").strip():
        raise TrainingError(_("Give the place of the training, or mark it as online."))
    if not isinstance(values.get("capacity"), int) or values["capacity"] < 1:
        raise TrainingError(_("The capacity must be at least one place."))


@transaction.atomic
def save_training(data: dict, *, actor, training: Training | None = None) -> Training:
    if not actor.has_perm("knowledge.change_training"):
        raise TrainingError(_("Only coordinators plan trainings."))
    values = {field: data.get(field) for field in TRAINING_FIELDS}
    values.update(
        description=values["description"] or "",
        place=values["place"] or "",
        online=bool(values["online"]),
        with_vvsg=bool(values["with_vvsg"]),
    )
    _check_training(values)
    created = training is None
    moved = not created and training.starts_at != values["starts_at"]
    training = training or Training()
    for name, value in values.items():
        setattr(training, name, value)
    training.save()
    audit.log(training, "training.created" if created else "training.changed", actor=actor)
    if moved:
        when = training.starts_at.isoformat()
        for registration in training.registrations.active().select_related("training"):
            notify("training.changed", registration, actor=actor, key=when)
    return training


def _locked(training: Training) -> Training:
    # Every change of a training's places locks its row first, so two registrations at once
    # count the same places one after the other (docs/knowledge.md).
    return Training.objects.select_for_update().get(pk=training.pk)


@transaction.atomic
def register(training: Training, *, party, actor) -> Registration:
    """A place if one is free, else the end of the waiting list."""
    if not actor.is_municipal_worker or not actor.parties.filter(pk=party.pk).exists():
        raise TrainingError(_("Register through your own gemeente or OCMW."))
    training = _locked(training)
    if training.is_past:
        raise TrainingError(_("This training has already started."))
    registration = Registration.objects.filter(training=training, worker=actor).first()
    if registration and registration.status != RegistrationStatus.CANCELLED:
        raise TrainingError(_("You are already registered for this training."))
    taken = training.registrations.filter(status=RegistrationStatus.REGISTERED).count()
    status = (
        RegistrationStatus.REGISTERED if taken < training.capacity else RegistrationStatus.WAITING
    )
    registration = registration or Registration(training=training, worker=actor)
    registration.municipality, registration.party = party.municipality, party.kind
    registration.status, registration.registered_at = status, timezone.now()
    registration.save()
    audit.log(registration, f"training_registration.{status}", actor=actor)
    # The worker registered themself and is told anyway: the confirmation is the point. The
    # key keeps a second registration after a cancellation from being swallowed as a repeat.
    notify(
        f"training.{status}", registration, actor=None, key=registration.registered_at.isoformat()
    )
    return registration


@transaction.atomic
def cancel_registration(registration: Registration, *, actor) -> Registration | None:
    """Cancel; a freed place goes to the first on the waiting list (returned, if any)."""
    if actor != registration.worker and not actor.has_perm("knowledge.change_training"):
        raise TrainingError(_("Only the worker or a coordinator can cancel a registration."))
    training = _locked(registration.training)
    registration = Registration.objects.get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        raise TrainingError(_("This registration was already cancelled."))
    if training.is_past:
        raise TrainingError(_("This training has already started."))
    freed = registration.status == RegistrationStatus.REGISTERED
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status"])
    audit.log(registration, "training_registration.cancelled", actor=actor)
    if not freed:
        return None
    first = (
        training.registrations.filter(status=RegistrationStatus.WAITING)
        .order_by("registered_at", "id")
        .first()
    )
    if first:
        first.status = RegistrationStatus.REGISTERED
        first.save(update_fields=["status"])
        audit.log(first, "training_registration.promoted", actor=actor)
        notify("training.promoted", first, actor=actor, key=first.registered_at.isoformat())
    return first


@transaction.atomic
def record_attendance(training: Training, attended_ids, *, actor) -> int:
    """Mark who of the registered attended; each attending municipality gets one outreach
    contact "training given" for this training (added or removed to match). Returns the
    number of attendees."""
    if not actor.has_perm("knowledge.change_training"):
        raise TrainingError(_("Only coordinators record attendance."))
    training = _locked(training)
    if not training.is_past:
        raise TrainingError(_("Attendance is recorded once the training has started."))
    attended_ids = {int(pk) for pk in attended_ids}
    registered = list(training.registrations.filter(status=RegistrationStatus.REGISTERED))
    for registration in registered:
        registration.attended = registration.pk in attended_ids
        registration.save(update_fields=["attended"])
    _sync_contacts(training, {r.municipality for r in registered if r.attended}, actor=actor)
    count = sum(1 for registration in registered if registration.attended)
    audit.log(training, "training.attendance_recorded", actor=actor, data={"attended": count})
    return count


def _sync_contacts(training: Training, municipalities: set, *, actor) -> None:
    existing = {contact.municipality: contact for contact in training.contacts.all()}
    for municipality, contact in existing.items():
        if municipality not in municipalities:
            training.contacts.remove(contact)
            audit.log(
                training, "training.contact_removed", actor=actor, data={"contact": contact.pk}
            )
            contact.delete()
    for municipality in municipalities - set(existing):
        contact = create_contact(
            municipality,
            actor=actor,
            kind=ContactKind.TRAINING_GIVEN,
            happened_on=timezone.localdate(training.starts_at),
            notes=training.title,
        )
        training.contacts.add(contact)


@transaction.atomic
def evaluate(registration: Registration, data: dict, *, actor) -> Evaluation:
    if actor != registration.worker:
        raise TrainingError(_("Only the attendee evaluates their training."))
    if not registration.attended:
        raise TrainingError(_("Only attendees evaluate a training."))
    if Evaluation.objects.filter(registration=registration).exists():
        raise TrainingError(_("You already evaluated this training."))
    scores = {name: data.get(name) for name in SCORES}
    if not all(score in EvaluationScore.values for score in scores.values()):
        raise TrainingError(_("Give every score from 1 to 5."))
    evaluation = Evaluation.objects.create(
        registration=registration, comment=(data.get("comment") or "").strip(), **scores
    )
    audit.log(registration, "training.evaluated", actor=actor)
    return evaluation
