"""coprod: plan, check and render co-production workshop series.

The small public API: load a plan, schedule it, check it.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
