"""Module 04: recruitment offers on social media by indicators in combination; accounts, front, links."""
