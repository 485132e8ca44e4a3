//! `mpbuild`: project builds, images and deploy for MicroPython (issue 6 onwards; not built yet).
