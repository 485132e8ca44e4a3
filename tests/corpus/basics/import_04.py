# import inside class bodies, conditionally, and re-import returns the same module
class Holder:
    import struct
    size = struct.calcsize("<H")
print(Holder.size)
if True:
    import heapq
h = [5, 1, 4]
heapq.heapify(h)
print(heapq.heappop(h), h[0])
import heapq as again
print(again is heapq)
import binascii
print(binascii.hexlify(b"\x01\xab"))
