"""Prompt evals: score backends and prompt versions on a labelled dataset, side by side."""
