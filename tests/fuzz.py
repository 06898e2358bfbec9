"""Seeded mutations of a PDF: byte flips, truncations, deleted objects, for the fuzz test."""
from __future__ import annotations

import random
import re

OBJECT = re.compile(rb"\n\d+ 0 obj\b.*?endobj", re.DOTALL)


def mutate(data: bytes, seed: int) -> bytes:
    """One mutated copy of `data`; the kind of damage cycles with the seed."""
    rng = random.Random(seed)
    kind = seed % 4
    buf = bytearray(data)
    if kind == 0:  # flip a few bytes anywhere
        for _ in range(rng.randint(1, 20)):
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    elif kind == 1:  # cut the file short
        buf = buf[: rng.randrange(len(buf) // 20, len(buf))]
    elif kind == 2:  # delete whole objects
        spans = [m.span() for m in OBJECT.finditer(data)]
        for a, b in sorted(rng.sample(spans, min(len(spans), rng.randint(1, 5))), reverse=True):
            del buf[a:b]
    else:  # overwrite a run of bytes in the middle (a stream or the xref table)
        at = rng.randrange(len(buf))
        buf[at:at + rng.randint(16, 512)] = rng.randbytes(rng.randint(16, 512))
    return bytes(buf)
