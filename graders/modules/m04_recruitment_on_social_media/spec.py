"""Module 04's spec: its id, title and questions (nbgrader grade ids and points), brief and key fields.

A test checks these against the notebook's cell metadata, the world's brief and its answer key section.
"""

from graders.modules.spec_types import ModuleSpec, Question

SPEC = ModuleSpec(
    id="04-recruitment-on-social-media",
    title="Recruitment on social media",
    questions=(
        Question("q1-recruiter-accounts", 5.0, auto=True, title="The recruiters' accounts"),
        Question("q2-front", 1.0, auto=True, title="The front agency"),
        Question("q3-account-ads", 3.0, auto=True, title="Accounts linked to ads"),
        Question("q4-assessment", 3.0, auto=False, title="Assessment (written)"),
    ),
    brief_fields=("group", "group_id", "platform", "post_id", "start_account", "text", "username"),
    key_fields=(
        "account_ads",
        "front",
        "member_light_accounts",
        "namesakes",
        "recruiter_accounts",
        "recruitment_posts",
        "start_account",
        "victim_accounts",
    ),
    package=__package__,
)
