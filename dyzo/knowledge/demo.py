"""Demo guides, written for the demo (general orientation, no legal advice): one or more per
topic, one of them still a draft; triages of the demo workers with each outcome; a past
training with attendance and evaluations and an upcoming one with a registration. Safe to
run again: a guide with the same title is kept, triages and trainings are added once."""

import datetime

from django.utils import timezone

from dyzo.accounts.models import User
from dyzo.knowledge import services, surveys, trainings
from dyzo.knowledge.constants import TOPICS, GuideStatus, RegistrationStatus, TriageQuestion
from dyzo.knowledge.demo_gent import build_gent_year, gent_workers
from dyzo.knowledge.models import Guide, Registration, Survey, Topic, Training, Triage
from dyzo.localgov.constants import PartyKind

# (topic slug, title, summary, body, status)
GUIDES = [
    (
        "first-signals",
        "Eerste signalen dat een zelfstandige het moeilijk heeft",
        "Waar u aan het loket op let, nog voor de ondernemer zelf om hulp vraagt.",
        "Ondernemers vragen zelden uit zichzelf hulp. Let op signalen zoals herhaalde "
        "aanmaningen of dagvaardingen, een vraag naar leefloon of voedselhulp van iemand "
        "die nog een zaak heeft, uitgestelde betalingen van gemeentebelastingen, of een "
        "zaak die vaker gesloten is dan vroeger.\n\n"
        "Vraag open en zonder oordeel hoe het met de zaak gaat. Noteer geen gegevens die u "
        "niet nodig hebt. Gebruik de triage in het portaal om te beslissen of u zelf "
        "antwoordt, Dyzo om advies vraagt of een hulpvraag doorstuurt.",
        GuideStatus.PUBLISHED,
    ),
    (
        "social-security",
        "Het overbruggingsrecht in het kort",
        "Een vervangingsinkomen voor zelfstandigen die hun activiteit moeten stoppen.",
        "Het overbruggingsrecht is een uitkering van het sociaal statuut der zelfstandigen "
        "voor wie de activiteit stopzet door bijvoorbeeld een faillissement, een "
        "collectieve schuldenregeling of economische moeilijkheden.\n\n"
        "De ondernemer vraagt het aan bij het eigen sociaal verzekeringsfonds. Verwijs "
        "daarvoor door en help de ondernemer de nodige stukken te verzamelen. Twijfelt u "
        "of iemand in aanmerking komt, vraag het Dyzo per telefoon of e-mail.",
        GuideStatus.PUBLISHED,
    ),
    (
        "tax-and-contribution-debts",
        "Achterstallige sociale bijdragen en belastingschulden",
        "Eerst ordenen, dan onderhandelen: uitstel en afbetaling zijn vaak mogelijk.",
        "Laat de ondernemer alle aanmaningen en aanslagbiljetten verzamelen en zet de "
        "schulden op een rij: sociale bijdragen, btw, personenbelasting en leveranciers.\n\n"
        "Voor sociale bijdragen kan de ondernemer bij het sociaal verzekeringsfonds een "
        "afbetalingsplan of vrijstelling vragen. Voor belastingschulden kan een "
        "afbetalingsplan worden gevraagd bij de ontvanger. Wacht niet tot er een "
        "dagvaarding of beslag is: vroeg contact opnemen geeft meer mogelijkheden.",
        GuideStatus.PUBLISHED,
    ),
    (
        "collective-debt-settlement",
        "Wanneer een collectieve schuldenregeling?",
        "Een gerechtelijke procedure voor wie zijn schulden duurzaam niet kan betalen.",
        "Een collectieve schuldenregeling vraagt men aan bij de arbeidsrechtbank. Een "
        "schuldbemiddelaar maakt dan een aanzuiveringsregeling op. Een zelfstandige die "
        "nog handelaar is, komt er niet voor in aanmerking: voor ondernemingen bestaan de "
        "procedures van het insolventierecht.\n\n"
        "Is de activiteit al stopgezet, dan kan de schuldenregeling wel een uitweg zijn. "
        "Twijfelt u welke procedure past, verwijs dan door naar Dyzo.",
        GuideStatus.PUBLISHED,
    ),
    (
        "bankruptcy",
        "Na het faillissement: opnieuw beginnen",
        "Kwijtschelding, het overbruggingsrecht en een nieuwe start.",
        "Na een faillissement kan de ondernemer die een natuurlijke persoon is, "
        "kwijtschelding vragen van de resterende schulden. De curator en de rechtbank "
        "volgen de procedure op.\n\n"
        "Wijs de ondernemer op het overbruggingsrecht en op begeleiding bij een nieuwe "
        "start. Faillissementen zijn geen eindpunt: veel ondernemers beginnen later "
        "opnieuw, beter voorbereid.",
        GuideStatus.PUBLISHED,
    ),
    (
        "referral",
        "Wanneer verwijst u door naar Dyzo?",
        "De drie uitkomsten van de triage en wat u bij een doorverwijzing meegeeft.",
        "Kunt u de vraag beantwoorden met een gids, doe dat dan zelf. Is de vraag "
        "specifiek maar kort, vraag Dyzo dan per telefoon of e-mail om advies. Zijn er "
        "meerdere schulden, dreigt een dagvaarding of faillissement of twijfelt de "
        "ondernemer of de zaak leefbaar is, stuur dan een hulpvraag door in het portaal.\n\n"
        "Geef bij een hulpvraag alleen wat Dyzo nodig heeft om te starten: naam, "
        "ondernemingsnummer en fase van de onderneming.",
        GuideStatus.PUBLISHED,
    ),
    (
        "referral",
        "Samenwerken met het OCMW bij een leefloonaanvraag",
        "Ontwerp: nog te bespreken met de VVSG.",
        "Dit ontwerp beschrijft hoe het OCMW en Dyzo samenwerken wanneer een zelfstandige "
        "leefloon aanvraagt en het inkomen uit de zaak onduidelijk is.",
        GuideStatus.DRAFT,
    ),
]


