# long attribute names and keyword argument names (interned as qstrs)
class Settings:
    def __init__(self, maximum_connection_attempts=3, connection_timeout_milliseconds=500):
        self.maximum_connection_attempts = maximum_connection_attempts
        self.connection_timeout_milliseconds = connection_timeout_milliseconds
s = Settings(connection_timeout_milliseconds=750)
print(s.maximum_connection_attempts, s.connection_timeout_milliseconds)
print("maximum_connection_attempts" in dir(s))
