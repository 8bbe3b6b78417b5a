"""Builders: one module per document, each turning an audience view into a `Document` once."""
