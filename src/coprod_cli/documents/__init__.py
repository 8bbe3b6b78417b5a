"""Documents: one model per document, written out as md, html, docx, pdf and ics."""
