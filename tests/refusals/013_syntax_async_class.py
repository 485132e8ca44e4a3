# async class does not exist
async class C:
    pass
