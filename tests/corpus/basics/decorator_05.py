# property decorators with getters, setters and deleters
class Account:
    def __init__(self):
        self._bal = 0
    @property
    def balance(self):
        return self._bal
    @balance.setter
    def balance(self, v):
        if v < 0:
            raise ValueError("negative balance")
        self._bal = v
    @balance.deleter
    def balance(self):
        print("deleting balance")
        self._bal = 0
a = Account()
a.balance = 50
print(a.balance)
try:
    a.balance = -1
except ValueError as e:
    print(e)
del a.balance
print(a.balance)
