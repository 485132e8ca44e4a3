# truncated \x escape in a string
s = "\x4"
