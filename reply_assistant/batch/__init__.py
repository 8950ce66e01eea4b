"""Batch mode: a whole export judged and drafted in one resumable run."""
