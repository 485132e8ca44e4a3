# const() of a list display
X = const([1, 2])
