# hex literal with no digits
x = 0x
