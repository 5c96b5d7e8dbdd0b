"""Module 04: recruitment offers on social media by indicators in combination; the recruiters' accounts, their front, links to the ads."""
