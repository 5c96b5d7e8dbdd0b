"""Module 02's spec: its id, title and questions (nbgrader grade ids and points), brief and key fields.

A test checks these against the notebook's cell metadata, the world's brief and its answer key section.
"""

from graders.modules.spec_types import ModuleSpec, Question

SPEC = ModuleSpec(
    id="02-selectors-and-normalisation",
    title="Selectors and normalisation",
    questions=(
        Question("q1-phones", 4.0, auto=True, title="Phones in E.164"),
        Question("q2-emails", 2.0, auto=True, title="E-mail addresses"),
        Question("q3-handles", 2.0, auto=True, title="Messaging handles"),
        Question("q4-why-and-over-normalising", 3.0, auto=False, title="Why normalise, and over-normalising (written)"),
    ),
    brief_fields=("site", "text"),
    key_fields=("profile_ids", "selectors", "site"),
    package=__package__,
)
