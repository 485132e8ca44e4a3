# statement starting with an operator
* = 3
