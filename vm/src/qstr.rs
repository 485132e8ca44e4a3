//! qstrs: MicroPython's static qstr list (written in static form in `.mpy`) and the pool built into mpy-cross,
//! which decides whether a long string literal is interned at parse time.
