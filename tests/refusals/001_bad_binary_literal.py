# binary literal with a digit 2
x = 0b102
