"""Module 01: scraping an ad site politely into a table (listing pages, ad pages, robots.txt, pacing)."""
