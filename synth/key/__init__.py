"""The answer key and the self-check, derived from a built world: what it hides, for graders and offline checks."""
