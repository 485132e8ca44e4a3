# match statement (not supported by MicroPython)
match x:
    case 1:
        pass
