# json and struct round trips of nested data
import json, struct
data = {"n": 1, "l": [1, 2.5, "x", None, True], "d": {"k": "v"}}
s = json.dumps(data)
print(s)
print(json.loads(s) == data)
packed = struct.pack("<ihd", -5, 300, 0.25)
print(len(packed), struct.unpack("<ihd", packed))
