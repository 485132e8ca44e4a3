# indexing, slicing and iterating strings, ord/chr
s = "abcdefghij"
print(s[0], s[-1], s[2:5], s[:3], s[7:], s[-3:-1], list(s)[::2], "".join(reversed(s)))
print([c for c in "hey"], list("ab"))
print(ord("A"), chr(97), chr(0x263A))
print("b" in s, "xyz" not in s, s * 2, 2 * "ab")
print(len(s), s.isalpha(), "123".isdigit(), " ".isspace(), "Ab".isupper())
try:
    s[0] = "z"
except TypeError:
    print("immutable")
