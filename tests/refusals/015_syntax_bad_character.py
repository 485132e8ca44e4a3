# a character that is not part of Python syntax
x = 1 $ 2
