# bytes from hex, int.to_bytes/from_bytes and binascii conversions
import binascii
print(binascii.unhexlify("48656c6c6f"))
print(binascii.hexlify(b"\x00\xff"))
print((1024).to_bytes(2, "little"), (1024).to_bytes(4, "big"))
print(int.from_bytes(b"\xff\x00", "little"), int.from_bytes(b"\x01\x00", "big"))
print(binascii.b2a_base64(b"hello"), binascii.a2b_base64(b"aGVsbG8="))
