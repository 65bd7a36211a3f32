// The npm registry reachable here does not serve every platform build of packages such as
// Biome and Rollup, so `npm install` cannot record them, and npm 11's `npm ci` then refuses a
// lockfile whose optional dependencies are not all listed. This adds each missing optional
// platform package as a lock entry that names its os/cpu: `npm ci` skips it on other platforms.
// Run after `npm install` changes the lockfile: `node scripts/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from "node:fs";

const OS = [
  "android",
  "darwin",
  "freebsd",
  "linux",
  "win32",
  "openbsd",
  "openharmony",
  "netbsd",
  "sunos",
  "aix",
];
const CPU = ["arm64", "x64", "arm", "ia32", "loong64", "ppc64", "riscv64", "s390x", "mips64el"];

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = path === "" ? "" : `${path}/`;
    if (lock.packages[`${base}node_modules/${name}`] || lock.packages[`node_modules/${name}`])
      continue;
    const parts = name.split(/[/-]/);
    const os = OS.filter((o) => parts.includes(o));
    const cpu = CPU.filter((c) => parts.includes(c) || (c === "arm" && parts.includes("eabihf")));
    if (os.length === 0) continue;
    const libc =
      parts.includes("musl") || parts.includes("musleabihf")
        ? ["musl"]
        : parts.includes("gnu") || parts.includes("gnueabihf")
          ? ["glibc"]
          : undefined;
    lock.packages[`node_modules/${name}`] = {
      version: version.replace(/^[\^~]/, ""),
      optional: true,
      os,
      ...(cpu.length > 0 ? { cpu } : {}),
      ...(libc ? { libc } : {}),
    };
    added++;
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lockfile: ${added} optional platform packages listed`);
