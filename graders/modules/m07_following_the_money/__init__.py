"""Module 07: loading bank productions, funnel accounts, one payer, the organisers abroad, typology labels, a peel chain."""
