# star import inside parentheses
from math import (*)
