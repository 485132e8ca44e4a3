# annotation on a call target
f(): int = 1
