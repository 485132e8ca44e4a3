# missing colon after if
if x
    pass
