"""Grading for OSINT Lab: self-checks trainees run offline, and the checks instructors grade with."""
