# Filters over a stream of integer readings.


def windows(values, size):
    """Yields each full window of `size` consecutive values."""
    buf = []
    for v in values:
        buf.append(v)
        if len(buf) > size:
            buf.pop(0)
        if len(buf) == size:
            yield tuple(buf)


class MovingAverage:
    def __init__(self, size):
        self.size = size

    def __call__(self, values):
        return [sum(w) // self.size for w in windows(values, self.size)]


def median(values):
    s = sorted(values)
    n = len(s)
    if n == 0:
        raise ValueError("median of nothing")
    mid = n // 2
    return s[mid] if n % 2 else (s[mid - 1] + s[mid]) // 2
