"""`make bench`: the speed figures of OSINT Lab (not tests: they print numbers, they assert nothing)."""
