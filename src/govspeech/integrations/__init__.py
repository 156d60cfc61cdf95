"""Bridges to retrieval frameworks: each module maps govspeech's chunks to a framework's own
objects and imports that framework only when it is used (optional extras)."""
