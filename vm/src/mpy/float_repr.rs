//! MicroPython's float `repr` (`py/formatfloat.c`), which `.mpy` stores as the text of float constants.
