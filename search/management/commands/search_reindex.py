"""Rebuilds the search index from the database without downtime (new index, then an alias swap)."""

from django.core.management.base import BaseCommand, CommandError

from search.indexing import reindex


class ProgressBar:
    def __init__(self, stream, label, total, width=30):
        self.stream, self.label, self.total, self.width = stream, label, max(total, 1), width
        self.interactive = stream.isatty()

    def __call__(self, done):
        filled = int(self.width * min(done, self.total) / self.total)
        line = f"{self.label} [{'#' * filled}{'.' * (self.width - filled)}] {done}/{self.total}"
        if self.interactive:
            self.stream.write("\r" + line, ending="")
            self.stream.flush()
        elif done >= self.total:
            self.stream.write(line)

    def finish(self):
        if self.interactive:
            self.stream.write("")


class Command(BaseCommand):
    help = "重建搜索索引（新建索引后切换别名，不停机）。 Rebuilds the search index with no downtime."

    def add_arguments(self, parser):
        parser.add_argument("types", nargs="*", help="only these search types (default: all)")

    def handle(self, *args, types=(), **options):
        bars = []

        def progress_factory(search_type, backend, total):
            bar = ProgressBar(self.stdout, f"{search_type.name} → {backend.name}", total)
            bars.append(bar)
            return bar

        try:
            counts = reindex(types or None, progress_factory=progress_factory)
        except ValueError as error:
            raise CommandError(f"Unknown search type: {error}") from error
        for bar in bars:
            bar.finish()
        for name, count in counts.items():
            self.stdout.write(self.style.SUCCESS(f"{name}: {count} documents"))
