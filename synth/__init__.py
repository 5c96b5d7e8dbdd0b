"""The world generator of OSINT Lab: seed + preset → a hidden world, its answer key and its public renders."""

__version__ = "0.1.0"
