"""Module 03: linking ads across sites by shared selectors, names across scripts and near-duplicate text."""
