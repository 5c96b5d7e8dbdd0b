"""What an investigator receives after production orders: each institution's files in its own layout.

orders.py renders them all; the other modules are one institution's layout each, or shared parts."""
