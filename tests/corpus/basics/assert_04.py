# assert with tuple condition (always true) and with parenthesised message
try:
    assert (0, "message inside tuple")
    print("tuple is truthy")
    assert 0, ("tuple", "message")
except AssertionError as e:
    print(e.args)
