//! ROMFS deploy through `vfs.rom_ioctl` and UF2 flashing, without hardware.
//!
//! The unix VM has no `vfs.rom_ioctl` (standard variant), so the tests install a stand-in `vfs` module on
//! the board that implements the ioctl protocol over a bytearray, as a memory-mapped partition and as a
//! block device (esp32 style); the written image is then mounted with the VM's real `vfs.VfsRom` and
//! imported from. The UF2 path copies to a directory standing in for the BOOTSEL drive, found through the
//! search path as a mounted volume would be.

#[path = "common/board.rs"]
mod board;

use std::time::Duration;

use board::{Faults, VmBoard};
use mpbuild::deploy::flash::{self, uf2, FlashOptions, Method};
use mpbuild::deploy::fs::Board;
use mpbuild::deploy::progress::{NoProgress, Recorder};
use mpbuild::deploy::{self, romfs, ConnectOptions, DeployError, Transport};
use mpbuild::image::romfs::build_image;

fn opts(port: &str) -> ConnectOptions {
    ConnectOptions { port: Some(port.to_string()), timeout: Duration::from_secs(5), ..ConnectOptions::default() }
}

/// A stand-in for a port's `vfs.rom_ioctl` over `_ROM` (a bytearray of `size` bytes), keeping the real
/// module as `_realvfs`. `block` selects the esp32 block-device form.
fn fake_vfs(size: usize, block: bool) -> String {
    format!(
        r#"import sys, vfs as _realvfs
_ROM = bytearray(b'\xff' * {size})
class _Blk:
    def ioctl(self, op, arg):
        if op == 4: return len(_ROM) // 4096
        if op == 5: return 4096
        if op == 6:
            _ROM[arg * 4096:(arg + 1) * 4096] = b'\xff' * 4096
            return 0
    def writeblocks(self, blk, buf, off=0):
        o = blk * 4096 + off
        _ROM[o:o + len(buf)] = buf
    def readblocks(self, blk, buf, off=0):
        o = blk * 4096 + off
        buf[:] = _ROM[o:o + len(buf)]
class _FakeVfs:
    def rom_ioctl(self, op, *a):
        if op == 1: return 1
        if a[0] != 0: return -22
        if op == 2: return _Blk() if {block} else memoryview(_ROM)
        if op == 3:
            if a[1] > len(_ROM): return -22
            _ROM[:a[1]] = b'\xff' * a[1]
            return 16
        if op == 4:
            _ROM[a[1]:a[1] + len(a[2])] = a[2]
            return 0
        if op == 5: return 0
        return -22
    def umount(self, p):
        raise OSError(22)
sys.modules['vfs'] = _FakeVfs()
"#,
        block = if block { "True" } else { "False" }
    )
}

fn image() -> Vec<u8> {
    let files = vec![
        ("hello.py".to_string(), b"def greet():\n    return 'hello from romfs'\n".to_vec()),
        ("lib/util.py".to_string(), b"VALUE = 6 * 7\n".repeat(300)),
    ];
    build_image(&files).unwrap()
}

#[test]
fn romfs_deploy_memoryview_and_block_partitions() {
    let img = image();
    for block in [false, true] {
        let mut b = VmBoard::start();
        let port = b.connect(Faults::default());
        let mut t = deploy::connect(&opts(&port)).unwrap();
        t.exec(fake_vfs(32 * 1024, block).as_bytes()).unwrap();
        let rec = Recorder::default();
        let report = romfs::deploy(&mut Board::new(&mut t), &img, 0, &rec).unwrap();
        assert!(report.verified);
        assert_eq!(report.kind, if block { "block-device" } else { "memoryview" });
        assert_eq!(report.image_size, img.len() as u64);
        assert!(rec.events().iter().any(|e| matches!(e, deploy::progress::DeployEvent::Finished { .. })));
        // The written region holds the image; the real VfsRom mounts it and imports from it.
        let out = t
            .exec(
                "_realvfs.mount(_realvfs.VfsRom(memoryview(_ROM)), '/rom')\nsys.path.insert(0, '/rom')\nimport hello\nprint(hello.greet(), len(_ROM), bytes(_ROM[:3]))\n_realvfs.umount('/rom')\nsys.path.pop(0)\ndel sys.modules['hello']"
                    .as_bytes(),
            )
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&out).trim(), "hello from romfs 32768 b'\\xd2\\xcd1'");
    }
}

