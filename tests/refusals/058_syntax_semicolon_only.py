# a lone double semicolon
x = 1;;
