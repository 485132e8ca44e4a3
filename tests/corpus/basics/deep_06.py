# nested data structure literals several levels deep with mixed container types
cfg = {
    "net": {"hosts": [("a", 1), ("b", 2)], "opts": {"retry": [1, 2, {"x": (3, [4])}]}},
    "flags": {True: [None, ...]},
}
print(cfg["net"]["opts"]["retry"][2]["x"][1][0], cfg["flags"][True][1])
print(len(str(cfg)))
