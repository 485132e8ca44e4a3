# an unknown string prefix
s = x"abc"
