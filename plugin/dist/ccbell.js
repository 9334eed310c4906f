#!/usr/bin/env node
"use strict";

// src/cli/launch.ts
var import_node_os = require("node:os"), import_node_path2 = require("node:path");

// src/cli/code-cache.ts
var import_node_fs = require("node:fs"), import_node_path = require("node:path"), import_node_vm = require("node:vm");
function codeCacheDir(env, platform, home2) {
  let xdg = env.XDG_CACHE_HOME;
  if (xdg && (0, import_node_path.isAbsolute)(xdg)) return (0, import_node_path.join)(xdg, "ccbell");
  if (platform === "win32") {
    let local = env.LOCALAPPDATA;
    return local && (0, import_node_path.isAbsolute)(local) ? (0, import_node_path.join)(local, "ccbell") : void 0;
  }
  if (!(!home2 || !(0, import_node_path.isAbsolute)(home2)))
    return platform === "darwin" ? (0, import_node_path.join)(home2, "Library", "Caches", "ccbell") : (0, import_node_path.join)(home2, ".cache", "ccbell");
}
function pathHash(text) {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index++)
    hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
  return (hash >>> 0).toString(36);
}
function codeCacheFile(cacheDir, file) {
  return (0, import_node_path.join)(cacheDir, `${(0, import_node_path.basename)(file)}-${pathHash(file)}-${process.version}-${process.arch}-2.v8`);
}
var MAX_CODE_PATHS = 64, MAX_CODE_PATH_LENGTH = 64, MAX_CODE_PATHS_BYTES = MAX_CODE_PATHS * (MAX_CODE_PATH_LENGTH * 3 + 1), WRAPPER_HEAD = "(function (exports, require, module, __filename, __dirname) {", WRAPPER_TAIL = `
})`;
function readCache(cacheFile, source) {
  let data;
  try {
    let fd = (0, import_node_fs.openSync)(cacheFile, import_node_fs.constants.O_RDONLY | (import_node_fs.constants.O_NONBLOCK ?? 0));
    try {
      if (!(0, import_node_fs.fstatSync)(fd).isFile()) return;
      data = (0, import_node_fs.readFileSync)(fd);
    } finally {
      (0, import_node_fs.closeSync)(fd);
    }
  } catch {
    return;
  }
  let pathsAt = 4 + source.length;
  if (data.length < pathsAt + 4 || data.readUInt32LE(0) !== source.length) return;
  let pathsLength = data.readUInt32LE(pathsAt), v8At = pathsAt + 4 + pathsLength;
  if (pathsLength > MAX_CODE_PATHS_BYTES || data.length <= v8At || !data.subarray(4, pathsAt).equals(source)) return;
  let codePaths = data.toString("utf8", pathsAt + 4, v8At).split(`
`).filter(Boolean);
  return { data: data.subarray(v8At), codePaths };
}
function cacheBytes(source, codePaths, v8Data) {
  let paths = Buffer.from(codePaths.join(`
`), "utf8"), header = Buffer.alloc(4);
  header.writeUInt32LE(source.length, 0);
  let pathsHeader = Buffer.alloc(4);
  return pathsHeader.writeUInt32LE(paths.length, 0), Buffer.concat([header, source, pathsHeader, paths, v8Data]);
}
function isCodePath(path) {
  return path.length > 0 && path.length <= MAX_CODE_PATH_LENGTH && !path.includes(`
`);
}
function pathsToWrite(hit, covered, run) {
  let paths = new Set(hit ? covered : []), before = paths.size;
  for (let path of run) paths.size < MAX_CODE_PATHS && isCodePath(path) && paths.add(path);
  return hit && paths.size === before ? void 0 : [...paths];
}
function requireWithCodeCache(file, cacheDir, load) {
  let source = (0, import_node_fs.readFileSync)(file), cacheFile = cacheDir === void 0 ? void 0 : codeCacheFile(cacheDir, file), cached = cacheFile === void 0 ? void 0 : readCache(cacheFile, source), script = new import_node_vm.Script(`${WRAPPER_HEAD}${source.toString("utf8")}${WRAPPER_TAIL}`, {
    filename: file,
    cachedData: cached?.data
  }), hit = cached !== void 0 && !script.cachedDataRejected, covered = hit ? cached.codePaths : [], module2 = { exports: {}, filename: file, id: file };
  script.runInThisContext().call(module2.exports, module2.exports, load, module2, file, (0, import_node_path.dirname)(file));
  let saved = !1;
  return {
    get exports() {
      return module2.exports;
    },
    cache: cacheFile === void 0 ? "off" : hit ? "hit" : "miss",
    codePaths: covered,
    save(codePaths = []) {
      if (saved || cacheFile === void 0) return;
      let paths = pathsToWrite(hit, covered, codePaths);
      if (paths === void 0) return;
      saved = !0;
      let temp = `${cacheFile}.${process.pid}.tmp`;
      try {
        (0, import_node_fs.mkdirSync)((0, import_node_path.dirname)(cacheFile), { recursive: !0, mode: 448 }), (0, import_node_fs.writeFileSync)(temp, cacheBytes(source, paths, script.createCachedData()), { mode: 384 }), (0, import_node_fs.renameSync)(temp, cacheFile);
      } catch {
        try {
          (0, import_node_fs.rmSync)(temp, { force: !0 });
        } catch {
        }
      }
    }
  };
}

// src/cli/launch.ts
var packageRoot = (0, import_node_path2.dirname)(__dirname), home;
try {
  home = (0, import_node_os.homedir)();
} catch {
}
var cli = requireWithCodeCache(
  (0, import_node_path2.join)(__dirname, "lib", "cli.cjs"),
  codeCacheDir(process.env, process.platform, home),
  require
);
cli.exports.main(process.argv.slice(2), cli.exports.processContext(packageRoot)).then((outcome) => {
  process.exitCode = outcome.code, outcome.codePaths && cli.save(outcome.codePaths);
});
