# second half of a circular pair
import alpha
def pong(n):
    return "pong%d " % n + (alpha.ping(n - 1) if n > 0 else "end")
