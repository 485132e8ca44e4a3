# multi-module program: module globals, import side effects and module attributes
import helper
import helper as h2
from helper import counter, bump
print(helper.loaded_message)
bump(); bump()
print(helper.counter, counter)
print(h2 is helper, helper.__name__)
from helper import *
print(public_name, "_private" in dir())
