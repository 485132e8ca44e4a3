# a non-ASCII operator character
x = 2 × 3
