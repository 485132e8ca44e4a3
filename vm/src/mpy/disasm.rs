//! Human-readable dump of an `.mpy` module: header, tables, and each raw code's prelude and opcodes.
