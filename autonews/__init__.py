"""autonews: car-industry news digests from your feeds."""

__version__ = "0.1.0"
