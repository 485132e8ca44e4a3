# string methods returning indices and booleans used in conditions
s = "key=value; other=thing"
parts = [kv.split("=") for kv in s.split("; ")]
print(parts, dict(parts))
if s.startswith("key") and "=" in s and s.find(";") > 0:
    print("well formed")
print(s.index("other"), s.count("="), s.endswith(("thing", "x")))
