# module-level comprehension whose walrus target is also read in the element (binds a global)
total = 0
running = [total := total + v for v in range(5)]
