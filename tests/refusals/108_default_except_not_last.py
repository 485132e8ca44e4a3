# bare except clause followed by another except clause
try:
    pass
except:
    pass
except ValueError:
    pass
