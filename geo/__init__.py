"""geo: places, events and dates from news articles, on a map."""

__version__ = "0.1.0"
