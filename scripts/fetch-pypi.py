"""Downloads and unpacks the pinned PyPI packages of the real-world test (tests/pypi-packages.txt).

Usage: fetch-pypi.py LIST DEST

For each `name==version` line it fetches that release's source distribution (or, when it has none, its wheel)
from PyPI's simple index (the JSON form pip itself reads), checks the file's sha256 against the index, and
unpacks it into DEST/src/<name>-<version>/. A finished package has a `.complete` marker and is skipped next
time, so a second run does no network access at all.

`pip download` is not used because it builds each sdist's metadata, and many MicroPython packages ship sdists
with no setup.py (micropython-lib's own format), which pip refuses.
"""

import hashlib
import json
import os
import re
import shutil
import sys
import tarfile
import time
import urllib.request
import zipfile

INDEX = "https://pypi.org/simple/{}/"
ARCHIVE_EXTS = (".tar.gz", ".tgz", ".tar.bz2", ".zip", ".whl")


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def read_list(path):
    pins = []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if "==" not in line:
            sys.exit(f"{path}:{n}: expected name==version, got {line!r}")
        name, version = (s.strip() for s in line.split("==", 1))
        pins.append((name, version))
    return pins


def fetch(url, tries=3):
    for attempt in range(tries):
        try:
            req = urllib.request.Request(url, headers={"Accept": "application/vnd.pypi.simple.v1+json"})
            with urllib.request.urlopen(req, timeout=60) as r:
                return r.read()
        except OSError as e:
            if attempt == tries - 1:
                raise
            print(f"fetch-pypi: retrying {url}: {e}", file=sys.stderr)
            time.sleep(2 * (attempt + 1))


def file_version(filename, norm_name):
    """The version a distribution file is for, or None when the file is not a source or wheel archive."""
    for ext in ARCHIVE_EXTS:
        if filename.endswith(ext):
            stem = filename[: -len(ext)]
            break
    else:
        return None
    if filename.endswith(".whl"):
        parts = stem.split("-")
        return parts[1] if len(parts) >= 5 and normalize(parts[0]) == norm_name else None
    # Sdist names are not normalized and versions may hold '-' (`micropython-html.parser-3.3.3-2`): the
    # version starts after the first '-' where what precedes it is the project's name.
    for i, c in enumerate(stem):
        if c == "-" and normalize(stem[:i]) == norm_name:
            return stem[i + 1:]
    return None


def pick_file(name, version):
    norm = normalize(name)
    index = json.loads(fetch(INDEX.format(norm)))
    files = [f for f in index["files"] if file_version(f["filename"], norm) == version and not f.get("yanked")]
    if not files:
        sys.exit(f"fetch-pypi: {name}=={version}: no such release file on PyPI")
    sdists = [f for f in files if not f["filename"].endswith(".whl")]
    return (sdists or files)[0]


def unpack(archive, dest):
    if archive.endswith((".zip", ".whl")):
        with zipfile.ZipFile(archive) as z:
            for member in z.namelist():
                target = os.path.realpath(os.path.join(dest, member))
                if not target.startswith(os.path.realpath(dest) + os.sep):
                    sys.exit(f"fetch-pypi: {archive}: unsafe member {member}")
            z.extractall(dest)
    else:
        with tarfile.open(archive) as t:
            t.extractall(dest, filter="data")


def main():
    list_path, dest = sys.argv[1], sys.argv[2]
    pins = read_list(list_path)
    os.makedirs(os.path.join(dest, "dl"), exist_ok=True)
    fetched = 0
    for name, version in pins:
        src = os.path.join(dest, "src", f"{name}-{version}")
        if os.path.exists(os.path.join(src, ".complete")):
            continue
        info = pick_file(name, version)
        archive = os.path.join(dest, "dl", info["filename"])
        want = info["hashes"].get("sha256")
        if not os.path.exists(archive) or hashlib.sha256(open(archive, "rb").read()).hexdigest() != want:
            data = fetch(info["url"])
            got = hashlib.sha256(data).hexdigest()
            if want and got != want:
                sys.exit(f"fetch-pypi: {info['filename']}: sha256 {got} != index {want}")
            with open(archive + ".part", "wb") as f:
                f.write(data)
            os.replace(archive + ".part", archive)
        shutil.rmtree(src, ignore_errors=True)
        os.makedirs(src)
        unpack(archive, src)
        with open(os.path.join(src, ".complete"), "w") as f:
            f.write(info["filename"] + "\n")
        fetched += 1
    print(f"fetch-pypi: {len(pins)} packages ready ({fetched} fetched now) in {os.path.join(dest, 'src')}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
