"""Module 03's spec: its id, title and questions (nbgrader grade ids and points), brief and key fields.

A test checks these against the notebook's cell metadata, the world's brief and its answer key section.
"""

from graders.modules.spec_types import ModuleSpec, Question

SPEC = ModuleSpec(
    id="03-linking-ads",
    title="Linking ads",
    questions=(
        Question("q1-people", 4.0, auto=True, title="Who is who: ads grouped by person"),
        Question("q2-operation-items", 4.0, auto=True, title="The operation's ads and profiles"),
        Question("q3-victim-count", 3.0, auto=True, title="How many people the operation advertises"),
        Question("q4-circuit", 2.0, auto=True, title="One person's circuit"),
        Question("q5-shared-phone-and-myths", 3.0, auto=False, title="A shared phone, and the myths (written)"),
    ),
    brief_fields=("cities", "city_names", "sites", "start_ad", "text"),
    key_fields=("circuit", "cities", "operation_items", "person_of_item", "start_ad", "victim_count"),
    package=__package__,
)
