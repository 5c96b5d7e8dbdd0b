"""Module 07: loading bank productions, funnel accounts, one payer, organisers, typologies, a peel chain."""
