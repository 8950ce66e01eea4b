"""Apps built for the TUI snapshot and pilot tests: a seeded store and a pinned clock."""
