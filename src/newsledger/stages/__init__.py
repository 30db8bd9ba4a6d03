"""Stages: one module per stage, each declaring what it needs and produces."""
