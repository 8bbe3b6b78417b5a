"""Plain language: the jargon list, reading level, and finding terms in text."""
