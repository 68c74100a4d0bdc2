"""The topics of the guides (constants.TOPICS). Data every installation needs."""

from django.db import migrations

from dyzo.knowledge.constants import TOPICS



def add_topics(apps, schema_editor):
    Topic = apps.get_model("knowledge", "Topic")
    for position, (slug, name, name_en) in enumerate(TOPICS, start=1):
        Topic.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0002_full_text_search")]

    operations = [migrations.RunPython(add_topics, migrations.RunPython.noop)]
