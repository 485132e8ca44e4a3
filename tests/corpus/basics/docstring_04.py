# a docstring-only function and a class whose body is only a docstring
def only_doc():
    """This function has only a docstring."""
class OnlyDoc:
    """This class has only a docstring."""
print(only_doc(), OnlyDoc.__name__)
