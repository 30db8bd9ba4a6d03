"""Data files shipped with newsledger, each with its loader."""
