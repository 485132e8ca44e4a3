# import with a dotted alias
import a.b as c.d
