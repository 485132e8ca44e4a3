# u and b prefixes combined
s = ub"abc"
