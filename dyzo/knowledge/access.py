"""Who may read and write guides: one helper per object type, used by every view."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from dyzo.knowledge.models import Guide, GuideAttachment, Registration, Training


def get_guide_for_user(user, pk, *, change: bool = False) -> Guide:
    """The guide if the user may read it (404 otherwise: a draft is invisible to workers);
    403 when `change` is asked by a user who may not write guides."""
    guide = get_object_or_404(
        Guide.objects.readable_by(user).select_related("topic", "updated_by"), pk=pk
    )
    if change and not user.has_perm("knowledge.change_guide"):
        raise PermissionDenied
    return guide


def get_attachment_for_user(user, guide_pk, pk) -> GuideAttachment:
    guide = get_guide_for_user(user, guide_pk)
    return get_object_or_404(GuideAttachment.objects.select_related("guide"), guide=guide, pk=pk)


def get_training_for_user(user, pk, *, change: bool = False) -> Training:
    """Every role that may see trainings sees all of them (they hold no personal data);
    403 when `change` is asked by a user who may not plan trainings."""
    if not user.has_perm("knowledge.view_training"):
        raise PermissionDenied
    training = get_object_or_404(Training.objects.with_counts().select_related("topic"), pk=pk)
    if change and not user.has_perm("knowledge.change_training"):
        raise PermissionDenied
    return training


def get_registration_for_user(user, pk) -> Registration:
    """A worker's own registration, or any for a coordinator; else 404."""
    return get_object_or_404(
        Registration.objects.visible_to(user).select_related("training", "municipality", "worker"),
        pk=pk,
    )


def get_municipality_for_figures(user, nis_code: str):
    """A municipality whose aggregate figures the user may see: any for readers of the
    cooperation report (coordinators, analysts, administrators), their own for a municipal
    worker (404 for another), 403 for everyone else."""
    from dyzo.localgov.models import Municipality

    queryset = Municipality.objects.select_related("province")
    if user.has_perm("insights.view_cooperation_report"):
        return get_object_or_404(queryset, nis_code=nis_code)
    if user.is_authenticated and user.is_municipal_worker:
        return get_object_or_404(queryset.filter(pk__in=user.municipality_ids()), nis_code=nis_code)
    raise PermissionDenied
