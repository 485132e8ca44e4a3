# truncated \u escape in a string
s = "\u12"
