# nonlocal variables shared by several inner functions
def bank():
    balance = 0
    def deposit(v):
        nonlocal balance
        balance += v
    def withdraw(v):
        nonlocal balance
        if v > balance:
            return False
        balance -= v
        return True
    def get():
        return balance
    return deposit, withdraw, get
d, w, g = bank()
d(100)
print(w(30), w(100), g())
