# mpy-cross-args: -O0
# difffuzz seed 296: a parenthesised walrus call argument is an ordinary argument with a line of its own
f(1,
  (o := y))
g((
  o := y), 2)
