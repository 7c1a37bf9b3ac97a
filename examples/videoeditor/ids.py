"""Time-ordered UUIDs (version 7, RFC 9562) for primary keys.

Random UUIDv4 keys land anywhere in the primary-key btree, so every insert dirties a random leaf page
and the index stays cache-cold as tables grow. UUIDv7 starts with a millisecond timestamp, so new keys
append at the right edge like a sequence would, while staying globally unique and unguessable enough
for URLs. PostgreSQL 18 has `uuidv7()`, but PostgreSQL 15 does not, so the application makes them.
"""

from __future__ import annotations

import secrets
import time
import uuid

_RANDOM_BITS = 74  # 128 - 48 timestamp bits - 4 version bits - 2 variant bits
_TIMESTAMP_MASK = (1 << 48) - 1


def uuid7_int(unix_ms: int, random_bits: int) -> int:
    """The 128-bit value of a UUIDv7 for a millisecond timestamp and 74 random bits."""
    value = (unix_ms & _TIMESTAMP_MASK) << 80
    value |= 0x7 << 76  # version
    value |= ((random_bits >> 62) & 0xFFF) << 64  # rand_a: 12 bits
    value |= 0b10 << 62  # RFC 9562 variant
    value |= random_bits & ((1 << 62) - 1)  # rand_b: 62 bits
    return value


def uuid7_from(unix_ms: int, random_bits: int) -> uuid.UUID:
    """A UUIDv7 for a given millisecond timestamp and 74 random bits (the seed passes its own RNG's)."""
    return uuid.UUID(int=uuid7_int(unix_ms, random_bits))


def new_id() -> uuid.UUID:
    """A fresh UUIDv7; the models' primary-key default, called once per row."""
    return uuid7_from(time.time_ns() // 1_000_000, secrets.randbits(_RANDOM_BITS))
