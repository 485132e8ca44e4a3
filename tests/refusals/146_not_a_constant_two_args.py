# const() with two arguments
X = const(1, 2)
