# mpy-cross -march=ARCH
# NotImplementedError: async def under @viper
import micropython

@micropython.viper
async def f(a):
    return await a
