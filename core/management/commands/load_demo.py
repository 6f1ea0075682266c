"""Load the demo data of every app: `manage.py load_demo`. Running it again changes nothing."""

from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Load demo data (site tree, organisations, users, content). Idempotent."

    def handle(self, *args, **options):
        logins = []
        with transaction.atomic():
            # Each local app may have a `demo` module with `load(stdout)`; apps load in LOCAL_APPS order,
            # so an app's demo can rely on the apps listed before it.
            for app_name in settings.LOCAL_APPS:
                module_name = f"{app_name}.demo"
                if find_spec(module_name) is not None:
                    logins.extend(import_module(module_name).load(self.stdout) or [])
        self.stdout.write(self.style.SUCCESS("Demo data is loaded."))
        if logins:
            self.stdout.write("\nDemo log-ins (演示账户):")
            for role, email, password in logins:
                self.stdout.write(f"  {role:<30} {email:<28} {password}")
            self.stdout.write("")
