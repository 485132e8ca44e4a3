# mpy-cross -march=ARCH -X emit=viper
# whole-module viper: storing a native int to a module global aborts mpy-cross; mpyc reports a clean error
import micropython

x = 1
print(x)
