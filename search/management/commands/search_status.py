"""Compares what the search index holds with what the database says is public, and lists the drift."""

from django.core.management.base import BaseCommand, CommandError

from search.indexing import outbox_summary, status

SHOW = 10


class Command(BaseCommand):
    help = "比较索引与数据库的文档数并列出差异。 Compares index document counts with the database."

    def add_arguments(self, parser):
        parser.add_argument("types", nargs="*", help="only these search types (default: all)")

    def handle(self, *args, types=(), **options):
        try:
            report = status(types or None)
        except ValueError as error:
            raise CommandError(f"Unknown search type: {error}") from error
        drift = False
        for entry in report:
            counts = ", ".join(f"{backend} {n}" for backend, n in entry.indexed.items())
            line = f"{entry.name} ({entry.label}): database {entry.database}, {counts}"
            if not entry.drift:
                self.stdout.write(self.style.SUCCESS(f"{line} — in step"))
                continue
            drift = True
            self.stdout.write(self.style.WARNING(f"{line} — DRIFT"))
            for backend in entry.indexed:
                if entry.missing[backend]:
                    shown = ", ".join(entry.missing[backend][:SHOW])
                    self.stdout.write(f"  missing from {backend} ({len(entry.missing[backend])}): {shown}")
                if entry.stale[backend]:
                    shown = ", ".join(entry.stale[backend][:SHOW])
                    self.stdout.write(f"  not public but in {backend} ({len(entry.stale[backend])}): {shown}")
        outbox = outbox_summary()
        self.stdout.write(f"outbox: {outbox['pending']} pending, {outbox['failing']} failing")
        if drift:
            self.stdout.write(self.style.WARNING("Run `manage.py search_reindex` to rebuild."))
