"""Renders of a built world: public/ (site.sqlite, pictures, briefs), productions, the large ledger."""
