# first half of a circular pair
import beta
def ping(n):
    return "ping%d " % n + (beta.pong(n - 1) if n > 0 else "end")
