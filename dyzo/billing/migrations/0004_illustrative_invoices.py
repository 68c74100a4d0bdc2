"""Demo invoices may go, real ones never (docs/billing.md).

An invoice copies its buyer's `illustrative` flag when it is drafted. The immutability
triggers of 0002 now let an issued invoice (and its lines) change or go only when that flag
is set, so the demo can refresh itself as the application role, which may not switch the
triggers off (docs/deployment.md). The flag of an issued real invoice cannot be set: that
would be an UPDATE of an issued row, which the same trigger refuses.
"""

from django.db import migrations, models

PG_INSTALL = """
CREATE OR REPLACE FUNCTION billing_invoice_refuse_change() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'issued' AND NOT OLD.illustrative THEN
        RAISE EXCEPTION 'issued invoices are immutable (% refused)', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION billing_invoiceline_refuse_change() RETURNS trigger AS $$
DECLARE
    target integer;
BEGIN
    IF TG_OP = 'INSERT' THEN
        target := NEW.invoice_id;
    ELSE
        target := OLD.invoice_id;
    END IF;
    IF EXISTS (
        SELECT 1 FROM billing_invoice WHERE id = target AND status = 'issued' AND NOT illustrative
    ) THEN
        RAISE EXCEPTION 'lines of issued invoices are immutable (% refused)', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_INSTALL, params=None)


class Migration(migrations.Migration):
    dependencies = [("billing", "0003_payment_window_code_dates_constraint_messages")]

    operations = [
        migrations.AddField(
            model_name="invoice",
            name="illustrative",
            field=models.BooleanField(
                default=False,
                editable=False,
                help_text=(
                    "Made for the demo to a party with illustrative details; only such an "
                    "invoice may be removed once issued (by the demo refreshing itself)."
                ),
                verbose_name="illustrative",
            ),
        ),
        # Reversing keeps the functions as they are: 0002's removal drops them.
        migrations.RunPython(install, migrations.RunPython.noop, elidable=False),
    ]
