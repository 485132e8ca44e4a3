print("something else entirely")
