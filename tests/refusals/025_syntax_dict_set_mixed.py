# dict and set items mixed in one display
d = {1: 2, 3}