# Triage walks: (worker, party kind, topic slug, questions answered "yes").
TRIAGES = [
    ("worker_gent", PartyKind.OCMW, "first-signals", ["guide_answers"]),
    ("worker_gent", PartyKind.OCMW, "social-security", ["guide_answers"]),
    ("worker_gent", PartyKind.GEMEENTE, "tax-and-contribution-debts", []),
    ("worker_gent", PartyKind.OCMW, "bankruptcy", ["procedure"]),
    ("worker_gent", PartyKind.OCMW, "tax-and-contribution-debts", ["several_debts", "viability"]),
    ("worker_aalst", PartyKind.OCMW, "referral", ["guide_answers"]),
    ("worker_aalst", PartyKind.OCMW, "collective-debt-settlement", []),
]


def ensure_topics() -> None:
    for position, (slug, name, name_en) in enumerate(TOPICS, start=1):
        Topic.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "position": position}
        )


def build_users() -> None:
    """Gent's extra demo staff, made by load_demo before any app's demo data, so that the
    agreements demo notifies them on the first run as on every later one."""
    gent_workers()


def build_demo(stdout) -> None:
    ensure_topics()
    gent_workers()  # Gent's extra demo staff attend the past training too.
    author = User.objects.get(username="lawyer")
    created = 0
    for slug, title, summary, body, status in GUIDES:
        if Guide.objects.filter(title=title).exists():
            continue
        data = {
            "topic": Topic.objects.get(slug=slug),
            "title": title,
            "summary": summary,
            "body": body,
            "language": "nl",
            "status": status,
        }
        services.save_guide(data, change_note="Eerste versie", actor=author)
        created += 1
    stdout.write(f"Knowledge: {created} new guides, {_triages()} new triages.")
    stdout.write(f"Knowledge: {_trainings()} new trainings.")
    build_gent_year(stdout)
    stdout.write(f"Knowledge: {_surveys()} surveys answered.")


def _triages() -> int:
    if Triage.objects.exists():
        return 0
    for username, kind, slug, yes in TRIAGES:
        worker = User.objects.get(username=username)
        answers = {question: question in yes for question in TriageQuestion.values}
        services.record_triage(
            answers,
            party=worker.parties.get(kind=kind),
            topic=Topic.objects.get(slug=slug),
            actor=worker,
        )
    return len(TRIAGES)


def _training_data(title, slug, starts_at, **extra) -> dict:
    return {
        "title": title,
        "topic": Topic.objects.get(slug=slug),
        "description": "Vorming voor medewerkers van gemeenten en OCMW's.",
        "starts_at": starts_at,
        "ends_at": starts_at + datetime.timedelta(hours=3),
        "place": "Gent, Dyzo-kantoor",
        "online": False,
        "capacity": 20,
        "trainers": "Jan Jurist, Bea Boekhouder",
        "with_vvsg": True,
        **extra,
    }


def _trainings() -> int:
    if Training.objects.exists():
        return 0
    coordinator = User.objects.get(username="coordinator")
    workers = [*gent_workers(), User.objects.get(username="worker_aalst")]
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    past = trainings.save_training(
        _training_data(
            "Eerste signalen herkennen", "first-signals", now - datetime.timedelta(days=30)
        ),
        actor=coordinator,
    )
    # A training in the past takes no registrations through the service: the demo writes the
    # registrations it had, then records attendance and evaluations through the services.
    for worker in workers:
        chosen = worker.parties.order_by("kind").first()
        Registration.objects.create(
            training=past,
            worker=worker,
            municipality=chosen.municipality,
            party=chosen.kind,
            status=RegistrationStatus.REGISTERED,
        )
    trainings.record_attendance(
        past, past.registrations.values_list("pk", flat=True), actor=coordinator
    )
    scores_given = [(5, 4, 5), (4, 4, 3), (5, 5, 4), (3, 4, 4), (4, 5, 5), (5, 4, 4), (4, 3, 4)]
    for registration, scores in zip(past.registrations.order_by("id"), scores_given, strict=True):
        data = dict(zip(trainings.SCORES, scores, strict=True), comment="Heel bruikbaar.")
        trainings.evaluate(registration, data, actor=registration.worker)
    upcoming = trainings.save_training(
        _training_data(
            "Schulden aan sociale bijdragen en belastingen",
            "tax-and-contribution-debts",
            now + datetime.timedelta(days=21),
            online=True,
            place="",
        ),
        actor=coordinator,
    )
    trainings.register(upcoming, party=workers[1].parties.first(), actor=workers[1])
    return 2


# Answers to the surveys of the delivered demo reports: (usefulness, clarity, timeliness).
SURVEY_ANSWERS = [(5, 4, 4), (4, 5, 3), (5, 5, 5), (3, 4, 2), (4, 4, 4)] * 4


def _surveys() -> int:
    """Answer the waiting surveys of the delivered demo reports, but leave the last one
    waiting so the portal shows a survey to answer."""
    waiting = list(Survey.objects.waiting().select_related("report__dossier").order_by("id"))
    for survey, scores in zip(waiting[:-1], SURVEY_ANSWERS, strict=False):
        data = dict(zip(surveys.SCORES, scores, strict=True), comment="Duidelijk rapport.")
        worker = survey.report.dossier.referring_worker
        surveys.answer_survey(survey, data, actor=worker)
    return min(len(waiting[:-1]), len(SURVEY_ANSWERS))
