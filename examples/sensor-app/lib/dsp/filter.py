# Integer DSP kernels over little-endian unsigned 16-bit samples in a bytearray. This module is compiled with
# the viper emitter (see mpbuild.toml): arguments are machine words and pointers, loops run at native speed.


def smooth(buf: ptr8, n: int) -> int:
    # Mean of the first n samples.
    if n <= 0:
        return 0
    total = 0
    i = 0
    while i < n:
        total += buf[2 * i] | (buf[2 * i + 1] << 8)
        i += 1
    return total // n


def peak(buf: ptr8, n: int) -> int:
    # Largest of the first n samples.
    best = 0
    i = 0
    while i < n:
        v = buf[2 * i] | (buf[2 * i + 1] << 8)
        if v > best:
            best = v
        i += 1
    return best
