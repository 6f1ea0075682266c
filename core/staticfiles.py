"""Single files of npm packages served as our static files, without collecting the rest of the package.

ECharts' `dist/` holds some fifty megabytes of builds (ES modules, source maps, the common and simple
builds); the pages load one of them. `STATICFILES_FILES` maps each static path served to the file it
comes from, and this finder offers exactly those files to `collectstatic` and to the development server.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core import checks
from django.core.files.storage import FileSystemStorage


class SingleFileFinder(BaseFinder):
    def __init__(self, *args, **kwargs):
        self.files = {path: Path(source) for path, source in getattr(settings, "STATICFILES_FILES", {}).items()}

    # A warning, as Django's own check of a missing STATICFILES_DIRS entry is: commands that run before the
    # front-end packages are installed (makemigrations --check in a clean checkout) still run, and
    # `make check` fails on warnings once they are.
    def check(self, **kwargs):
        return [
            checks.Warning(f"STATICFILES_FILES: {source} (served as {path}) does not exist.", id="core.W001")
            for path, source in self.files.items()
            if not source.is_file()
        ]

    def find(self, path, find_all=False, **kwargs):
        source = self.files.get(path)
        if source is None or not source.is_file():
            return [] if find_all else None
        return [str(source)] if find_all else str(source)

    def list(self, ignore_patterns):
        for path, source in self.files.items():
            if source.is_file():
                storage = FileSystemStorage(location=str(source.parent))
                # collectstatic copies the storage's file to the path given with it (its prefix + name).
                storage.prefix = str(Path(path).parent)
                yield source.name, storage
