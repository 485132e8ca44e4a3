# parenthesised multi-item with statement (Python 3.10 form)
with (open("a") as f, open("b") as g):
    pass
