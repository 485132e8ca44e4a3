# a starred name as the whole assignment target
*a = [1, 2]
