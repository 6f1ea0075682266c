"""`make bench`: runs every benchmark and writes docs/benchmarks.md."""

from bench import search

if __name__ == "__main__":
    search.main()
