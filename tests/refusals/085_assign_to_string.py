# assignment to a string literal
"s" = 1
