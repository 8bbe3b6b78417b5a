"""Writers: each lays out a document model in one format."""
