# block header at end of file with no body
for i in range(3):
