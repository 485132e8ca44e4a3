# float literal with two decimal points
x = 1.2.3
