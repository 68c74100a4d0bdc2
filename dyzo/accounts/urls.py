from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from dyzo.accounts import views
from dyzo.audit.reads import shows_no_personal_data


def _page(view_class, **initkwargs):
    """Django's own account pages, which show no personal data (dyzo/audit/reads.py)."""
    return shows_no_personal_data(view_class.as_view(**initkwargs))


app_name = "accounts"

urlpatterns = [
    path("login/", _page(auth_views.LoginView, redirect_authenticated_user=True), name="login"),
    path("logout/", _page(auth_views.LogoutView), name="logout"),
    path("2fa/", views.two_factor, name="two_factor"),
    path("choices/experts/", views.expert_choices, name="expert_choices"),
    path("2fa/setup/", views.two_factor_setup, name="two_factor_setup"),
    path(
        "password-reset/",
        _page(
            auth_views.PasswordResetView,
            success_url=reverse_lazy("accounts:password_reset_done"),
            email_template_name="registration/password_reset_email.txt",
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/", _page(auth_views.PasswordResetDoneView), name="password_reset_done"
    ),
    path(
        "reset/<uidb64>/<token>/",
        _page(
            auth_views.PasswordResetConfirmView,
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/", _page(auth_views.PasswordResetCompleteView), name="password_reset_complete"
    ),
]
