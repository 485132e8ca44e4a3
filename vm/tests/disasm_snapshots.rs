//! Snapshot tests of the disassembler on the mpy-cross fixtures in `tests/data/` (see its README), plus a
//! no-panic check on mutated code. Bless changes with `INSTA_UPDATE=always cargo test -p mpy-vm --test
//! disasm_snapshots` (or `cargo insta review`) after checking the diff.

use mpy_vm::mpy::disasm::{decode_bytecode, disassemble, opcodes_used};
use mpy_vm::mpy::{read, RawCode};
use rand::{rngs::StdRng, Rng, SeedableRng};
use std::path::Path;

fn fixture(name: &str) -> mpy_vm::MpyModule {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name);
    read(&std::fs::read(&p).unwrap()).unwrap()
}

macro_rules! snap {
    ($test:ident, $file:literal) => {
        #[test]
        fn $test() {
            insta::assert_snapshot!(disassemble(&fixture($file)));
        }
    };
}

snap!(basics, "basics.mpy");
snap!(basics_o3, "basics_O3.mpy");
snap!(consts, "consts.mpy");
snap!(native_x64, "native_x64.mpy");
snap!(asm_thumb_armv7m, "asm_thumb_armv7m.mpy");
snap!(asm_rv32_zba, "asm_rv32_zba.mpy");
snap!(allops, "allops.mpy");

/// `allops.py` makes mpy-cross emit (nearly) every opcode; all of them must decode, and the ones it
/// can't emit are listed here explicitly.
#[test]
fn allops_covers_the_instruction_set() {
    use mpy_vm::mpy::disasm::ALL_OPCODES;
    let used = opcodes_used(&fixture("allops.mpy"));
    let missing: Vec<&str> = ALL_OPCODES.iter().filter(|op| !used.contains(op)).map(|(_, n)| *n).collect();
    assert_eq!(missing, Vec::<&str>::new());
}

/// Every bytecode function of the fixtures decodes completely, with no bad byte.
#[test]
fn fixtures_decode_cleanly() {
    fn walk(rc: &RawCode, n: &mut usize) {
        if rc.kind == mpy_vm::RawCodeKind::Bytecode {
            let f = decode_bytecode(&rc.fun_data).unwrap();
            assert_eq!(f.error, None);
            *n += 1;
        }
        for c in &rc.children {
            walk(c, n);
        }
    }
    let mut n = 0;
    for f in ["basics.mpy", "basics_O3.mpy", "consts.mpy", "consts_sib63.mpy", "native_x64.mpy", "allops.mpy"] {
        walk(&fixture(f).root, &mut n);
    }
    assert!(n > 20);
    let used = opcodes_used(&fixture("basics.mpy"));
    assert!(used.len() > 40, "{used:?}");
}

/// Random corruption of function data never makes the disassembler panic.
#[test]
fn mutated_code_never_panics() {
    fn mutate(rc: &mut RawCode, rng: &mut StdRng) {
        if !rc.fun_data.is_empty() {
            for _ in 0..3 {
                let i = rng.gen_range(0..rc.fun_data.len());
                rc.fun_data[i] = rng.gen();
            }
            if rng.gen_bool(0.3) {
                let n = rng.gen_range(0..rc.fun_data.len());
                rc.fun_data.truncate(n);
            }
        }
        rc.prelude_offset = rc.prelude_offset.wrapping_add(rng.gen_range(0..3));
        for c in &mut rc.children {
            mutate(c, rng);
        }
    }
    let mut rng = StdRng::seed_from_u64(7);
    for f in ["basics.mpy", "consts.mpy", "native_x64.mpy", "asm_thumb_armv7m.mpy"] {
        let m = fixture(f);
        for _ in 0..300 {
            let mut m2 = m.clone();
            mutate(&mut m2.root, &mut rng);
            if rng.gen_bool(0.2) {
                m2.qstrs.truncate(rng.gen_range(0..=m2.qstrs.len()));
                m2.objs.truncate(rng.gen_range(0..=m2.objs.len()));
            }
            let _ = disassemble(&m2);
            let _ = opcodes_used(&m2);
        }
    }
}
