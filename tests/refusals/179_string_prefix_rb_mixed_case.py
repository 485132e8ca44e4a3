# mixed-case raw bytes prefix
print(Rb"a")
