from __future__ import annotations

import sys

from blogcheck.cli import main

sys.exit(main())
