"""Conversation widgets."""
