// Checks the packaged .vsix: lists its files (read from the zip's central directory) and compares them with the expected set.
import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";

const file = process.argv[2] ?? "mpbuild.vsix";
const zip = readFileSync(file);

/** The entries of a zip file: name, method, sizes and where the local header is. */
function entries(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    throw new Error(`${file}: not a zip file (no end of central directory)`);
  }
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) {
      throw new Error(`${file}: bad central directory entry ${n}`);
    }
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLen);
    out.push({ name, method, compressed, size, local });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function content(buf, e) {
  const nameLen = buf.readUInt16LE(e.local + 26);
  const extraLen = buf.readUInt16LE(e.local + 28);
  const start = e.local + 30 + nameLen + extraLen;
  const data = buf.subarray(start, start + e.compressed);
  return e.method === 0 ? data : inflateRawSync(data);
}

const expected = [
  "[Content_Types].xml",
  "extension.vsixmanifest",
  "extension/LICENSE.txt",
  "extension/changelog.md",
  "extension/dist/extension.js",
  "extension/media/walkthrough/board.md",
  "extension/media/walkthrough/build.md",
  "extension/media/walkthrough/create.md",
  "extension/media/walkthrough/stubs.md",
  "extension/package.json",
  "extension/readme.md",
];

const list = entries(zip);
const names = list.map((e) => e.name).sort();
console.log(`${file}: ${names.length} files, ${zip.length} bytes`);
for (const e of [...list].sort((a, b) => a.name.localeCompare(b.name))) {
  console.log(`  ${String(e.size).padStart(9)}  ${e.name}`);
}

const problems = [];
// Binaries shipped in bin/ (a platform build of the extension) are allowed on top of the fixed set.
const fixed = names.filter((n) => !n.startsWith("extension/bin/"));
for (const n of expected) {
  if (!fixed.includes(n)) {
    problems.push(`missing: ${n}`);
  }
}
for (const n of fixed) {
  if (!expected.includes(n)) {
    problems.push(`unexpected: ${n}`);
  }
}
const byName = new Map(list.map((e) => [e.name, e]));
const js = byName.get("extension/dist/extension.js");
if (js !== undefined) {
  const text = content(zip, js).toString("utf8");
  if (!text.includes("vscode-languageclient") && !text.includes("LanguageClient")) {
    problems.push("dist/extension.js does not bundle vscode-languageclient");
  }
  if (!/require\("vscode"\)/.test(text)) {
    problems.push('dist/extension.js should load "vscode" at run time (external)');
  }
}
const pkg = byName.get("extension/package.json");
if (pkg !== undefined) {
  const manifest = JSON.parse(content(zip, pkg).toString("utf8"));
  if (manifest.main !== "./dist/extension.js") {
    problems.push(`package.json main is ${manifest.main}`);
  }
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log("vsix contents: OK");
