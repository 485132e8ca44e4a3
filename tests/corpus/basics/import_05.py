# import inside try/except with fallback names, and import of names used only in functions
try:
    import ujson as json
except ImportError:
    import json
print(json.dumps({"a": [1, 2]}))
try:
    from nonexistent_mod import thing
except ImportError:
    thing = "fallback"
print(thing)
def uses_struct():
    import struct
    return struct.pack("<b", -1)
print(uses_struct())
