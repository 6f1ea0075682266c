"""The embedded backend's full-text index on SQLite: an FTS5 table `search_fts` beside the entries,
its rowid the entry's id, queried with BM25."""

from .base import WEIGHTS


def match_expression(groups):
    def quote(token):
        return '"' + token.replace('"', '""') + '"'

    parts = []
    for group in groups:
        options = []
        for alternative in group.alternatives:
            options.append(
                " AND ".join(quote(t) for t in alternative) if len(alternative) > 1 else quote(alternative[0])
            )
            if len(alternative) > 1:
                options[-1] = f"({options[-1]})"
        options.extend(f"{quote(p)}*" for p in group.prefixes)
        parts.append("(" + " OR ".join(options) + ")")
    return " AND ".join(parts)


class SQLiteFullText:
    # SQLite answers dates as text.
    dates_as_text = True

    def match(self, groups):
        weights = ", ".join(str(WEIGHTS[f]) for f in ("title", "body", "terms"))
        return (
            f"SELECT rowid AS id, -bm25(search_fts, {weights}) AS score FROM search_fts WHERE search_fts MATCH %s",
            "SELECT rowid FROM search_fts WHERE search_fts MATCH %s",
            [match_expression(groups)],
        )

    def write(self, cursor, rows):
        cursor.executemany(
            "INSERT INTO search_fts (rowid, title, body, terms) VALUES (%s, %s, %s, %s)",
            [(pk, tokens["title"], tokens["body"], tokens["terms"]) for pk, tokens in rows],
        )

    def delete(self, cursor, pks):
        placeholders = ", ".join(["%s"] * len(pks))
        cursor.execute(f"DELETE FROM search_fts WHERE rowid IN ({placeholders})", pks)
