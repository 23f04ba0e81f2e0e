"""`python -m marsad` is the `marsad` command."""
from .cli import main

main()
