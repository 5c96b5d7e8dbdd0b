"""Module 02: pulling obscured phones, e-mails and handles out of directory profiles through a JSON API, normalised."""
