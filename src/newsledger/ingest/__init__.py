"""Turning inputs (text, HTML, JSONL, folders, stdin) into model Documents."""
