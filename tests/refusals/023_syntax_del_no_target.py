# del with no target
del