#[test]
fn romfs_deploy_refusals_are_clear() {
    let mut b = VmBoard::start();
    let port = b.connect(Faults::default());
    let mut t = deploy::connect(&opts(&port)).unwrap();
    // The standard unix port has no rom_ioctl.
    let e = romfs::deploy(&mut Board::new(&mut t), &image(), 0, &NoProgress).unwrap_err();
    assert!(matches!(e, DeployError::Unsupported { .. }), "{e}");
    assert!(e.to_string().contains("no vfs.rom_ioctl"), "{e}");
    // Too big for the partition: nothing written.
    t.exec(fake_vfs(1024, false).as_bytes()).unwrap();
    let e = romfs::deploy(&mut Board::new(&mut t), &image(), 0, &NoProgress).unwrap_err();
    assert!(e.to_string().contains("holds 1024 bytes"), "{e}");
    assert_eq!(t.exec(b"print(_ROM[0])").unwrap(), b"255\n");
    // A partition that does not exist.
    let e = romfs::deploy(&mut Board::new(&mut t), &image(), 3, &NoProgress).unwrap_err();
    assert!(e.to_string().contains("partition 3 does not exist"), "{e}");
    // Not an image.
    let e = romfs::deploy(&mut Board::new(&mut t), b"hello", 0, &NoProgress).unwrap_err();
    assert!(e.to_string().contains("not a ROMFS image"), "{e}");
}

#[test]
fn uf2_copy_to_a_directory_standing_in_for_bootsel() {
    let tmp = tempfile::tempdir().unwrap();
    let media = tmp.path().join("media");
    let drive = media.join("RPI-RP2");
    std::fs::create_dir_all(&drive).unwrap();
    std::fs::write(drive.join("INFO_UF2.TXT"), "UF2 Bootloader v3.0\nModel: Raspberry Pi RP2\nBoard-ID: RPI-RP2\n").unwrap();
    std::fs::write(media.join("not-a-drive.txt"), "x").unwrap();
    let firmware: Vec<u8> = (0..70_000u32).map(|i| (i % 251) as u8).collect();
    let img = uf2::from_bin(&firmware, 0x1000_0000, Some(0xe48b_ff56));
    let path = tmp.path().join("RPI_PICO-v1.29.0.uf2");
    std::fs::write(&path, &img).unwrap();

    let plan = flash::plan(&path, &img, &FlashOptions::default()).unwrap();
    assert_eq!(plan.method, Method::Uf2 { drive: None, enter_bootloader: false });
    // Found automatically among the mounted volumes (here: the search path standing in for /media).
    std::env::set_var(flash::UF2_SEARCH_ENV, &media);
    let rec = Recorder::default();
    let report = flash::run(&plan, &img, None, Duration::from_secs(1), &rec).unwrap();
    std::env::remove_var(flash::UF2_SEARCH_ENV);
    let flash::FlashReport::Uf2(r) = report else { panic!("not a UF2 report") };
    assert_eq!(r.drive, drive);
    assert_eq!(r.board_id.as_deref(), Some("RPI-RP2"));
    assert_eq!(r.image.families, vec!["RP2040"]);
    assert_eq!(std::fs::read(drive.join("firmware.uf2")).unwrap(), img);
    assert!(rec.events().iter().any(|e| matches!(e, deploy::progress::DeployEvent::Advanced { done, .. } if *done == img.len() as u64)));

    // No drive: a clear error after the wait, and the bootloader hook was asked for.
    let empty = tmp.path().join("nothing");
    std::fs::create_dir_all(&empty).unwrap();
    let plan = flash::plan(&path, &img, &FlashOptions { drive: None, ..FlashOptions::default() }).unwrap();
    let mut asked = false;
    let mut hook = || -> deploy::Result<()> {
        asked = true;
        Ok(())
    };
    std::env::set_var(flash::UF2_SEARCH_ENV, &empty);
    let t0 = std::time::Instant::now();
    let has_real_drive = uf2::find_drive(&uf2::candidate_mounts()).is_some();
    let r = flash::run(&plan, &img, Some(&mut hook), Duration::from_millis(500), &NoProgress);
    std::env::remove_var(flash::UF2_SEARCH_ENV);
    if !has_real_drive {
        let e = r.unwrap_err();
        assert!(e.to_string().contains("no UF2 bootloader drive"), "{e}");
        assert!(asked);
        assert!(t0.elapsed() < Duration::from_secs(5));
    }
    // A drive named explicitly that is not one.
    let plan = flash::plan(&path, &img, &FlashOptions { drive: Some(empty.clone()), ..FlashOptions::default() }).unwrap();
    let e = flash::run(&plan, &img, None, Duration::ZERO, &NoProgress).unwrap_err();
    assert!(e.to_string().contains("not a UF2 bootloader drive"), "{e}");
}

#[test]
fn uf2_bootloader_entry_through_a_running_board() {
    // machine.bootloader() on the unix VM does not exist: the hook reports the board's error clearly.
    let mut b = VmBoard::start();
    let port = b.connect(Faults::default());
    let mut t = deploy::connect(&opts(&port)).unwrap();
    let e = t.exec(b"import machine\nmachine.bootloader()").unwrap_err();
    assert!(e.to_string().contains("machine") || e.to_string().contains("bootloader"), "{e}");
}
