# chained method calls and attribute lookups on built-in types
s = " a,b , c "
print([p.strip().upper() for p in s.split(",")])
print("-".join(sorted(set("hello"))).upper())
print("x".join("abc").split("x")[1].upper().lower())
d = {}
d.setdefault("k", []).append(1)
d.setdefault("k", []).append(2)
print(d, d.get("k")[::-1], list(d.items())[0][1])
