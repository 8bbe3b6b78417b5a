"""Builders: one module per document, each turning an audience view into a `Document` once."""

from collections.abc import Callable

# The plan language's fixed words: `_("Words we use")`, `_("Workshop {number} of {total}", number=1, total=4)`
# (language.messages.translator). Every builder takes one, so a Welsh plan gets Welsh documents.
Translate = Callable[..., str]
