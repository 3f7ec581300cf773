"""The SQLite store: feed state and health, items, article bodies, stories and deliveries.

One file in the data folder, WAL mode.

- ``database``: :class:`Store`, the typed queries each stage makes;
- ``entries``: a feed's entries stored: new items, and titles the feed corrected;
- ``stories``: story keys, what each --new digest delivered and when it last ran;
- ``retention``: pruning, which spares what a feed still lists and remembers pruned stories;
- ``pages``: its queries on article pages (bodies, and failures with their backoff);
- ``moves``: a feed's items keyed by its new URL when the feed moved;
- ``notices``: what runs told of each feed (a failure, a move for good), per audience;
- ``keys``: item identity (entry keys and fingerprints) and the stable hash behind every key;
- ``migrations``: the schema, versioned by ``PRAGMA user_version``, migrations applied in order;
- ``connection``: opening the file, the transaction every write runs in, chunked ``IN`` queries.

The run lock that keeps two runs off one store is :mod:`autonews.lock`.
"""

from autonews.lock import run_lock  # where callers and tests have always found it
from autonews.store.database import Store
from autonews.store.entries import StoreUpdate
from autonews.store.keys import entry_fingerprint, entry_keys
from autonews.store.migrations import MIGRATIONS, SCHEMA_VERSION
from autonews.store.stories import Delivery

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Delivery",
    "Store",
    "StoreUpdate",
    "entry_fingerprint",
    "entry_keys",
    "run_lock",
]
