"""`python -m coprod_cli` runs the command line."""

from coprod_cli.cli import main

main()
