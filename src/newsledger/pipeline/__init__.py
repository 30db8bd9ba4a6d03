"""The pipeline: the Stage protocol, the analysis it threads, and the runner."""
