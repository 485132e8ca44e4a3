//! Variable-length unsigned integers as `.mpy` stores them (7-bit groups, most significant first).
