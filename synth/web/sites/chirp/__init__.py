"""chirp.example: pages, the keyed JSON API, its reads and its API keys."""
