# memoryview and struct packing of bytes
import struct
buf = bytearray(8)
mv = memoryview(buf)
mv[0] = 1
mv[4:8] = b"\x01\x02\x03\x04"
print(buf)
print(struct.pack("<HI", 1, 0x01020304))
print(struct.unpack(">hh", b"\xff\xfe\x00\x05"))
print(struct.calcsize("<iHb"))
v = struct.pack("<f", 1.5)
print(v, struct.unpack("<f", v))
print(bytes(mv[4:6]))
