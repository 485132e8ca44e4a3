# long string constants (> 10 bytes) that become objects vs qstrs
print("this is a fairly long string literal")
def this_is_a_long_identifier_name():
    return "this_is_a_long_identifier_name"
print(this_is_a_long_identifier_name())
s1 = "another long string constant here"
s2 = "another long string constant here"
print(s1 == s2, len(s1))
print("short")
print("NotImplementedError", "__qualname__")
