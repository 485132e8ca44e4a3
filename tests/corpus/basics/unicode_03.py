# unicode in f-strings, format widths and comparisons
name = "Zoë"
city = "東京"
print(f"{name:>6}|{city:<4}|")
print(len(name), len(city), name < city, sorted([city, name, "abc"]))
print("%s-%s" % (name, city), "{0}{0}".format(city))
print(city.encode("utf-8").hex() if hasattr(b"", "hex") else "")
