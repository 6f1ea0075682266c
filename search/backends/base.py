"""What both search backends share: field weights and the error that makes a search fall back."""

# Field weights: a word in the title counts ten times one in the body; keywords five times.
WEIGHTS = {"title": 10.0, "body": 1.0, "terms": 5.0}


class SearchUnavailable(Exception):
    """The backend cannot answer right now (Elasticsearch down); the caller falls back."""
