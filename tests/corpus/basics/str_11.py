# string constants in dead code still compile, identical strings deduplicated
def f(x):
    return "returned string constant value"
    print("dead code string after return in function")
print(f(1))
a = "same text repeated in many places"
b = "same text repeated in many places"
c = "same text" + " repeated in many places"
print(a == b == c, len(a))
