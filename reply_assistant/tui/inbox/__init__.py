"""Inbox widgets."""
