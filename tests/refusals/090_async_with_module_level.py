# 'async with' at module level
async with x:
    pass
