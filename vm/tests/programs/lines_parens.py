# lines of nodes that start at a parenthesised element: comprehensions, dict items, generator arguments
x = [
  (
   a) for a in b]
y = {
  (
   a): 1 for a in b}
z = (
  (
   a) for a in b)
w = f((
   a) for a in b)
v = f((
   a for a in b))
y = {
  (
   a): 1, 2: 3}
def f(local):
    if local is None:
        x = 1
    else:
        _local = tuple(
            (i, "") if isinstance(i, int) else (N, i) for i in local
        )

    return _local
