"""Module 01's spec: its id, title and questions (nbgrader grade ids and points), brief and key fields.

A test checks these against the notebook's cell metadata, the world's brief and its answer key section.
"""

from graders.modules.spec_types import ModuleSpec, Question

SPEC = ModuleSpec(
    id="01-scraping-ad-sites",
    title="Scraping ad sites",
    questions=(
        Question("q1-parse-ad", 2.0, auto=True, title="A parser for one ad page"),
        Question("q2-city-ads", 4.0, auto=True, title="Every ad of the brief's city and category"),
        Question("q3-shared-phones", 3.0, auto=True, title="Phones shared by different names"),
        Question("q4-evidence-and-politeness", 3.0, auto=False, title="Evidence and politeness (written)"),
    ),
    brief_fields=("category", "category_name", "city", "city_name", "site", "text"),
    key_fields=("ad_ids", "category", "city", "names_by_phone", "shared_phones", "site"),
    package=__package__,
)
