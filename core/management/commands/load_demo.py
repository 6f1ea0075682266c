"""Load the demo data of every app: `manage.py load_demo`. Running it again changes nothing."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from core.scenarios import demo_apps


class Command(BaseCommand):
    help = "Load demo data (site tree, organisations, users, content). Idempotent."

    def handle(self, *args, **options):
        logins = []
        # The demo's stories happened in the past: the e-mails their steps queue are not sent now.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            with transaction.atomic():
                # Each app's demo module loads after the apps whose records its stories use (its REQUIRES).
                for _name, module in demo_apps():
                    logins.extend(module.load(self.stdout) or [])
        self.stdout.write(self.style.SUCCESS("Demo data is loaded."))
        if logins:
            self.stdout.write("\nDemo log-ins (演示账户):")
            for role, email, password in logins:
                self.stdout.write(f"  {role:<30} {email:<28} {password}")
            self.stdout.write("")
