# nested unary operators and not-chains in conditions, conditional-expression chains
x = -(~(not
 y))
if not (not
 (a and not b)):
  pass
z = -(
 ~y)
x = (1 if y else
 2 if z else (
 3 if w else 4))
y = [a if b else c for a in d]
