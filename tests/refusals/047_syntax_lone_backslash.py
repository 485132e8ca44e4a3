# backslash continuation followed by text on the same line
x = 1 \ + 2
