"""Module 07's spec: its id, title and questions (nbgrader grade ids and points), brief and key fields.

A test checks these against the notebook's cell metadata, the world's brief and its answer key section.
"""

from graders.modules.spec_types import ModuleSpec, Question

SPEC = ModuleSpec(
    id="07-following-the-money",
    title="Following the money",
    questions=(
        Question("q1-flagged-accounts", 5.0, auto=True, title="The operations' accounts"),
        Question("q2-organiser-total", 2.0, auto=True, title="What reached the organisers"),
        Question("q3-typology-labels", 3.0, auto=True, title="Typology labels"),
        Question("q4-typology", 3.0, auto=False, title="The typology (written)"),
    ),
    brief_fields=(
        "eur_per_unit",
        "start_accounts",
        "start_ad",
        "start_numbers",
        "text",
        "typology_labels",
        "typology_questions",
    ),
    key_fields=(
        "beyond_evidence",
        "flagged_accounts",
        "flagged_printed",
        "flow_sample",
        "organiser_total",
        "start_accounts",
        "typologies",
        "typology_questions",
        "victim_accounts",
        "wallet_clusters",
    ),
    package=__package__,
)
