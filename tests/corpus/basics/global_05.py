# global declaration in a generator and in a lambda-invoked function
events = []
state = "idle"
def gen():
    global state
    for s in ("run", "stop"):
        state = s
        yield s
for s in gen():
    events.append((s, state))
print(events, state)
