# set item followed by a dict item
d = {3, 1: 2}
