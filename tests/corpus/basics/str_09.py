# a long string used as a literal before it appears as an identifier, then after
print("long_identifier_seen_later")
long_identifier_seen_later = 1
print("long_identifier_seen_later", long_identifier_seen_later)
def g():
    return "long_identifier_seen_later"
print(g())
print("a string that is never an identifier at all")
