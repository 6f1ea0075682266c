"""Only the front-end files the pages load are collected (core.staticfiles.SingleFileFinder)."""

from django.contrib.staticfiles import finders


def collected_paths():
    paths = set()
    for finder in finders.get_finders():
        for path, storage in finder.list([]):
            prefix = getattr(storage, "prefix", None)
            paths.add(f"{prefix}/{path}" if prefix else path)
    return paths


def test_the_echarts_build_the_pages_load_is_found():
    found = finders.find("vendor/echarts/echarts.min.js")
    assert found and found.endswith("echarts/dist/echarts.min.js")


def test_no_other_echarts_build_is_collected():
    echarts = {path for path in collected_paths() if path.startswith("vendor/echarts/")}
    assert echarts == {"vendor/echarts/echarts.min.js"}


def test_a_single_file_that_is_missing_is_reported_by_the_checks(settings, tmp_path):
    finder = finders.get_finder("core.staticfiles.SingleFileFinder")
    assert finder.check() == []
    settings.STATICFILES_FILES = {"vendor/gone.js": tmp_path / "gone.js"}
    errors = type(finder)().check()
    assert [error.id for error in errors] == ["core.W001"]
