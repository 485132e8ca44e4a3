# keyword-only arguments in methods and classes with many kw params
class Config:
    def __init__(self, *, host="localhost", port=80, debug=False, retries=3):
        self.host, self.port, self.debug, self.retries = host, port, debug, retries
    def describe(self, *, verbose=False):
        s = "%s:%d" % (self.host, self.port)
        if verbose:
            s += " debug=%s retries=%d" % (self.debug, self.retries)
        return s
c = Config(port=8080, debug=True)
print(c.describe(), c.describe(verbose=True))
print(Config().describe())
