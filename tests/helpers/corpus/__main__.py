"""python -m tests.helpers.corpus DIR: write the corpus to DIR (a file per variant, index.tsv)."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.helpers.corpus import write

if len(sys.argv) != 2:
    sys.exit("usage: python -m tests.helpers.corpus DIR")
write(Path(sys.argv[1]))
