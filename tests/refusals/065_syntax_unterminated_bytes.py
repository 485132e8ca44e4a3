# unterminated bytes literal
b = b'abc
