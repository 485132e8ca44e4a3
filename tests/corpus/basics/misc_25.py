# more accepted oddities: nested f-string reusing its quote, unparenthesised genexpr then another argument, bytes with non-ASCII
x = 3
print(f"{f"{x}"}", f"{f'{x + 1}'}")
def pair(g, n):
    return list(g), n
print(pair(v * 2 for v in range(3), 1))
print(b"é", len(b"é"))
try:
    print(f"a } b")
except ValueError as e:
    print("ValueError:", e)
