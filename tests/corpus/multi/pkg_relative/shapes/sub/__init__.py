# empty sub-package init
