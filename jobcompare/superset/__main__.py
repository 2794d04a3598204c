"""``python -m jobcompare.superset``: see ``jobcompare.superset.cli``."""

import sys

from jobcompare.superset.cli import main

sys.exit(main())
