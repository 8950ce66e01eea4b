"""Test doubles that are real programs: `fake_llm_server` is an OpenAI-compatible HTTP server.

Import from the module itself (`reply_assistant.testing.fake_llm_server`); re-exporting it
here would make `python -m reply_assistant.testing.fake_llm_server` warn about a double import.
"""
