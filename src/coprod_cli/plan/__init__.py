"""The plan: reading YAML with positions, the models, durations, loading, resolving `use:`, editing in place."""
