"""`coprod run`: the day as it happens. Events, where we are, re-planning, the record, the projector page.

Everything here except `record` (the file) and `display` (the server) is a pure function over
the planned items and a list of events, so the live view, the report and the tests agree.
"""
