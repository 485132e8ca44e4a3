# adjacent bytes and str literals
print(b"a" "b")
