# decorator applied to something that is not def or class
@dec
x = 1
