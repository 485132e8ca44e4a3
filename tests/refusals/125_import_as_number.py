# import alias that is a number
import math as 1
