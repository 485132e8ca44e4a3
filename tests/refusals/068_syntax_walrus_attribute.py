# assignment expression to an attribute
(a.b := 1)
