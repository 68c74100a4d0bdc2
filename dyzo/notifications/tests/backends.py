"""A mail backend for tests: delivers to django.core.mail.outbox, or fails like an SMTP
server that is down while `FlakySMTPBackend.down` is true."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend


class FlakySMTPBackend(EmailBackend):
    down = False

    def send_messages(self, messages):
        if type(self).down:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)
