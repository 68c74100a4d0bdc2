"""An issued invoice or credit note cannot change or disappear (docs/billing.md).

PostgreSQL: triggers refuse UPDATE and DELETE of an issued invoice row, and any INSERT,
UPDATE or DELETE of a line of an issued invoice. Issuing itself is an UPDATE of a draft row
and passes. TRUNCATE (Django's `flush`, run by the table owner) is left alone. Other
databases rely on the services and the model's own guards.
"""

from django.db import migrations

PG_INSTALL = """
CREATE OR REPLACE FUNCTION billing_invoice_refuse_change() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'issued' THEN
        RAISE EXCEPTION 'issued invoices are immutable (% refused)', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER billing_invoice_immutable
    BEFORE UPDATE OR DELETE ON billing_invoice
    FOR EACH ROW EXECUTE FUNCTION billing_invoice_refuse_change();

CREATE OR REPLACE FUNCTION billing_invoiceline_refuse_change() RETURNS trigger AS $$
DECLARE
    target integer;
BEGIN
    IF TG_OP = 'INSERT' THEN
        target := NEW.invoice_id;
    ELSE
        target := OLD.invoice_id;
    END IF;
    IF EXISTS (SELECT 1 FROM billing_invoice WHERE id = target AND status = 'issued') THEN
        RAISE EXCEPTION 'lines of issued invoices are immutable (% refused)', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER billing_invoiceline_immutable
    BEFORE INSERT OR UPDATE OR DELETE ON billing_invoiceline
    FOR EACH ROW EXECUTE FUNCTION billing_invoiceline_refuse_change();
"""
PG_REMOVE = """
DROP TRIGGER IF EXISTS billing_invoice_immutable ON billing_invoice;
DROP FUNCTION IF EXISTS billing_invoice_refuse_change();
DROP TRIGGER IF EXISTS billing_invoiceline_immutable ON billing_invoiceline;
DROP FUNCTION IF EXISTS billing_invoiceline_refuse_change();
"""


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_INSTALL, params=None)


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_REMOVE, params=None)


class Migration(migrations.Migration):
    dependencies = [("billing", "0001_billing_parties_invoices_payments")]

    operations = [migrations.RunPython(install, remove, elidable=False)]
