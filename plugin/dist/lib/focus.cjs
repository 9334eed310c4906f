"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf, __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: !0 });
}, __copyProps = (to, from, except, desc) => {
  if (from && typeof from == "object" || typeof from == "function")
    for (let key of __getOwnPropNames(from))
      !__hasOwnProp.call(to, key) && key !== except && __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: !0 }) : target,
  mod
)), __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: !0 }), mod);

// src/cli/commands/focus.ts
var focus_exports = {};
__export(focus_exports, {
  runFocus: () => runFocus
});
module.exports = __toCommonJS(focus_exports);
var import_node_child_process = require("node:child_process");

// src/errors.ts
var KIND = /* @__PURE__ */ Symbol.for("ccbell.errorKind"), UsageError = class extends Error {
  name = "UsageError";
}, EnvironmentError = class extends Error {
  name = "EnvironmentError";
}, ConfigError = class extends Error {
  constructor(file, field, problem, options) {
    super(`${file}: ${field ? `${field}: ` : ""}${problem}`, options);
    this.file = file;
    this.field = field;
  }
  file;
  field;
  name = "ConfigError";
};
Object.defineProperty(UsageError.prototype, KIND, { value: "usage" });
Object.defineProperty(EnvironmentError.prototype, KIND, { value: "environment" });
Object.defineProperty(ConfigError.prototype, KIND, { value: "config" });

// src/log/logger.ts
var import_node_fs2 = require("node:fs"), import_node_path = require("node:path");

