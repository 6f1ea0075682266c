"""The embedded backend's full-text index on PostgreSQL: a tsvector column on the entries, written lexeme
by lexeme (no text parser, so no locale can split Chinese), queried with ts_rank."""


def _lexeme(token):
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def match_expression(groups):
    parts = []
    for group in groups:
        options = []
        for alternative in group.alternatives:
            joined = " & ".join(_lexeme(t) for t in alternative)
            options.append(f"({joined})" if len(alternative) > 1 else joined)
        options.extend(f"{_lexeme(p)}:*" for p in group.prefixes)
        parts.append("(" + " | ".join(options) + ")")
    return " & ".join(parts)


def tsvector_literal(tokens):
    """A tsvector written out lexeme by lexeme (no text parser, so no locale can split Chinese)."""
    positions = {}
    position = 0
    for field_name, weight in (("title", "A"), ("terms", "B"), ("body", "C")):
        for token in tokens[field_name].split():
            position = min(position + 1, 16383)
            positions.setdefault(token, []).append(f"{position}{weight}")
    return " ".join(f"{_lexeme(token)}:{','.join(places[:256])}" for token, places in positions.items())


class PostgreSQLFullText:
    dates_as_text = False

    def match(self, groups):
        return (
            "SELECT id, ts_rank('{0.1, 0.1, 0.5, 1.0}', vector, q, 1) AS score "
            "FROM search_searchentry, CAST(%s AS tsquery) AS q WHERE vector @@ q",
            "SELECT id FROM search_searchentry WHERE vector @@ CAST(%s AS tsquery)",
            [match_expression(groups)],
        )

    def write(self, cursor, rows):
        cursor.executemany(
            "UPDATE search_searchentry SET vector = %s::tsvector WHERE id = %s",
            [(tsvector_literal(tokens), pk) for pk, tokens in rows],
        )

    def delete(self, cursor, pks):
        """The vector goes with its entry's row."""
