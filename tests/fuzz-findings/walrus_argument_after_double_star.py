# mpy-cross-args: -O0
# difffuzz: MicroPython compiles an unparenthesised walrus argument after ** (an argument node skips the checks)
f(**a, o := y)
