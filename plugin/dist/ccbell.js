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
  return (0, import_node_path.join)(cacheDir, `${(0, import_node_path.basename)(file)}-${pathHash(file)}-${process.version}-${process.arch}.v8`);
}
var WRAPPER_HEAD = "(function (exports, require, module, __filename, __dirname) {", WRAPPER_TAIL = `
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
  if (!(data.length <= 4 + source.length || data.readUInt32LE(0) !== source.length))
    return data.subarray(4, 4 + source.length).equals(source) ? data.subarray(4 + source.length) : void 0;
}
function requireWithCodeCache(file, cacheDir, load) {
  let source = (0, import_node_fs.readFileSync)(file), cacheFile = cacheDir === void 0 ? void 0 : codeCacheFile(cacheDir, file), cachedData = cacheFile === void 0 ? void 0 : readCache(cacheFile, source), script = new import_node_vm.Script(`${WRAPPER_HEAD}${source.toString("utf8")}${WRAPPER_TAIL}`, {
    filename: file,
    cachedData
  }), hit = cachedData !== void 0 && !script.cachedDataRejected, module2 = { exports: {}, filename: file, id: file };
  script.runInThisContext().call(module2.exports, module2.exports, load, module2, file, (0, import_node_path.dirname)(file));
  let saved = hit;
  return {
    get exports() {
      return module2.exports;
    },
    cache: cacheFile === void 0 ? "off" : hit ? "hit" : "miss",
    save() {
      if (saved || cacheFile === void 0) return;
      saved = !0;
      let temp = `${cacheFile}.${process.pid}.tmp`;
      try {
        let header = Buffer.alloc(4);
        header.writeUInt32LE(source.length, 0), (0, import_node_fs.mkdirSync)((0, import_node_path.dirname)(cacheFile), { recursive: !0, mode: 448 }), (0, import_node_fs.writeFileSync)(temp, Buffer.concat([header, source, script.createCachedData()]), { mode: 384 }), (0, import_node_fs.renameSync)(temp, cacheFile);
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
  process.exitCode = outcome.code, outcome.handledEvent && cli.save();
});
