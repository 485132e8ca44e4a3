# mpy-cross-args: -O0
# difffuzz: a parenthesised walrus after ** is "positional arg after **"
f(**a, (o := y))
