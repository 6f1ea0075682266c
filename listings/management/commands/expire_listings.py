"""Expire postings whose validity period has ended: `manage.py expire_listings` (for cron). Idempotent."""

from django.core.management.base import BaseCommand

from listings.postings import expire_overdue


class Command(BaseCommand):
    help = "Expire transaction and financing postings whose validity period has ended."

    def handle(self, *args, **options):
        count = expire_overdue()
        self.stdout.write(f"Expired {count} posting(s).")
