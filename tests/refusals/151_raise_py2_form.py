# Python 2 raise form with a comma
raise ValueError, "msg"
