# const() of a non-constant expression
from micropython import const
X = const(len("abc"))
