"""The built-in library as data files: activities.yaml and the starters/ blueprints, read with importlib.resources."""
