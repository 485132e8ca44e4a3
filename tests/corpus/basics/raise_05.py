# re-raise the current exception from a nested function call inside except
def reraise():
    raise
try:
    try:
        raise ValueError("inner")
    except ValueError:
        reraise()
except ValueError as e:
    print("re-raised", e)
except RuntimeError as e:
    print("RuntimeError", type(e).__name__)
