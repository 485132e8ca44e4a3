# const() of an undefined name
Y = const(UNKNOWN + 1)
