"""Modal screens: help, add a message, confirm, ask for a path."""
