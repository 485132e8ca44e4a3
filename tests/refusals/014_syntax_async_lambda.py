# async lambda does not exist
f = async lambda: 1
