"""`python -m pipeline` is the `zhclaims` command."""
import sys

from .cli import main

sys.exit(main())
