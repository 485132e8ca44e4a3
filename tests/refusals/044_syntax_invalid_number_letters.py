# number literal followed by letters
x = 12abc
