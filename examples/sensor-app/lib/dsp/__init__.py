# Fixed-point signal processing kernels (viper).
