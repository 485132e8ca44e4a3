# keyword used as a variable name
class = 5
