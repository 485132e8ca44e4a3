# mpy-cross-args: -O0
# difffuzz seeds 48412, 61543: `for x in range((y := n))` is the optimised range loop (a parenthesised walrus is a plain argument); `range(y := n)` is not
for a in range((y := 5)):
    pass
for b in range(0, (z := 3)):
    pass
for c in range(w := 2):
    pass
