//! The filesystem writers against the real MicroPython VM's littlefs and FatFs:
//!
//! * images we write (nested directories, inline and multi-block files, directories split over several
//!   metadata pairs, several block and program sizes) mount in the VM, list and read back byte for byte,
//!   and stay writable: the VM then creates, grows and deletes files (exercising littlefs' block allocator
//!   over our blocks) and remounts cleanly;
//! * images the VM formats and fills are listed by our littlefs reader (`--inspect`) with the VM's bytes;
//! * FAT volumes we write mount with `vfs.VfsFat` and read back.

mod common;
#[path = "common/image.rs"]
mod img;

use mpbuild::image::{fat, littlefs};

fn tree(n: usize) -> Vec<(String, Vec<u8>)> {
    let mut v = vec![
        ("main.py".to_string(), b"print('main')\n".to_vec()),
        ("lib/big.bin".to_string(), img::random_bytes(23_456, 1)),
        ("lib/pkg/__init__.py".to_string(), Vec::new()),
        ("lib/pkg/mod.mpy".to_string(), img::random_bytes(600, 2)),
        ("a/b/c/d/deep.txt".to_string(), b"deep".to_vec()),
    ];
    for i in 0..n {
        v.push((format!("many/m{i:03}.mpy"), img::random_bytes(50 + (i * 37) % 400, i as u64 + 10)));
    }
    v
}

/// Python that prints `path size crc` for every file under `/flash`, sorted.
const LIST: &str = "
import binascii
def walk(d, out):
    for e in os.ilistdir(d):
        p = d + '/' + e[0]
        if e[1] == 0x4000:
            walk(p, out)
        else:
            out.append('%s %d %08x' % (p[7:], e[3], binascii.crc32(open(p, 'rb').read())))
out = []
walk('/flash', out)
for l in sorted(out):
    print(l)
";

fn expected_listing(files: &[(String, Vec<u8>)]) -> String {
    let mut lines: Vec<String> = files.iter().map(|(p, d)| format!("{p} {} {:08x}", d.len(), crc32(d))).collect();
    lines.sort();
    lines.join("\n") + "\n"
}

fn crc32(d: &[u8]) -> u32 {
    !littlefs::crc(0xffff_ffff, d)
}

#[test]
fn our_littlefs_images_mount_read_and_stay_writable_in_the_vm() {
    let tmp = tempfile::tempdir().unwrap();
    for (bs, count, prog, n) in [(4096u32, 352u32, 256u32, 150usize), (4096, 64, 32, 10), (1024, 200, 32, 60), (512, 400, 16, 30)] {
        let files = tree(n);
        let mut cfg = littlefs::LfsConfig::new(bs, count);
        cfg.prog_size = prog;
        let image = littlefs::build(cfg, &files).unwrap();
        let mount = format!("vfs.VfsLfs2(dev, progsize={prog})");
        let got = img::run_on_region(tmp.path(), &image, bs as usize, &mount, LIST);
        assert_eq!(got, expected_listing(&files), "block size {bs}, {n} extra files");
        // Writes after mounting: new files, growing an existing one, removals, then a remount of the result.
        let write = "
with open('/flash/new.bin', 'wb') as f:
    f.write(bytes(range(256)) * 40)
with open('/flash/lib/big.bin', 'ab') as f:
    f.write(b'x' * 5000)
os.remove('/flash/main.py')
os.mkdir('/flash/made')
with open('/flash/made/t.txt', 'w') as f:
    f.write('t')
vfs.umount('/flash')
vfs.mount(vfs.VfsLfs2(dev), '/flash')
print(os.stat('/flash/new.bin')[6], os.stat('/flash/lib/big.bin')[6], open('/flash/made/t.txt').read(), 'main.py' in os.listdir('/flash'))
print(open('/flash/new.bin', 'rb').read() == bytes(range(256)) * 40)
";
        let got = img::run_on_region(tmp.path(), &image, bs as usize, &mount, write);
        assert_eq!(got, format!("10240 {} t False\nTrue\n", 23_456 + 5000), "block size {bs}");
    }
}

#[test]
fn vm_made_littlefs_images_are_read_by_our_reader() {
    let tmp = tempfile::tempdir().unwrap();
    let make = "
bdev = Dev(bytes(b'\\xff' * (4096 * 64)), 4096)
vfs.VfsLfs2.mkfs(bdev, progsize=256)
vfs.mount(vfs.VfsLfs2(bdev, progsize=256), '/m')
os.mkdir('/m/lib')
for i in range(40):
    with open('/m/lib/f%02d.bin' % i, 'wb') as f:
        f.write(bytes([i]) * (i * 211))
with open('/m/top.txt', 'w') as f:
    f.write('top')
os.remove('/m/lib/f05.bin')
with open('/m/lib/f07.bin', 'ab') as f:
    f.write(b'more')
vfs.umount('/m')
open('made.bin', 'wb').write(bdev.d)
";
    // run_on_region mounts something at /flash first; give it a trivial image of ours.
    let dummy = littlefs::build(littlefs::LfsConfig::new(4096, 8), &[]).unwrap();
    let out = img::run_on_region(tmp.path(), &dummy, 4096, "dev", make);
    assert!(out.is_empty(), "{out}");
    let made = std::fs::read(tmp.path().join("made.bin")).unwrap();
    let c = littlefs::read(&made).unwrap();
    assert_eq!((c.block_size, c.block_count), (4096, 64));
    let mut want: Vec<(String, Vec<u8>)> = (0..40u8).filter(|i| *i != 5).map(|i| {
        let mut d = vec![i; i as usize * 211];
        if i == 7 {
            d.extend_from_slice(b"more");
        }
        (format!("lib/f{i:02}.bin"), d)
    }).collect();
    want.push(("top.txt".to_string(), b"top".to_vec()));
    want.sort();
    let mut got: Vec<(String, Vec<u8>)> = c.files.into_iter().filter(|(p, _)| !p.ends_with('/')).collect();
    got.sort();
    assert_eq!(got.len(), want.len());
    assert_eq!(got, want);
}

#[test]
fn fat_volumes_mount_in_the_vm() {
    let tmp = tempfile::tempdir().unwrap();
    let files = tree(20);
    for (size, sector) in [(224u64 * 512, 512u16), (1024 * 1024, 512), (2 * 1024 * 1024, 4096)] {
        let image = fat::build(size, sector, &files).unwrap();
        let got = img::run_on_region(tmp.path(), &image, sector as usize, "vfs.VfsFat(dev)", LIST);
        assert_eq!(got, expected_listing(&files), "FAT of {size} bytes, {sector}-byte sectors");
        let back = fat::read(&image).unwrap();
        assert_eq!(back.iter().filter(|(p, _)| !p.ends_with('/')).count(), files.len());
    }
}
