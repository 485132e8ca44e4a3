# with inside loops and functions with return, break and exceptions
class CM:
    def __init__(self, log, n):
        self.log, self.n = log, n
    def __enter__(self):
        self.log.append("in%d" % self.n)
    def __exit__(self, et, ev, tb):
        self.log.append("out%d" % self.n)
def run():
    log = []
    for i in range(4):
        with CM(log, i):
            if i == 1:
                continue
            if i == 2:
                break
    with CM(log, 9):
        return log
print(run())