// src/fs/regular-file.ts
var import_node_fs = require("node:fs");
var O_NONBLOCK = import_node_fs.constants.O_NONBLOCK ?? 0, O_NOFOLLOW = import_node_fs.constants.O_NOFOLLOW ?? 0, RefusedFileError = class extends EnvironmentError {
  constructor(path2, reason, problem, options) {
    super(`${path2} ${problem}`, options);
    this.path = path2;
    this.reason = reason;
    this.problem = problem;
  }
  path;
  reason;
  problem;
  name = "RefusedFileError";
};
function describeFileType(stats) {
  return stats.isFile() ? "a regular file" : stats.isDirectory() ? "a directory" : stats.isFIFO() ? "a FIFO" : stats.isSocket() ? "a socket" : stats.isCharacterDevice() ? "a character device" : stats.isBlockDevice() ? "a block device" : stats.isSymbolicLink() ? "a symbolic link" : "not a regular file";
}
var notRegular = (path2, what, cause) => new RefusedFileError(path2, "not-regular", `is ${what}, not a regular file`, cause ? { cause } : void 0);
function openRegularFile(path2, flags, options = {}) {
  let follow = options.followSymlinks ?? !0, fd;
  try {
    fd = (0, import_node_fs.openSync)(path2, flags | O_NONBLOCK | (follow ? 0 : O_NOFOLLOW), options.mode);
  } catch (error) {
    let code = error.code;
    if (code === "ELOOP" || code === "ENXIO" || code === "EISDIR") {
      let what;
      try {
        what = describeFileType(follow ? (0, import_node_fs.statSync)(path2) : (0, import_node_fs.lstatSync)(path2));
      } catch {
      }
      if (what && what !== "a regular file") throw notRegular(path2, what, error);
    }
    throw error;
  }
  let stats;
  try {
    stats = (0, import_node_fs.fstatSync)(fd);
  } catch (error) {
    throw (0, import_node_fs.closeSync)(fd), error;
  }
  if (!stats.isFile())
    throw (0, import_node_fs.closeSync)(fd), notRegular(path2, describeFileType(stats));
  return { fd, stats };
}
function readRegularFile(path2, options) {
  let { fd, stats } = openRegularFile(path2, import_node_fs.constants.O_RDONLY, options);
  try {
    if (stats.size > options.maxBytes)
      throw new RefusedFileError(
        path2,
        "too-large",
        `is ${stats.size} bytes, more than ccbell reads (${options.maxBytes})`
      );
    let chunks = [], total = 0, chunkSize = Math.min(stats.size + 1, 64 * 1024);
    for (; ; ) {
      let chunk = Buffer.allocUnsafe(Math.min(chunkSize, options.maxBytes + 1 - total)), read = (0, import_node_fs.readSync)(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      if (chunks.push(chunk.subarray(0, read)), total += read, total > options.maxBytes)
        throw new RefusedFileError(
          path2,
          "too-large",
          `grew past ${options.maxBytes} bytes while ccbell read it`
        );
    }
    return { text: Buffer.concat(chunks, total).toString("utf8"), stats };
  } finally {
    (0, import_node_fs.closeSync)(fd);
  }
}

// src/log/logger.ts
var LOG_MAX_BYTES = 1024 * 1024, LOG_KEPT_FILES = 3;
function rotate(path2) {
  for (let index = LOG_KEPT_FILES - 1; index >= 1; index--)
    try {
      (0, import_node_fs2.renameSync)(`${path2}.${index}`, `${path2}.${index + 1}`);
    } catch {
    }
  try {
    (0, import_node_fs2.renameSync)(path2, `${path2}.1`);
  } catch {
  }
}
var APPEND = import_node_fs2.constants.O_WRONLY | import_node_fs2.constants.O_APPEND | import_node_fs2.constants.O_CREAT;
function openLog(path2) {
  try {
    return openRegularFile(path2, APPEND, { followSymlinks: !1, mode: 384 });
  } catch (error) {
    if (error.code !== "ENOENT") throw error;
    return (0, import_node_fs2.mkdirSync)((0, import_node_path.dirname)(path2), { recursive: !0, mode: 448 }), openRegularFile(path2, APPEND, { followSymlinks: !1, mode: 384 });
  }
}
function append(path2, level, message, maxBytes) {
  try {
    let log = openLog(path2);
    log.stats.size >= maxBytes && ((0, import_node_fs2.closeSync)(log.fd), rotate(path2), log = openLog(path2));
    let line = `${(/* @__PURE__ */ new Date()).toISOString()} [${process.pid}] ${level} ${message.replace(/[\r\n]+/g, " ")}
`;
    try {
      (0, import_node_fs2.writeSync)(log.fd, line);
    } finally {
      (0, import_node_fs2.closeSync)(log.fd);
    }
  } catch {
  }
}
function openLogger(path2, debugEnabled, maxBytes = LOG_MAX_BYTES) {
  return {
    path: path2,
    debugEnabled,
    debug(message) {
      debugEnabled && append(path2, "DEBUG", message, maxBytes);
    },
    info(message) {
      append(path2, "INFO", message, maxBytes);
    },
    warn(message) {
      append(path2, "WARN", message, maxBytes);
    }
  };
}

// src/notify/spawn.ts
var childProcess;
function load() {
  return childProcess ??= process.getBuiltinModule?.("node:child_process") ?? require("node:child_process"), childProcess;
}
var spawn = ((...args) => load().spawn(...args));

// src/notify/players.ts
var import_node_fs3 = require("node:fs"), import_node_path2 = __toESM(require("node:path"), 1);
function isExecutableFile(file) {
  try {
    return (0, import_node_fs3.accessSync)(file, import_node_fs3.constants.X_OK), (0, import_node_fs3.statSync)(file).isFile();
  } catch {
    return !1;
  }
}
function findOnPath(name, pathEnv, platform) {
  let delimiter = platform === "win32" ? ";" : ":";
  for (let dir of pathEnv.split(delimiter)) {
    if (!dir || !import_node_path2.default.isAbsolute(dir)) continue;
    let candidate = import_node_path2.default.join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
}

// src/notify/desktop.ts
var CLICK_WAIT_MS = 1800 * 1e3;
function notifySendClickArgs(args) {
  return ["--action=default=Focus", "--wait", ...args];
}

// src/notify/focus.ts
var CHECKS = {
  tmuxSocket: /^\/[^\0]{1,1000}$/,
  tmuxPane: /^%\d{1,9}$/,
  kittyWindow: /^\d{1,9}$/,
  kittyListenOn: /^(?:unix|tcp):[^\0\s]{1,1000}$/,
  weztermPane: /^\d{1,9}$/,
  x11Window: /^(?:\d{1,12}|0x[0-9a-fA-F]{1,10})$/,
  termProgram: /^[A-Za-z0-9._ -]{1,64}$/,
  macBundle: /^[A-Za-z0-9.-]{1,200}$/
};
function checkedPlace(raw) {
  let place = {};
  for (let key of Object.keys(CHECKS)) {
    let value = Object.hasOwn(raw, key) ? raw[key] : void 0;
    typeof value == "string" && CHECKS[key].test(value) && (place[key] = value);
  }
  return place;
}
function focusSteps(place, platform, has) {
  let steps = [];
  if (platform === "darwin" && place.macBundle && steps.push({
    command: "osascript",
    args: ["-e", `tell application id "${place.macBundle}" to activate`]
  }), platform !== "darwin" && place.x11Window && (has("wmctrl") ? steps.push({ command: "wmctrl", args: ["-i", "-a", place.x11Window] }) : has("xdotool") && steps.push({ command: "xdotool", args: ["windowactivate", String(Number(place.x11Window))] })), place.kittyWindow && steps.push({
    command: "kitten",
    args: [
      "@",
      ...place.kittyListenOn ? ["--to", place.kittyListenOn] : [],
      "focus-window",
      "--match",
      `id:${place.kittyWindow}`
    ]
  }), place.weztermPane && steps.push({ command: "wezterm", args: ["cli", "activate-pane", "--pane-id", place.weztermPane] }), place.tmuxPane) {
    let server = place.tmuxSocket ? ["-S", place.tmuxSocket] : [];
    for (let verb of ["select-window", "select-pane", "switch-client"])
      steps.push({ command: "tmux", args: [...server, verb, "-t", place.tmuxPane] });
  }
  return steps;
}
var STEP_TIMEOUT_MS = 3e3;
function runStep(step, path2, env) {
  return new Promise((resolve) => {
    let child = spawn(path2, step.args, { env, stdio: ["ignore", "ignore", "pipe"] }), stderr = "";
    child.stderr?.setEncoding("utf8"), child.stderr?.on("data", (chunk) => {
      stderr.length < 500 && (stderr += chunk);
    });
    let timer = setTimeout(() => child.kill("SIGKILL"), STEP_TIMEOUT_MS);
    child.on("error", (error) => {
      clearTimeout(timer), resolve({ step, ok: !1, detail: error.message });
    }), child.on("close", (code) => {
      clearTimeout(timer), resolve({ step, ok: code === 0, ...code === 0 ? {} : { detail: stderr.trim() || `exit ${code}` } });
    });
  });
}
async function focusPlace(place, env, platform = process.platform) {
  let pathEnv = env.PATH ?? "", has = (program) => findOnPath(program, pathEnv, platform) !== void 0, results = [];
  for (let step of focusSteps(place, platform, has)) {
    let path2 = findOnPath(step.command, pathEnv, platform);
    if (!path2) {
      results.push({ step, ok: !1, detail: `${step.command} is not installed` });
      continue;
    }
    results.push(await runStep(step, path2, env));
  }
  return results;
}

// src/state/lock.ts
var sleeper = new Int32Array(new SharedArrayBuffer(4));

// src/state/cooldown.ts
var STATE_MAX_BYTES = 8 * 1024 * 1024;

// src/state/marks.ts
var SWEEP_AFTER_MS = 1440 * 60 * 1e3;

// src/state/places.ts
var import_node_path3 = require("node:path");
var SAFE_SESSION = /^[A-Za-z0-9_-]{1,128}$/, PLACES_DIR = "places", SWEEP_AFTER_MS2 = 10080 * 60 * 1e3;
function placePath(cacheDir, sessionId) {
  return SAFE_SESSION.test(sessionId) ? (0, import_node_path3.join)(cacheDir, PLACES_DIR, `${sessionId}.json`) : void 0;
}
function readPlaceText(path2) {
  try {
    return readRegularFile(path2, { maxBytes: 8192, followSymlinks: !1 }).text;
  } catch {
    return;
  }
}
function readPlace(cacheDir, sessionId) {
  let path2 = placePath(cacheDir, sessionId), text = path2 ? readPlaceText(path2) : void 0;
  if (text !== void 0)
    try {
      let value = JSON.parse(text);
      if (typeof value != "object" || value === null || Array.isArray(value)) return;
      let place = {};
      for (let [key, field] of Object.entries(value)) typeof field == "string" && (place[key] = field);
      return place;
    } catch {
      return;
    }
}

// src/cli/args.ts
function stringFlag(args, name) {
  let value = args.flags[name];
  return typeof value == "string" ? value : void 0;
}

// src/config/channels.ts
var WEBHOOK_TYPES = ["ntfy", "slack", "discord", "telegram", "pushover", "webhook"], CHANNEL_TYPES = [...WEBHOOK_TYPES, "terminal", "speech"], TEMPLATE_FIELDS = [
  "instance",
  "project",
  "branch",
  "session",
  "tool",
  "command",
  "message",
  "event",
  "host"
], WEBHOOK_BODY_FIELDS = [...TEMPLATE_FIELDS, "title", "body", "url"];
var COMMON_KEYS = ["type", "title", "body", "templates", "rateLimit"], KEYS = {
  ntfy: [...COMMON_KEYS, "server", "topic", "token", "priority", "tags", "click"],
  slack: [...COMMON_KEYS, "url"],
  discord: [...COMMON_KEYS, "url", "username"],
  telegram: [...COMMON_KEYS, "token", "chatId", "apiUrl"],
  pushover: [...COMMON_KEYS, "token", "user", "apiUrl", "priority", "sound"],
  webhook: [...COMMON_KEYS, "url", "method", "headers"],
  terminal: ["type", "kind"],
  speech: ["type", "template", "templates", "voice", "rate"]
};

// src/instance/names.ts
var INSTANCE_COMMAND_WORDS = ["list", "create", "copy", "remove", "show"], DEFAULT_INSTANCE = "default", NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
function instanceNameProblem(name) {
  if (name.length === 0) return "is empty";
  if (name.length > 64) return `is ${name.length} characters long (at most 64)`;
  if (!NAME_PATTERN.test(name)) return 'may hold only letters, digits, "-" and "_"';
  if (INSTANCE_COMMAND_WORDS.includes(name)) return "is a command word";
}
function assertInstanceName(name) {
  let problem = instanceNameProblem(name);
  if (problem)
    throw new UsageError(
      `invalid instance name ${JSON.stringify(name.slice(0, 80))}: it ${problem}; use letters, digits, "-" and "_" (at most 64), not one of ${INSTANCE_COMMAND_WORDS.join(", ")}`
    );
  return name;
}

// src/config/load.ts
var CONFIG_MAX_BYTES = 1024 * 1024;

// src/config/project-file.ts
var PROJECT_FILE_MAX_BYTES = 64 * 1024;

// src/config/project-settings.ts
var DANGEROUS = 'sends data or runs something; only your own config (or its "projects" rules) may set it', REFUSED_REASONS = Object.assign(/* @__PURE__ */ Object.create(null), {
  channels: DANGEROUS,
  webhooks: DANGEROUS,
  webhook: DANGEROUS,
  speech: DANGEROUS,
  tts: DANGEROUS,
  player: DANGEROUS,
  approvals: DANGEROUS,
  appPort: DANGEROUS,
  projects: "chooses settings for other places; only your own config may hold it",
  profiles: "only your own config may define profiles",
  activeProfile: "only your own config may choose a profile"
});

// src/instance/paths.ts
var import_node_os = require("node:os"), import_node_path4 = require("node:path");
function claudeConfigDir(env = process.env) {
  let fromEnv = env.CLAUDE_CONFIG_DIR;
  return fromEnv && (0, import_node_path4.isAbsolute)(fromEnv) ? fromEnv : (0, import_node_path4.join)(env.HOME || (0, import_node_os.homedir)(), ".claude");
}
function registryPath(dir) {
  return (0, import_node_path4.join)(dir, "ccbell-instances.json");
}
function defaultInstancePaths(name, dir) {
  let stem = name === DEFAULT_INSTANCE ? "ccbell" : `ccbell-${name}`;
  return {
    name,
    config_path: (0, import_node_path4.join)(dir, `${stem}.config.json`),
    state_path: (0, import_node_path4.join)(dir, `${stem}.state`),
    cache_dir: (0, import_node_path4.join)(dir, `${stem}-cache`),
    log_path: (0, import_node_path4.join)(dir, `${stem}.log`),
    pid_path: (0, import_node_path4.join)(dir, `${stem}.pid`)
  };
}
function expandHome(path2, env = process.env) {
  return path2 === "~" ? env.HOME || (0, import_node_os.homedir)() : path2.startsWith("~/") ? (0, import_node_path4.join)(env.HOME || (0, import_node_os.homedir)(), path2.slice(2)) : path2;
}

// src/instance/pidfile.ts
var PID_FILE_MAX_BYTES = 64 * 1024;

// src/instance/registry.ts
var import_node_path5 = require("node:path");
var PATH_FIELDS = ["config_path", "state_path", "cache_dir", "log_path", "pid_path"], REGISTRY_MAX_BYTES = 1024 * 1024;
function readDocument(path2) {
  let text;
  try {
    text = readRegularFile(path2, { maxBytes: REGISTRY_MAX_BYTES }).text;
  } catch (error) {
    if (error instanceof RefusedFileError) throw new ConfigError(path2, "", error.problem, { cause: error });
    if (error.code === "ENOENT") return;
    throw new ConfigError(path2, "", "cannot be read", { cause: error });
  }
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(path2, "", `is not valid JSON (${error.message})`, { cause: error });
  }
  if (typeof raw != "object" || raw === null || Array.isArray(raw))
    throw new ConfigError(path2, "", "must hold a JSON object of instances");
  return raw;
}
function resolveDocument(path2, document, env) {
  let registry = /* @__PURE__ */ new Map();
  for (let [name, entry] of Object.entries(document)) {
    let problem = instanceNameProblem(name);
    if (problem) throw new ConfigError(path2, name, `is not a valid instance name: it ${problem}`);
    if (typeof entry != "object" || entry === null || Array.isArray(entry))
      throw new ConfigError(path2, name, "must be an object of paths");
    let clean = {};
    for (let field of PATH_FIELDS) {
      if (!Object.hasOwn(entry, field)) continue;
      let value = entry[field];
      if (value === void 0 || value === "") continue;
      let expanded = typeof value == "string" ? expandHome(value, env) : void 0;
      if (!expanded || !(0, import_node_path5.isAbsolute)(expanded))
        throw new ConfigError(path2, `${name}.${field}`, "must be an absolute path (or start with ~/)");
      clean[field] = expanded;
    }
    registry.set(name, clean);
  }
  return registry;
}
function readRegistry(dir, env = process.env) {
  let path2 = registryPath(dir);
  return resolveDocument(path2, readDocument(path2) ?? {}, env);
}
function isKnownInstance(name, registry) {
  return name === DEFAULT_INSTANCE || registry.has(name);
}
function resolveInstance(name, env = process.env) {
  assertInstanceName(name);
  let dir = claudeConfigDir(env), registry = name === DEFAULT_INSTANCE ? /* @__PURE__ */ new Map() : readRegistry(dir, env);
  if (!isKnownInstance(name, registry))
    throw new UsageError(`unknown instance "${name}": create it with "ccbell instance create ${name}"`);
  return { ...defaultInstancePaths(name, dir), ...registry.get(name), name };
}
function selectInstanceName(flag, env = process.env) {
  return assertInstanceName(flag ?? (env.CCBELL_INSTANCE || DEFAULT_INSTANCE));
}

// src/cli/instance-context.ts
function selectedInstance(args, context) {
  return resolveInstance(selectInstanceName(stringFlag(args, "instance"), context.env), context.env);
}

// src/cli/commands/focus.ts
function waitForClick(command, args, env) {
  return new Promise((resolve) => {
    let child = (0, import_node_child_process.spawn)(command, notifySendClickArgs(args), { env, stdio: ["ignore", "pipe", "ignore"] }), stdout = "";
    child.stdout.setEncoding("utf8"), child.stdout.on("data", (chunk) => {
      stdout.length < 1e3 && (stdout += chunk);
    });
    let timer = setTimeout(() => child.kill("SIGTERM"), CLICK_WAIT_MS);
    child.on("error", () => {
      clearTimeout(timer), resolve(!1);
    }), child.on("close", () => {
      clearTimeout(timer), resolve(stdout.split(`
`).some((line) => line.trim() === "default"));
    });
  });
}
var describe = (result) => `${result.ok ? "ok  " : "FAIL"} ${[result.step.command, ...result.step.args].join(" ")}${result.detail ? `: ${result.detail}` : ""}`;
async function runFocus(args, context) {
  let session = stringFlag(args, "session");
  if (!session) throw new UsageError("focus needs --session ID");
  let instance = selectedInstance(args, context), logger = openLogger(instance.log_path, !1);
  if (args.flags.click) {
    let [command, ...rest] = args.rest;
    if (!command) throw new UsageError('focus --click needs the notifier after "--"');
    if (!await waitForClick(command, rest, context.env)) return 0;
  }
  let record = readPlace(instance.cache_dir, session);
  if (!record) {
    let problem = `no terminal recorded for session ${session.slice(0, 40)}`;
    return logger.warn(`focus: ${problem}`), args.flags.click || context.stderr(`ccbell: ${problem}
`), 1;
  }
  let results = await focusPlace(checkedPlace(record), context.env);
  for (let result of results)
    result.ok || logger.debug(`focus: ${describe(result)}`), args.flags.click || context.stdout(`${describe(result)}
`);
  return results.some((result) => result.ok) ? 0 : 1;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  runFocus
});
