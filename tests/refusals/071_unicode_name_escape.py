# \N{...} escape in a string literal
s = "\N{BULLET}"
