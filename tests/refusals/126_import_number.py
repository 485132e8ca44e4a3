# import of a number
import 1
