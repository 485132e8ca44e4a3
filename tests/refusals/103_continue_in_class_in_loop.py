# 'continue' in a class body nested in a loop
while True:
    class C:
        continue
