"""``python -m gesta``: the same as the ``gesta`` command."""

import sys

from gesta.cli import main

if __name__ == "__main__":
    sys.exit(main())
