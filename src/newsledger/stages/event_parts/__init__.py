"""Helpers of the events stage: syntax, triggers, arguments, modality and casualties."""
