# type alias statement (not supported)
type Point = tuple
