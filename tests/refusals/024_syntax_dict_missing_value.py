# dict display with a key but no value
d = {"a": }
