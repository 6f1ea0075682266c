"""Seeding reference rows (districts, industries, service categories) so that running it again changes
nothing: a row is saved only when it is new or differs, so nothing that listens to saves (the search
outbox re-indexing every institution of a district, say) is disturbed by a repeated `load_demo`."""


def seed_row(model, lookup, values):
    """Creates the row matching `lookup` with `values`, or updates the fields that differ; returns it."""
    row, created = model.objects.get_or_create(**lookup, defaults=values)
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    if not created and changed:
        for name in changed:
            setattr(row, name, values[name])
        row.save(update_fields=changed)
    return row


def with_english_name(model, values, name_en):
    """`values` with the English name when `model` has the field: the first seeding migrations run this code
    with the historical model, from before reference rows had English names."""
    if any(field.name == "name_en" for field in model._meta.get_fields()):
        return {**values, "name_en": name_en}
    return values
