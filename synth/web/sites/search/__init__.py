"""search.example (Seekr): search pages, the full-text index and its sources, image search, username lookup."""
