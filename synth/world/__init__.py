"""The frozen world model: what exists, before anything is rendered (people, operations, ads, social, money)."""
