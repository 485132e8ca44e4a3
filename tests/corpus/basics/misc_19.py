# print() keyword arguments: sep, end and printing of various objects together
print(1, 2, 3, sep=", ", end=" <end>\n")
print("a", "b", sep="")
print()
print(None, True, 1.5, [], (), {}, sep="|")
print("no newline", end="")
print(" ...continued")
