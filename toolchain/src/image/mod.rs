//! Images built from compiled artifacts: ROMFS filesystem images, frozen-module C source, littlefs and FAT
//! filesystem images, and whole flashable firmware images with the project baked in (`mpbuild image`:
//! [`firmware`], reading bases in [`base`], placing the project in [`place`], inspecting in [`inspect`]).

pub mod base;
#[cfg(feature = "download")]
pub mod download;
pub mod elf;
pub mod esp;
pub mod fat;
pub mod firmware;
pub mod frozen;
pub mod hexfile;
pub mod inspect;
pub mod littlefs;
pub mod place;
pub mod romfs;
pub mod segments;
pub mod uf2;
