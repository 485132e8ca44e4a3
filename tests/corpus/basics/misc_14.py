# re module: match, search, groups and sub
import re
m = re.match(r"(\w+)-(\d+)", "item-42 rest")
print(m.group(0), m.group(1), m.group(2))
print(re.search(r"\d+", "abc 123 def").group(0))
print(re.sub(r"\s+", " ", "a   b \t c"))
print(re.compile(r",\s*").split("x, y,z"))
print(re.match(r"^z", "abc"))
