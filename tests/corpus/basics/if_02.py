# constant if-conditions are eliminated by the compiler
if False:
    print("never printed, and the string is dropped")
if 0:
    unseen_function_call()
if True:
    print("always")
if 1:
    print("one")
else:
    print("dead else")
if None:
    print("none")
elif 0:
    print("zero")
else:
    print("else branch")
if "":
    print("empty")
print("end")
