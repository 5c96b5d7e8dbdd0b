"""Fixed vocabularies of the world: places, platforms, safety ranges, selector styles, phrase pools, canonical forms.

Nothing here imports another part of the project, so every stage, renderer, site and grader can use it."""
