"""The course's modules, one package each, found by discovery (graders.modules.registry).

A package ``mNN_slug`` holds ``spec.py`` (the module's id, title and questions with their points),
``answers.py`` (reading a trainee's answers and the self-check's feedback), ``method.py`` where the
module has a reference method, and ``checks.py`` (the hidden checks, scored against the answer key).
Only ``checks.py`` may reach the key: everything else is what a trainee's notebook may import.
"""
