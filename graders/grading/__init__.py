"""Grading: nbgrader glue, the declared hidden checks (graders.grading.check), metrics, feedback that hides
the hidden tests, reports and grades.csv, and access to the answer key for hidden tests and instructor tools."""
