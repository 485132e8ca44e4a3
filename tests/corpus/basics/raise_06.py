# raise an exception class with and without call, and a subclass instance with extra state
class Err(Exception):
    def __init__(self, *args):
        super().__init__(*args)
        self.extra = len(args)
for thing in (Err, Err(), Err(1, 2)):
    try:
        raise thing
    except Err as e:
        print(type(e).__name__, e.args, e.extra)
