"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: !0 });
}, __copyProps = (to, from, except, desc) => {
  if (from && typeof from == "object" || typeof from == "function")
    for (let key of __getOwnPropNames(from))
      !__hasOwnProp.call(to, key) && key !== except && __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: !0 }), mod);

// src/cli/commands/deliver.ts
var deliver_exports = {};
__export(deliver_exports, {
  runDeliver: () => runDeliver
});
module.exports = __toCommonJS(deliver_exports);

// src/channels/detached.ts
var DELIVERY_ENV = "CCBELL_DELIVERY", HELPER_NICENESS = 10;
var EXEC_LOWER = `if command -v nice >/dev/null 2>&1; then exec nice -n ${HELPER_NICENESS} "$0" "$@"; fi; exec "$0" "$@"`;

// src/channels/rate-limit.ts
var import_node_fs4 = require("node:fs"), import_node_path2 = require("node:path");

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
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

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

// src/state/atomic.ts
var import_node_fs2 = require("node:fs"), import_node_path = require("node:path");
function prepareAtomicWrite(path2, options = {}) {
  let temp = (0, import_node_path.join)(
    (0, import_node_path.dirname)(path2),
    `.${(0, import_node_path.basename)(path2)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  ), fd = (0, import_node_fs2.openSync)(temp, "wx", options.mode ?? 384), close = () => {
    if (fd === void 0) return;
    let open = fd;
    fd = void 0, (0, import_node_fs2.closeSync)(open);
  };
  return {
    commit(data) {
      if (fd === void 0) throw new Error(`${temp} was already committed or abandoned`);
      try {
        (0, import_node_fs2.writeSync)(fd, data), options.durable && (0, import_node_fs2.fsyncSync)(fd), close(), (0, import_node_fs2.renameSync)(temp, path2);
      } catch (error) {
        try {
          close();
        } catch {
        }
        throw (0, import_node_fs2.rmSync)(temp, { force: !0 }), error;
      }
    },
    abandon() {
      fd !== void 0 && (close(), (0, import_node_fs2.rmSync)(temp, { force: !0 }));
    }
  };
}
function writeFileAtomic(path2, data, options = {}) {
  prepareAtomicWrite(path2, options).commit(data);
}

// src/state/lock.ts
var import_node_fs3 = require("node:fs");
var LockTimeoutError = class extends EnvironmentError {
  name = "LockTimeoutError";
}, STALE_CHECK_INTERVAL_MS = 100, MAX_BACKOFF_MS = 20, sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms) {
  Atomics.wait(sleeper, 0, 0, ms);
}
function isAlive(pid) {
  try {
    return process.kill(pid, 0), !0;
  } catch (error) {
    return error.code === "EPERM";
  }
}
function staleContent(lockPath, staleMs) {
  try {
    let content = readRegularFile(lockPath, { maxBytes: 4096, followSymlinks: !1 }).text, owner = Number.parseInt(content, 10);
    return Number.isInteger(owner) && owner > 0 && !isAlive(owner) || Date.now() - (0, import_node_fs3.statSync)(lockPath).mtimeMs > staleMs ? content : void 0;
  } catch {
    return;
  }
}
function breakStaleLock(lockPath, content) {
  let aside = `${lockPath}.stale.${process.pid}`;
  try {
    (0, import_node_fs3.renameSync)(lockPath, aside);
  } catch {
    return;
  }
  try {
    (0, import_node_fs3.readFileSync)(aside, "utf8") !== content && (0, import_node_fs3.linkSync)(aside, lockPath);
  } catch {
  }
  (0, import_node_fs3.rmSync)(aside, { force: !0 });
}
function release(lockPath) {
  try {
    (0, import_node_fs3.unlinkSync)(lockPath);
  } catch {
  }
}
function withFileLock(path2, critical, options = {}) {
  let lockPath = `${path2}.lock`, timeoutMs = options.timeoutMs ?? 3e3, staleMs = options.staleMs ?? 1e4, started = Date.now(), deadline = started + timeoutMs, nextStaleCheck = started, delay = 1;
  for (; ; ) {
    let fd;
    if (!(0, import_node_fs3.existsSync)(lockPath))
      try {
        fd = (0, import_node_fs3.openSync)(lockPath, "wx", 384);
      } catch (error) {
        if (error.code !== "EEXIST") throw error;
      }
    if (fd !== void 0)
      try {
        return (0, import_node_fs3.writeSync)(fd, `${process.pid} ${Math.random().toString(36).slice(2)}`), (0, import_node_fs3.closeSync)(fd), critical();
      } finally {
        release(lockPath);
      }
    let now = Date.now();
    if (now >= nextStaleCheck) {
      nextStaleCheck = now + STALE_CHECK_INTERVAL_MS;
      let stale = staleContent(lockPath, staleMs);
      if (stale !== void 0) {
        breakStaleLock(lockPath, stale);
        continue;
      }
    }
    if (now >= deadline)
      throw new LockTimeoutError(`${lockPath} is held by another process (waited ${now - started} ms)`);
    sleepSync(Math.min(delay + Math.random() * delay, deadline - now)), delay = Math.min(delay * 2, MAX_BACKOFF_MS);
  }
}

// src/state/cooldown.ts
var STATE_MAX_BYTES = 8 * 1024 * 1024;

// src/state/marks.ts
var SWEEP_AFTER_MS = 1440 * 60 * 1e3;

// src/state/places.ts
var SWEEP_AFTER_MS2 = 10080 * 60 * 1e3;

// src/channels/rate-limit.ts
var RATE_FILE = "channel-rate.json";
function readEntries(path2) {
  let entries = /* @__PURE__ */ Object.create(null), raw;
  try {
    raw = JSON.parse(readRegularFile(path2, { maxBytes: 1024 * 1024, followSymlinks: !1 }).text);
  } catch {
    return entries;
  }
  if (typeof raw != "object" || raw === null) return entries;
  for (let [name, value] of Object.entries(raw)) {
    let entry = value;
    !Array.isArray(entry?.sent) || !entry.sent.every((t) => typeof t == "number") || (entries[name] = {
      sent: entry.sent,
      ...typeof entry.warnedAt == "number" ? { warnedAt: entry.warnedAt } : {}
    });
  }
  return entries;
}
function claimRateSlot(cacheDir, name, limit, at) {
  let path2 = (0, import_node_path2.join)(cacheDir, RATE_FILE), windowMs = limit.perSeconds * 1e3;
  try {
    return (0, import_node_fs4.mkdirSync)(cacheDir, { recursive: !0, mode: 448 }), withFileLock(
      path2,
      () => {
        let nowMs = at ?? Date.now(), entries = readEntries(path2);
        for (let [key, entry2] of Object.entries(entries))
          entry2.sent.every((t) => nowMs - t > 864e5) && delete entries[key];
        let entry = entries[name] ?? { sent: [] };
        entry.sent = entry.sent.filter((t) => t > nowMs - windowMs);
        let verdict;
        if (entry.sent.length < limit.max)
          entry.sent.push(nowMs), verdict = { allowed: !0 };
        else {
          let firstDrop = entry.warnedAt === void 0 || nowMs - entry.warnedAt >= windowMs;
          firstDrop && (entry.warnedAt = nowMs), verdict = { allowed: !1, firstDrop };
        }
        return entries[name] = entry, writeFileAtomic(path2, JSON.stringify(entries), { mode: 384 }), verdict;
      },
      { timeoutMs: 2e3 }
    );
  } catch (error) {
    return { allowed: !0, unrecorded: (error instanceof LockTimeoutError, error.message) };
  }
}

// src/channels/http.ts
var HTTP_DEFAULTS = { timeoutMs: 1e4, maxRetries: 3, budgetMs: 3e4, backoffMs: 1e3 };
function retryAfterMs(header, nowMs = Date.now()) {
  if (!header) return;
  let text3 = header.trim();
  if (/^\d+$/.test(text3)) return Number(text3) * 1e3;
  let at = Date.parse(text3);
  return Number.isNaN(at) ? void 0 : Math.max(0, at - nowMs);
}
var retryable = (status) => status === 429 || status >= 500;
function networkReason(error) {
  let name = error?.name;
  if (name === "TimeoutError" || name === "AbortError") return "timed out";
  let code = error?.cause?.code;
  return `network error${typeof code == "string" ? ` (${code})` : ""}`;
}
var sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function sendWithRetries(request, options = {}) {
  let { timeoutMs, maxRetries, budgetMs, backoffMs } = { ...HTTP_DEFAULTS, ...options }, deadline = Date.now() + budgetMs, attempts = 0, last = { ok: !1, attempts: 0, reason: "not sent" };
  for (; ; ) {
    let left = deadline - Date.now();
    if (left <= 0) return { ...last, reason: `${last.reason}; gave up at the ${budgetMs / 1e3} s bound` };
    attempts++;
    let wait;
    try {
      let response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        // A redirect would carry the body (tokens among it) to another place: refused.
        redirect: "manual",
        signal: AbortSignal.timeout(Math.min(timeoutMs, left))
      });
      if (await response.arrayBuffer().catch(() => {
      }), response.status >= 200 && response.status < 300)
        return { ok: !0, status: response.status, attempts };
      if (last = { ok: !1, status: response.status, attempts, reason: `HTTP ${response.status}` }, !retryable(response.status)) return last;
      wait = retryAfterMs(response.headers.get("retry-after"));
    } catch (error) {
      last = { ok: !1, attempts, reason: networkReason(error) };
    }
    if (attempts > maxRetries) return { ...last, reason: `${last.reason} after ${attempts} attempts` };
    let delay = wait ?? backoffMs * 2 ** (attempts - 1) * (0.8 + Math.random() * 0.4);
    if (Date.now() + delay >= deadline)
      return { ...last, reason: `${last.reason}; the next try would pass the ${budgetMs / 1e3} s bound` };
    await sleep(delay);
  }
}

// src/channels/secrets.ts
var SecretError = class extends EnvironmentError {
  name = "SecretError";
}, SECRET_MAX_BYTES = 16 * 1024;
function resolveSecret(ref, env) {
  if (ref.startsWith("env:")) {
    let name = ref.slice(4), value = env[name]?.trim();
    if (!value) throw new SecretError(`environment variable ${name} is not set or empty`);
    return value;
  }
  if (ref.startsWith("file:/")) {
    let path2 = ref.slice(5), text3;
    try {
      text3 = readRegularFile(path2, { maxBytes: SECRET_MAX_BYTES }).text;
    } catch (error) {
      if (error instanceof RefusedFileError)
        throw new SecretError(`secret file ${error.message}`, { cause: error });
      let code = error.code;
      throw new SecretError(`secret file ${path2} cannot be read (${code ?? "unknown error"})`, {
        cause: error
      });
    }
    let value = text3.trim();
    if (!value) throw new SecretError(`secret file ${path2} is empty`);
    return value;
  }
  throw new SecretError("a secret must be env:VAR or file:/absolute/path");
}
function resolveMaybeSecret(value, env) {
  return value.startsWith("env:") || value.startsWith("file:/") ? resolveSecret(value, env) : value;
}

// src/channels/http-channel.ts
function httpChannel(build) {
  return {
    async deliver(message, settings, context) {
      let report = { channel: context.name, type: settings.type, outcome: "failed" }, request;
      try {
        request = build(message, settings, {
          secret: (ref) => resolveSecret(ref, context.env),
          maybe: (value) => resolveMaybeSecret(value, context.env)
        });
        let url = new URL(request.url);
        if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("the URL is not http(s)");
        report.host = url.host;
      } catch (error) {
        return report.reason = error?.name === "SecretError" ? messageOf(error) : "the configured URL is not a valid http(s) URL", report;
      }
      let result = await sendWithRetries(request, context.http);
      return report.attempts = result.attempts, result.status !== void 0 && (report.status = result.status), result.ok ? report.outcome = "delivered" : report.reason = result.reason ?? "failed", report;
    }
  };
}
var JSON_HEADERS = { "content-type": "application/json", "user-agent": "ccbell" };

// src/config/schema.ts
var EVENT_NAMES = [
  "stop",
  "permission_prompt",
  "idle_prompt",
  "subagent",
  "session_start",
  "session_end",
  "permission_request",
  "permission_denied",
  "stop_failure",
  "elicitation_dialog",
  "agent_needs_input",
  "agent_completed",
  "auth_success"
], TERMINAL_SETTINGS = ["off", "auto", "bell", "osc9", "osc777", "osc99", "title"], EVENT_DEFAULTS = {
  stop: { enabled: !0, sound: "bundled:stop", volume: 0.5, cooldown: 0, desktop: !1 },
  permission_prompt: {
    enabled: !0,
    sound: "bundled:permission_prompt",
    volume: 0.7,
    cooldown: 0,
    desktop: !0
  },
  idle_prompt: { enabled: !0, sound: "bundled:idle_prompt", volume: 0.5, cooldown: 0, desktop: !1 },
  subagent: { enabled: !0, sound: "bundled:subagent", volume: 0.5, cooldown: 0, desktop: !1 },
  session_start: {
    enabled: !1,
    sound: "bundled:session_start",
    volume: 0.4,
    cooldown: 0,
    desktop: !1
  },
  session_end: { enabled: !1, sound: "bundled:session_end", volume: 0.4, cooldown: 0, desktop: !1 },
  permission_request: {
    enabled: !0,
    sound: "bundled:permission_request",
    volume: 0.7,
    cooldown: 0,
    desktop: !0
  },
  // Auto mode blocked a tool call: the person may want to allow it by hand.
  permission_denied: {
    enabled: !0,
    sound: "bundled:permission_denied",
    volume: 0.6,
    cooldown: 0,
    desktop: !0
  },
  // The turn ended on an API error: nothing more happens until the person acts.
  stop_failure: { enabled: !0, sound: "bundled:stop_failure", volume: 0.7, cooldown: 0, desktop: !0 },
  // An MCP server asks the person something.
  elicitation_dialog: {
    enabled: !0,
    sound: "bundled:elicitation_dialog",
    volume: 0.7,
    cooldown: 0,
    desktop: !0
  },
  // A background agent (or auto mode) needs the person's choice.
  agent_needs_input: {
    enabled: !0,
    sound: "bundled:agent_needs_input",
    volume: 0.7,
    cooldown: 0,
    desktop: !0
  },
  agent_completed: {
    enabled: !0,
    sound: "bundled:agent_completed",
    volume: 0.5,
    cooldown: 0,
    desktop: !1
  },
  auth_success: { enabled: !1, sound: "bundled:auth_success", volume: 0.4, cooldown: 0, desktop: !1 }
};
function defaultConfig() {
  let events = {};
  for (let name of EVENT_NAMES) {
    let { enabled, sound, volume, cooldown } = EVENT_DEFAULTS[name];
    events[name] = { enabled, sound, volume, cooldown };
  }
  return {
    enabled: !0,
    debug: !1,
    activeProfile: "default",
    events,
    profiles: {},
    player: "auto",
    cooldownScope: "event",
    approvals: { allow: [], deny: [] },
    approvalTimeoutSeconds: 240,
    subagents: !1,
    idleAfterStop: !1,
    quietWhenFocused: !1,
    channels: {}
  };
}
function isEventName(name) {
  return EVENT_NAMES.includes(name);
}

// src/config/channels.ts
var BUILTIN_CHANNELS = ["sound", "desktop", "terminal", "speech"], WEBHOOK_TYPES = ["ntfy", "slack", "discord", "telegram", "pushover", "webhook"], CHANNEL_TYPES = [...WEBHOOK_TYPES, "terminal", "speech"], TEMPLATE_FIELDS = [
  "instance",
  "project",
  "branch",
  "session",
  "tool",
  "command",
  "message",
  "event",
  "host"
], WEBHOOK_BODY_FIELDS = [...TEMPLATE_FIELDS, "title", "body", "url"], PLACEHOLDER = /\{([A-Za-z_]+)\}/g, TERMINAL_KINDS = ["auto", "bell", "osc9", "osc777", "osc99", "title"], DEFAULT_RATE_LIMIT = { max: 10, perSeconds: 60 };
function isBuiltinChannel(name) {
  return BUILTIN_CHANNELS.includes(name);
}
function templatePlaceholders(template) {
  return Array.from(template.matchAll(PLACEHOLDER), (match) => match[1]);
}
var isObject = (value) => typeof value == "object" && value !== null && !Array.isArray(value), CHANNEL_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, ENV_REF = /^env:[A-Za-z_][A-Za-z0-9_]*$/, SECRET_HEADER = /auth|token|key|secret|passw|cookie|signature|credential|session/i, HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
function isSecretRef(value) {
  if (ENV_REF.test(value)) return !0;
  if (!value.startsWith("file:/")) return !1;
  let path2 = value.slice(5);
  return !path2.split("/").includes("..") && !path2.includes("\0");
}
var SECRET_HINT = "write it as env:VAR or file:/absolute/path, never inline", FieldReader = class _FieldReader {
  constructor(raw, field, problems) {
    this.raw = raw;
    this.field = field;
    this.problems = problems;
  }
  raw;
  field;
  problems;
  ok = !0;
  fail(key, problem, required) {
    this.problems.push({ field: `${this.field}.${key}`, problem }), required && (this.ok = !1);
  }
  /**
   * A secret: a reference only. Its value is never repeated in a problem. A bad one, even
   * optional, drops the channel: sending without the token the person meant to give (to a
   * public ntfy topic, say) would fail open.
   */
  secret(key, required) {
    let value = this.raw[key];
    return value === void 0 ? required ? this.fail(key, `is required (${SECRET_HINT})`, !0) : void 0 : typeof value != "string" || value === "" ? this.fail(key, `must be a string (${SECRET_HINT})`, !0) : isSecretRef(value) ? value : value.startsWith("env:") || value.startsWith("file:") ? this.fail(
      key,
      "is not a valid reference: env:NAME (letters, digits, _) or file:/absolute/path",
      !0
    ) : this.fail(key, `is a secret: ${SECRET_HINT}`, !0);
  }
  /** Plain text or a reference (a chat id, an ntfy topic). */
  textOrSecret(key, required, pattern, what) {
    let value = this.raw[key];
    return value === void 0 ? required ? this.fail(key, "is required", !0) : void 0 : typeof value == "number" && Number.isInteger(value) ? String(value) : typeof value != "string" || value === "" ? this.fail(key, "must be a non-empty string", required) : value.startsWith("env:") || value.startsWith("file:") ? isSecretRef(value) ? value : this.fail(key, "is not a valid reference: env:NAME or file:/absolute/path", required) : pattern && !pattern.test(value) ? this.fail(key, `must be ${what}`, required) : value;
  }
  /** An http(s) URL given inline (a server, an API base, a click link). */
  url(key, required, fallback) {
    let value = this.raw[key];
    return value === void 0 ? required ? this.fail(key, "is required", !0) : fallback : typeof value == "string" && isHttpUrl(value) ? value : this.fail(key, "must be an http:// or https:// URL", required) ?? fallback;
  }
  /** A URL that may hold a secret: inline or a reference; never repeated in a problem. */
  urlOrSecret(key) {
    let value = this.raw[key];
    return value === void 0 ? this.fail(key, "is required", !0) : typeof value == "string" && (isSecretRef(value) || isHttpUrl(value)) ? value : this.fail(key, "must be an http(s) URL, env:VAR or file:/absolute/path", !0);
  }
  template(key, fields = TEMPLATE_FIELDS) {
    let value = this.raw[key];
    if (value === void 0) return;
    if (typeof value != "string") return this.fail(key, "must be a string", !1);
    let problem = templateProblem(value, fields);
    return problem ? this.fail(key, problem, !1) : value;
  }
  integer(key, min, max) {
    let value = this.raw[key];
    if (value !== void 0)
      return typeof value == "number" && Number.isInteger(value) && value >= min && value <= max ? value : this.fail(key, `must be a whole number from ${min} to ${max}`, !1);
  }
  text(key, max = 200) {
    let value = this.raw[key];
    if (value !== void 0)
      return typeof value == "string" && value !== "" && value.length <= max ? value : this.fail(key, `must be a non-empty string of at most ${max} characters`, !1);
  }
  oneOf(key, values, fallback) {
    let value = this.raw[key];
    return value === void 0 ? fallback : typeof value == "string" && values.includes(value) ? value : (this.fail(key, `must be one of ${values.join(", ")}`, !1), fallback);
  }
  rateLimit() {
    let value = this.raw.rateLimit;
    if (value === void 0) return { ...DEFAULT_RATE_LIMIT };
    let field = `${this.field}.rateLimit`;
    if (!isObject(value))
      return this.problems.push({ field, problem: "must be an object {max, perSeconds}" }), { ...DEFAULT_RATE_LIMIT };
    let inner = new _FieldReader(value, field, this.problems);
    for (let key of Object.keys(value))
      key !== "max" && key !== "perSeconds" && this.problems.push({ field: `${field}.${key}`, problem: "is not a known setting" });
    return {
      max: inner.integer("max", 1, 1e3) ?? DEFAULT_RATE_LIMIT.max,
      perSeconds: inner.integer("perSeconds", 1, 86400) ?? DEFAULT_RATE_LIMIT.perSeconds
    };
  }
};
function isHttpUrl(value) {
  try {
    let url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return !1;
  }
}
function templateProblem(template, fields = TEMPLATE_FIELDS) {
  let unknown = templatePlaceholders(template).filter((name) => !fields.includes(name));
  if (unknown.length !== 0)
    return `unknown placeholder ${unknown.map((name) => `{${name}}`).join(", ")} (known: ${fields.map((f) => `{${f}}`).join(" ")})`;
}
function bodyTemplateProblems(value, field, problems, depth = 0) {
  if (depth > 20) {
    problems.push({ field, problem: "is nested too deeply" });
    return;
  }
  if (typeof value == "string") {
    let problem = templateProblem(value, WEBHOOK_BODY_FIELDS);
    problem && problems.push({ field, problem });
  } else if (Array.isArray(value))
    for (let [index, item] of value.entries())
      bodyTemplateProblems(item, `${field}[${index}]`, problems, depth + 1);
  else if (isObject(value))
    for (let [key, item] of Object.entries(value))
      bodyTemplateProblems(item, `${field}.${key}`, problems, depth + 1);
}
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
function readHeaders(raw, field, problems) {
  let headers = /* @__PURE__ */ Object.create(null);
  if (raw === void 0) return headers;
  if (!isObject(raw))
    return problems.push({ field, problem: "must be an object of header names to values" }), headers;
  for (let [name, value] of Object.entries(raw)) {
    let at = `${field}.${name}`;
    HEADER_NAME.test(name) ? typeof value != "string" || /[\r\n\0]/.test(value) ? problems.push({ field: at, problem: "must be a one-line string" }) : isSecretRef(value) ? headers[name] = value : value.startsWith("env:") || value.startsWith("file:") ? problems.push({ field: at, problem: "is not a valid reference: env:NAME or file:/absolute/path" }) : SECRET_HEADER.test(name) ? problems.push({ field: at, problem: `names a credential: ${SECRET_HINT}` }) : headers[name] = value : problems.push({ field: at, problem: "is not a valid header name" });
  }
  return headers;
}
function readTemplates(raw, type, field, problems) {
  if (raw === void 0) return;
  if (!isObject(raw)) {
    problems.push({ field, problem: "must be an object of event names to templates" });
    return;
  }
  let keys = type === "speech" ? ["template"] : ["title", "body"], templates = {};
  for (let [event, value] of Object.entries(raw)) {
    let at = `${field}.${event}`;
    if (!EVENT_NAMES.includes(event)) {
      problems.push({ field: at, problem: `is not an event (events: ${EVENT_NAMES.join(", ")})` });
      continue;
    }
    if (!isObject(value)) {
      problems.push({ field: at, problem: `must be an object with ${keys.join(" or ")}` });
      continue;
    }
    for (let key of Object.keys(value))
      keys.includes(key) || problems.push({ field: `${at}.${key}`, problem: "is not a known setting" });
    let read = new FieldReader(value, at, problems), entry = {};
    if (type === "speech") {
      let template = read.template("template");
      template !== void 0 && (entry.template = template);
    } else {
      let title = read.template("title");
      if (title !== void 0 && (entry.title = title), type === "webhook") {
        let before = problems.length;
        value.body !== void 0 && bodyTemplateProblems(value.body, `${at}.body`, problems), value.body !== void 0 && problems.length === before && (entry.bodyTemplate = value.body);
      } else {
        let body = read.template("body");
        body !== void 0 && (entry.body = body);
      }
    }
    Object.keys(entry).length > 0 && (templates[event] = entry);
  }
  return Object.keys(templates).length > 0 ? templates : void 0;
}
function readChannel(raw, field, problems) {
  let type = raw.type;
  if (typeof type != "string" || !CHANNEL_TYPES.includes(type)) {
    problems.push({ field: `${field}.type`, problem: `must be one of ${CHANNEL_TYPES.join(", ")}` });
    return;
  }
  for (let key of Object.keys(raw))
    KEYS[type].includes(key) || problems.push({ field: `${field}.${key}`, problem: "is not a known setting" });
  let read = new FieldReader(raw, field, problems), channel;
  if (type === "terminal") return { type, kind: read.oneOf("kind", TERMINAL_KINDS, "auto") };
  if (type === "speech") {
    let speech = { type }, template = read.template("template"), voice = read.text("voice", 100), rate = read.integer("rate", 50, 500);
    template !== void 0 && (speech.template = template), voice !== void 0 && (speech.voice = voice), rate !== void 0 && (speech.rate = rate);
    let templates2 = readTemplates(raw.templates, type, `${field}.templates`, problems);
    return templates2 && (speech.templates = templates2), speech;
  }
  let base = { rateLimit: read.rateLimit() }, title = read.template("title"), body = type === "webhook" ? void 0 : read.template("body");
  title !== void 0 && (base.title = title), body !== void 0 && (base.body = body);
  let templates = readTemplates(raw.templates, type, `${field}.templates`, problems);
  switch (templates && (base.templates = templates), type) {
    case "ntfy": {
      let ntfy2 = {
        ...base,
        type,
        server: read.url("server", !1, "https://ntfy.sh"),
        topic: read.textOrSecret(
          "topic",
          !0,
          /^[-_A-Za-z0-9]{1,64}$/,
          "letters, digits, - and _ (at most 64)"
        )
      }, token = read.secret("token", !1), priority = read.integer("priority", 1, 5), click = read.url("click", !1);
      if (token && (ntfy2.token = token), priority !== void 0 && (ntfy2.priority = priority), click && (ntfy2.click = click), raw.tags !== void 0) {
        let tags = raw.tags;
        Array.isArray(tags) && tags.every((tag) => typeof tag == "string" && /^[^,\s]{1,50}$/.test(tag)) ? ntfy2.tags = tags : problems.push({ field: `${field}.tags`, problem: "must be a list of words (no commas or spaces)" });
      }
      channel = ntfy2;
      break;
    }
    case "slack":
      channel = { ...base, type, url: read.secret("url", !0) };
      break;
    case "discord": {
      let discord2 = { ...base, type, url: read.secret("url", !0) }, username = read.text("username", 80);
      username && (discord2.username = username), channel = discord2;
      break;
    }
    case "telegram":
      channel = {
        ...base,
        type,
        token: read.secret("token", !0),
        chatId: read.textOrSecret(
          "chatId",
          !0,
          /^(-?\d{1,20}|@[A-Za-z0-9_]{4,64})$/,
          "a numeric chat id or @channelname"
        ),
        apiUrl: read.url("apiUrl", !1, "https://api.telegram.org")
      };
      break;
    case "pushover": {
      let pushover2 = {
        ...base,
        type,
        token: read.secret("token", !0),
        user: read.secret("user", !0),
        apiUrl: read.url("apiUrl", !1, "https://api.pushover.net")
      }, priority = read.integer("priority", -2, 1), sound = read.text("sound", 40);
      priority !== void 0 && (pushover2.priority = priority), sound && (pushover2.sound = sound), channel = pushover2;
      break;
    }
    case "webhook": {
      let webhook2 = {
        ...base,
        type,
        url: read.urlOrSecret("url"),
        method: read.oneOf("method", ["POST", "PUT"], "POST"),
        headers: readHeaders(raw.headers, `${field}.headers`, problems)
      };
      if (raw.body !== void 0) {
        let before = problems.length;
        bodyTemplateProblems(raw.body, `${field}.body`, problems), problems.length === before && (webhook2.bodyTemplate = raw.body);
      }
      channel = webhook2;
      break;
    }
  }
  return read.ok ? channel : void 0;
}
function readChannels(raw, problems) {
  let channels = /* @__PURE__ */ Object.create(null), defined = /* @__PURE__ */ new Set();
  if (raw === void 0) return { channels, defined };
  if (!isObject(raw))
    return problems.push({ field: "channels", problem: "must be an object of channel names to settings" }), { channels, defined };
  for (let [name, value] of Object.entries(raw)) {
    let field = `channels.${name}`;
    if (!CHANNEL_NAME.test(name)) {
      problems.push({ field, problem: "a channel name is letters, digits, - and _ (at most 64)" });
      continue;
    }
    if (name === "sound" || name === "desktop") {
      problems.push({ field, problem: `"${name}" is built in; set it up under events` });
      continue;
    }
    if (defined.add(name), !isObject(value)) {
      problems.push({ field, problem: 'must be an object with a "type"' });
      continue;
    }
    let channel = readChannel(value, field, problems);
    if (channel && isBuiltinChannel(name) && channel.type !== name) {
      problems.push({
        field: `${field}.type`,
        problem: `the channel named "${name}" must be of type "${name}"`
      });
      continue;
    }
    channel && (channels[name] = channel);
  }
  return { channels, defined };
}
function readChannelList(raw, field, problems) {
  if (!Array.isArray(raw) || !raw.every((name) => typeof name == "string")) {
    problems.push({ field, problem: "must be a list of channel names" });
    return;
  }
  return [...new Set(raw)];
}
function checkChannelNames(list, defined, field, problems) {
  return list.filter((name, index) => {
    if (isBuiltinChannel(name) || defined.has(name)) return !0;
    let known = [...BUILTIN_CHANNELS, ...defined].join(", ");
    return problems.push({
      field: `${field}[${index}]`,
      problem: `unknown channel "${name.slice(0, 60)}" (known: ${known})`
    }), !1;
  });
}

// src/notify/players.ts
var KNOWN_PLAYERS = ["afplay", "pw-play", "paplay", "aplay", "mpv", "ffplay"];

// src/config/port.ts
function portProblem(value, options = {}) {
  if (!(options.allowAny && value === 0) && !(typeof value == "number" && Number.isInteger(value) && value >= 1024 && value <= 65535))
    return `must be a port number from 1024 to 65535${options.allowAny ? " (or 0: any free port)" : ""}`;
}

// src/config/phone.ts
var KEYS2 = ["enabled", "publicUrl", "host", "port"];
function isPrivateHost(host) {
  if (host === "localhost" || host === "[::1]" || host === "::1") return !0;
  let parts = host.split(".").map(Number);
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255))
    return !1;
  let [a = -1, b = -1] = parts;
  return a === 127 || a === 10 || a === 172 && b >= 16 && b <= 31 || a === 192 && b === 168 || a === 100 && b >= 64 && b <= 127;
}
function publicUrlProblem(value) {
  if (typeof value != "string" || value === "") return "must be the URL your phone reaches the app at";
  let url;
  try {
    url = new URL(value);
  } catch {
    return "is not a URL";
  }
  if (url.username || url.password) return "must not carry a user name or password";
  if (url.search || url.hash) return "must not carry a query or a fragment";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isPrivateHost(url.hostname)))
    return "must be https (plain http only to a loopback, private or VPN address)";
}
function readPhoneApprovals(raw, problems, field = "phoneApprovals") {
  if (raw === void 0) return;
  if (typeof raw != "object" || raw === null || Array.isArray(raw)) {
    problems.push({ field, problem: "must be an object {enabled, publicUrl, port, host}" });
    return;
  }
  let block = raw;
  for (let key of Object.keys(block))
    KEYS2.includes(key) || problems.push({ field: `${field}.${key}`, problem: "is not a known setting" });
  block.enabled !== void 0 && typeof block.enabled != "boolean" && problems.push({ field: `${field}.enabled`, problem: "must be true or false" });
  let before = problems.length, urlProblem2 = publicUrlProblem(block.publicUrl);
  urlProblem2 && problems.push({ field: `${field}.publicUrl`, problem: urlProblem2 });
  let port = portProblem(block.port);
  port && problems.push({ field: `${field}.port`, problem: port });
  let host = block.host ?? "127.0.0.1";
  if ((typeof host != "string" || !/^[0-9a-fA-F.:]+$/.test(host)) && problems.push({
    field: `${field}.host`,
    problem: "must be an IP address to listen on (default 127.0.0.1)"
  }), !(block.enabled !== !0 || problems.length > before))
    return {
      publicUrl: block.publicUrl.replace(/\/+$/, ""),
      host,
      port: block.port
    };
}

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

// src/config/project-rules.ts
var isObject2 = (value) => typeof value == "object" && value !== null && !Array.isArray(value), RULE_KEYS = /* @__PURE__ */ new Set(["match", "branch", "instance"]);
function readProjectRules(raw, problems, validate) {
  if (!Array.isArray(raw))
    return problems.push({ field: "projects", problem: "must be a list of rules {match, \u2026}" }), [];
  let rules = [];
  return raw.forEach((rule, index) => {
    let read = readRule(rule, `projects[${index}]`, problems, validate);
    read && rules.push(read);
  }), rules;
}
function readRule(rule, field, problems, validate) {
  if (!isObject2(rule)) {
    problems.push({ field, problem: "must be an object {match, branch?, instance?, \u2026settings}" });
    return;
  }
  let { match, branch, instance } = rule, bad = (problem, at = "") => {
    problems.push({ field: `${field}${at}`, problem });
  };
  if (typeof match != "string" || match === "") return bad("must be a glob on the cwd", ".match");
  if (branch !== void 0 && (typeof branch != "string" || branch === ""))
    return bad("must be a glob on the git branch", ".branch");
  if (instance !== void 0) {
    let problem = typeof instance == "string" ? instanceNameProblem(instance) : "must be a string";
    if (problem) return bad(`names no instance: it ${problem}`, ".instance");
  }
  let settings = {};
  for (let [key, value] of Object.entries(rule))
    if (!RULE_KEYS.has(key)) {
      if (key === "projects") return bad("a rule may not hold rules", ".projects");
      Object.defineProperty(settings, key, { value, enumerable: !0, writable: !0, configurable: !0 });
    }
  let settingProblems = validate(settings).problems;
  if (settingProblems.length > 0) {
    for (let problem of settingProblems)
      problems.push({ field: `${field}.${problem.field}`, problem: problem.problem });
    return;
  }
  return {
    match,
    ...branch === void 0 ? {} : { branch },
    ...instance === void 0 ? {} : { instance },
    settings
  };
}

// src/config/quiet-hours.ts
var HH_MM = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;
function parseClock(text3) {
  let match = HH_MM.exec(text3);
  if (match)
    return Number(match[1]) * 60 + Number(match[2]);
}

// src/config/remote.ts
var TOKEN = /^[A-Za-z0-9_-]{1,64}$/, SECRET_REF = /^(file:\/.+|env:[A-Za-z_][A-Za-z0-9_]{0,127})$/, KEYS3 = ["url", "user", "credentials", "ca", "cert", "key"], isObject3 = (value) => typeof value == "object" && value !== null && !Array.isArray(value);
function isLoopbackHost(host) {
  let bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127(\.\d{1,3}){3}$/.test(bare);
}
function remoteUsesTls(config) {
  return config.ca !== void 0 || config.cert !== void 0 || config.url.some((u) => u.startsWith("tls://"));
}
function urlProblem(text3, tls) {
  let url;
  try {
    url = new URL(text3);
  } catch {
    return `is not a URL (got ${JSON.stringify(text3.slice(0, 60))})`;
  }
  if (url.protocol !== "nats:" && url.protocol !== "tls:") return "must start with nats:// or tls://";
  if (url.username || url.password) return "must not hold a user or password; use remote.credentials";
  if (!url.hostname) return "has no host";
  if (!tls && !isLoopbackHost(url.hostname))
    return `reaches ${url.hostname} without TLS; use tls:// (plain nats:// is for loopback only)`;
}
function path(value, field, problems) {
  if (value !== void 0) {
    if (typeof value == "string" && value.startsWith("/")) return value;
    problems.push({ field, problem: "must be an absolute file path" });
  }
}
function secret(value, field, problems) {
  if (typeof value == "string" && SECRET_REF.test(value)) return value;
  problems.push({
    field,
    problem: 'must be "file:/absolute/path" or "env:VARIABLE" (a secret is never written here)'
  });
}
function readCredentials(raw, problems) {
  let field = "remote.credentials";
  if (!isObject3(raw)) {
    problems.push({ field, problem: "must be an object: {creds}, {nkey} or {password}" });
    return;
  }
  let kinds = ["creds", "nkey", "password"].filter((key) => raw[key] !== void 0);
  for (let key of Object.keys(raw))
    ["creds", "nkey", "password", "login"].includes(key) || problems.push({ field: `${field}.${key}`, problem: "is not a known setting" });
  if (kinds.length !== 1) {
    problems.push({ field, problem: "must hold exactly one of creds, nkey, password" });
    return;
  }
  if (raw.creds !== void 0) {
    let file = path(raw.creds, `${field}.creds`, problems);
    return file ? { creds: file } : void 0;
  }
  if (raw.nkey !== void 0) {
    let ref2 = secret(raw.nkey, `${field}.nkey`, problems);
    return ref2 ? { nkey: ref2 } : void 0;
  }
  let ref = secret(raw.password, `${field}.password`, problems);
  if (raw.login !== void 0 && (typeof raw.login != "string" || !TOKEN.test(raw.login))) {
    problems.push({ field: `${field}.login`, problem: 'must be letters, digits, "-" and "_"' });
    return;
  }
  return ref ? { password: ref, ...typeof raw.login == "string" ? { login: raw.login } : {} } : void 0;
}
function readRemoteConfig(raw, problems) {
  if (!isObject3(raw)) {
    problems.push({ field: "remote", problem: "must be an object {url, user, credentials, ca, cert, key}" });
    return;
  }
  let before = problems.length;
  for (let key2 of Object.keys(raw))
    KEYS3.includes(key2) || problems.push({ field: `remote.${key2}`, problem: "is not a known setting" });
  let urls = typeof raw.url == "string" ? [raw.url] : raw.url;
  (!Array.isArray(urls) || urls.length === 0 || !urls.every((u) => typeof u == "string")) && problems.push({ field: "remote.url", problem: "must be a broker URL (or a list of them)" }), (typeof raw.user != "string" || !TOKEN.test(raw.user)) && problems.push({
    field: "remote.user",
    problem: 'must be 1-64 letters, digits, "-" and "_" (a subject token)'
  });
  let ca = path(raw.ca, "remote.ca", problems), cert = path(raw.cert, "remote.cert", problems), key = path(raw.key, "remote.key", problems);
  cert === void 0 != (key === void 0) && problems.length === before && problems.push({ field: "remote.cert", problem: "cert and key go together" });
  let credentials = raw.credentials === void 0 ? void 0 : readCredentials(raw.credentials, problems);
  if (Array.isArray(urls) && urls.every((u) => typeof u == "string")) {
    let tls = remoteUsesTls({ url: urls, ...ca ? { ca } : {}, ...cert ? { cert } : {} });
    urls.forEach((text3, index) => {
      let problem = urlProblem(text3, tls);
      problem && problems.push({ field: urls.length > 1 ? `remote.url[${index}]` : "remote.url", problem });
    });
  }
  if (!(problems.length > before))
    return {
      url: urls,
      user: raw.user,
      ...credentials ? { credentials } : {},
      ...ca ? { ca } : {},
      ...cert ? { cert } : {},
      ...key ? { key } : {}
    };
}

// src/config/validate.ts
var TOLERATED_KEYS = /* @__PURE__ */ new Set(["activePack", "packs", "$schema"]), TOP_LEVEL_KEYS = /* @__PURE__ */ new Set([
  "enabled",
  "debug",
  "activeProfile",
  "quietHours",
  "events",
  "profiles",
  "player",
  "cooldownScope",
  "approvals",
  "approvalTimeoutSeconds",
  "appPort",
  "subagents",
  "idleAfterStop",
  "phoneApprovals",
  "terminal",
  "channels",
  // Per-project settings (issue 11).
  "projects",
  "label",
  "remote",
  // issue 12
  "quietWhenFocused"
]), EVENT_KEYS = ["enabled", "sound", "volume", "cooldown", "desktop", "channels"], isObject4 = (value) => typeof value == "object" && value !== null && !Array.isArray(value), show = (value) => JSON.stringify(value)?.slice(0, 60) ?? String(value);
function reportUnknownKeys(raw, known, field, problems) {
  for (let key of Object.keys(raw))
    known.includes(key) || problems.push({ field: `${field}.${key}`, problem: "is not a known setting" });
}
function soundSpecProblem(spec) {
  if (spec.startsWith("bundled:"))
    return /^[a-z_]+$/.test(spec.slice(8)) ? void 0 : 'a bundled sound name is lowercase letters and "_"';
  let path2 = spec.startsWith("custom:") ? spec.slice(7) : spec;
  if (!path2.startsWith("/")) return "must be bundled:NAME, custom:/absolute/path or an absolute path";
  if (path2.split("/").includes("..")) return 'must not contain ".."';
}
function readEvent(raw, field, problems) {
  let event = {};
  if (!isObject4(raw))
    return problems.push({ field, problem: `must be an object (got ${show(raw)})` }), event;
  reportUnknownKeys(raw, EVENT_KEYS, field, problems);
  let { enabled, sound, volume, cooldown, desktop, channels } = raw;
  if (channels !== void 0) {
    let list = readChannelList(channels, `${field}.channels`, problems);
    list && (event.channels = list);
  }
  if (enabled !== void 0 && (typeof enabled == "boolean" ? event.enabled = enabled : problems.push({ field: `${field}.enabled`, problem: `must be true or false (got ${show(enabled)})` })), desktop !== void 0 && (typeof desktop == "boolean" ? event.desktop = desktop : problems.push({ field: `${field}.desktop`, problem: `must be true or false (got ${show(desktop)})` })), sound !== void 0 && sound !== "") {
    let problem = typeof sound == "string" ? soundSpecProblem(sound) : "must be a string";
    problem ? problems.push({ field: `${field}.sound`, problem: `${problem} (got ${show(sound)})` }) : event.sound = sound;
  }
  return volume !== void 0 && (typeof volume == "number" && volume >= 0 && volume <= 1 ? event.volume = volume : problems.push({
    field: `${field}.volume`,
    problem: `must be a number from 0 to 1 (got ${show(volume)})`
  })), cooldown !== void 0 && (typeof cooldown == "number" && Number.isInteger(cooldown) && cooldown >= 0 ? event.cooldown = cooldown : problems.push({
    field: `${field}.cooldown`,
    problem: `must be a whole number of seconds, 0 or more (got ${show(cooldown)})`
  })), event;
}
function readEvents(raw, field, problems) {
  let events = {};
  if (!isObject4(raw))
    return problems.push({ field, problem: `must be an object (got ${show(raw)})` }), events;
  for (let [name, value] of Object.entries(raw)) {
    if (!isEventName(name)) {
      problems.push({
        field: `${field}.${name}`,
        problem: `unknown event (known: ${EVENT_NAMES.join(", ")})`
      });
      continue;
    }
    events[name] = readEvent(value, `${field}.${name}`, problems);
  }
  return events;
}
function readRuleList(raw, field, problems, checkRule) {
  return raw === void 0 ? [] : Array.isArray(raw) ? raw.filter((rule, index) => {
    let problem = typeof rule == "string" ? checkRule?.(rule) : `must be a string (got ${show(rule)})`;
    return problem !== void 0 && problems.push({ field: `${field}[${index}]`, problem }), problem === void 0;
  }) : (problems.push({ field, problem: "must be a list of strings" }), []);
}
function validateConfig(raw, options = {}) {
  let config = defaultConfig(), problems = [];
  if (!isObject4(raw))
    return problems.push({ field: "", problem: `the file must hold a JSON object (got ${show(raw)})` }), { config, problems };
  for (let key of Object.keys(raw))
    !TOP_LEVEL_KEYS.has(key) && !TOLERATED_KEYS.has(key) && problems.push({ field: key, problem: "is not a known setting" });
  for (let key of ["enabled", "debug", "subagents", "idleAfterStop", "quietWhenFocused"]) {
    let value = raw[key];
    value !== void 0 && (typeof value == "boolean" ? config[key] = value : problems.push({ field: key, problem: `must be true or false (got ${show(value)})` }));
  }
  if (raw.events !== void 0)
    for (let [name, event] of Object.entries(readEvents(raw.events, "events", problems)))
      config.events[name] = { ...config.events[name], ...event };
  if (raw.profiles !== void 0)
    if (!isObject4(raw.profiles)) problems.push({ field: "profiles", problem: "must be an object" });
    else
      for (let [name, profile] of Object.entries(raw.profiles)) {
        let field = `profiles.${name}`;
        if (!isObject4(profile)) {
          problems.push({ field, problem: 'must be an object with "events"' });
          continue;
        }
        reportUnknownKeys(profile, ["events"], field, problems), Object.defineProperty(config.profiles, name, {
          value: profile.events === void 0 ? {} : { events: readEvents(profile.events, `${field}.events`, problems) },
          enumerable: !0,
          writable: !0,
          configurable: !0
        });
      }
  if (raw.activeProfile !== void 0) {
    let active = raw.activeProfile;
    if (typeof active != "string") problems.push({ field: "activeProfile", problem: "must be a string" });
    else if (active !== "default" && !Object.hasOwn(config.profiles, active)) {
      let known = ["default", ...Object.keys(config.profiles)].join(", ");
      problems.push({
        field: "activeProfile",
        problem: `profile ${show(active)} is not defined (known: ${known})`
      });
    } else config.activeProfile = active;
  }
  if (raw.quietHours !== void 0) {
    let quiet = raw.quietHours;
    if (!isObject4(quiet)) problems.push({ field: "quietHours", problem: "must be an object {start, end}" });
    else {
      reportUnknownKeys(quiet, ["start", "end"], "quietHours", problems);
      let bad = ["start", "end"].filter(
        (key) => quiet[key] !== "" && (typeof quiet[key] != "string" || parseClock(quiet[key]) === void 0)
      );
      for (let key of bad)
        problems.push({
          field: `quietHours.${key}`,
          problem: `must be a 24-hour time HH:MM (got ${show(quiet[key])})`
        });
      bad.length === 0 && quiet.start !== "" && quiet.end !== "" && (config.quietHours = { start: quiet.start, end: quiet.end });
    }
  }
  if (raw.player !== void 0) {
    let player = raw.player;
    typeof player == "string" && (player === "auto" || KNOWN_PLAYERS.includes(player) || player.startsWith("/")) ? config.player = player : problems.push({
      field: "player",
      problem: `must be "auto", one of ${KNOWN_PLAYERS.join(", ")}, or an absolute path (got ${show(player)})`
    });
  }
  if (raw.terminal !== void 0 && (TERMINAL_SETTINGS.includes(raw.terminal) ? config.terminal = raw.terminal : problems.push({
    field: "terminal",
    problem: `must be one of ${TERMINAL_SETTINGS.join(", ")} (got ${show(raw.terminal)})`
  })), raw.cooldownScope !== void 0 && (raw.cooldownScope === "event" || raw.cooldownScope === "session" ? config.cooldownScope = raw.cooldownScope : problems.push({
    field: "cooldownScope",
    problem: `must be "event" or "session" (got ${show(raw.cooldownScope)})`
  })), raw.approvals !== void 0 && (isObject4(raw.approvals) ? (reportUnknownKeys(raw.approvals, ["allow", "deny"], "approvals", problems), config.approvals = {
    allow: readRuleList(raw.approvals.allow, "approvals.allow", problems, options.checkRule),
    deny: readRuleList(raw.approvals.deny, "approvals.deny", problems, options.checkRule)
  }) : problems.push({ field: "approvals", problem: "must be an object {allow, deny}" })), raw.approvalTimeoutSeconds !== void 0) {
    let seconds = raw.approvalTimeoutSeconds;
    typeof seconds == "number" && seconds > 0 && seconds <= 86400 ? config.approvalTimeoutSeconds = seconds : problems.push({
      field: "approvalTimeoutSeconds",
      problem: `must be a number of seconds from 1 to 86400 (got ${show(seconds)})`
    });
  }
  if (raw.appPort !== void 0) {
    let port = raw.appPort, problem = portProblem(port);
    problem === void 0 ? config.appPort = port : problems.push({ field: "appPort", problem: `${problem} (got ${show(port)})` });
  }
  let phone = readPhoneApprovals(raw.phoneApprovals, problems);
  phone && (config.phoneApprovals = phone);
  let { channels, defined } = readChannels(raw.channels, problems);
  config.channels = channels;
  let checkLists = (events, field) => {
    for (let [name, event] of Object.entries(events ?? {}))
      event?.channels && (event.channels = checkChannelNames(event.channels, defined, `${field}.${name}.channels`, problems));
  };
  checkLists(config.events, "events");
  for (let [name, profile] of Object.entries(config.profiles))
    checkLists(profile.events, `profiles.${name}.events`);
  if (raw.projects !== void 0) {
    let rules = readProjectRules(raw.projects, problems, (overlay) => validateConfig(overlay, options));
    rules.length > 0 && (config.projects = rules);
  }
  if (raw.label !== void 0 && (typeof raw.label == "string" && raw.label.trim() !== "" && raw.label.length <= 60 ? config.label = raw.label.trim() : problems.push({ field: "label", problem: `must be a short non-empty string (got ${show(raw.label)})` })), raw.remote !== void 0) {
    let remote = readRemoteConfig(raw.remote, problems);
    remote && (config.remote = remote);
  }
  return { config, problems };
}

// src/config/load.ts
var CONFIG_MAX_BYTES = 1024 * 1024;
function loadConfig(path2, options = {}) {
  let text3;
  try {
    text3 = readRegularFile(path2, { maxBytes: CONFIG_MAX_BYTES }).text;
  } catch (error) {
    if (error instanceof RefusedFileError)
      return {
        config: defaultConfig(),
        path: path2,
        exists: !0,
        problems: [{ field: "", problem: error.problem }]
      };
    let code = error.code;
    return code === "ENOENT" ? { config: defaultConfig(), path: path2, exists: !1, problems: [] } : {
      config: defaultConfig(),
      path: path2,
      exists: !0,
      problems: [{ field: "", problem: `cannot be read (${code ?? error.message})` }]
    };
  }
  let raw;
  try {
    raw = JSON.parse(text3);
  } catch (error) {
    return {
      config: defaultConfig(),
      path: path2,
      exists: !0,
      problems: [{ field: "", problem: `is not valid JSON (${error.message})` }]
    };
  }
  let object = typeof raw == "object" && raw !== null && !Array.isArray(raw) ? raw : void 0;
  return { path: path2, exists: !0, ...validateConfig(raw, options), ...object ? { raw: object } : {} };
}
function describeProblems(loaded) {
  let [first, ...rest] = loaded.problems;
  if (!first) return;
  let where = first.field ? `${loaded.path}: ${first.field}` : loaded.path, more = rest.length ? ` (and ${rest.length} more; run "ccbell doctor")` : "", fallback = /\[\d+\]$/.test(first.field) ? "skipping it" : "using defaults for it";
  return `config ${where} ${first.problem}; ${fallback}${more}`;
}

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

// src/channels/template.ts
function templateValues(message) {
  return { ...message.fields, title: message.title, body: message.body, url: message.url ?? "" };
}
function renderTemplate(template, values) {
  return template.replace(
    PLACEHOLDER,
    (whole, name) => Object.hasOwn(values, name) ? values[name] : whole
  );
}
function renderJsonTemplate(template, values) {
  if (typeof template == "string") return renderTemplate(template, values);
  if (Array.isArray(template)) return template.map((item) => renderJsonTemplate(item, values));
  if (typeof template == "object" && template !== null) {
    let out = {};
    for (let [key, value] of Object.entries(template)) out[key] = renderJsonTemplate(value, values);
    return out;
  }
  return template;
}
function eventTemplates(message, settings) {
  let templates = settings.templates, event = message.fields.event;
  return templates && Object.hasOwn(templates, event) ? templates[event] : void 0;
}
function titleAndBody(message, settings) {
  let values = templateValues(message), forEvent = eventTemplates(message, settings), title = forEvent?.title ?? settings.title, body = forEvent?.body ?? settings.body;
  return {
    title: title !== void 0 ? renderTemplate(title, values) : message.title,
    body: body !== void 0 ? renderTemplate(body, values) : message.body
  };
}
function cut(text3, max) {
  let chars = Array.from(text3);
  return chars.length <= max ? text3 : `${chars.slice(0, max - 1).join("")}\u2026`;
}

// src/channels/discord.ts
var discord = httpChannel((message, settings, secrets) => {
  let { title, body } = titleAndBody(message, settings), payload = {
    content: cut(`**${title}**
${body}`, 2e3),
    allowed_mentions: { parse: [] }
  };
  return settings.username && (payload.username = settings.username), {
    url: secrets.secret(settings.url),
    method: "POST",
    headers: { ...JSON_HEADERS },
    body: JSON.stringify(payload)
  };
});

// src/channels/ntfy.ts
var MAX_ACTIONS = 3, ntfy = httpChannel((message, settings, secrets) => {
  let { title, body } = titleAndBody(message, settings), payload = { topic: secrets.maybe(settings.topic), title, message: body };
  settings.priority !== void 0 && (payload.priority = settings.priority), settings.tags?.length && (payload.tags = settings.tags);
  let click = settings.click ?? message.url;
  click && (payload.click = click), message.actions?.length && (payload.actions = message.actions.slice(0, MAX_ACTIONS).map((action) => ({
    action: "http",
    label: action.label,
    url: action.url,
    method: action.method,
    clear: !0
  })));
  let headers = { ...JSON_HEADERS };
  if (settings.token) {
    let token = secrets.secret(settings.token);
    headers.authorization = token.includes(":") ? `Basic ${Buffer.from(token).toString("base64")}` : `Bearer ${token}`;
  }
  return { url: settings.server.endsWith("/") ? settings.server : `${settings.server}/`, method: "POST", headers, body: JSON.stringify(payload) };
});

// src/channels/pushover.ts
var pushover = httpChannel((message, settings, secrets) => {
  let { title, body } = titleAndBody(message, settings), form = new URLSearchParams({
    token: secrets.secret(settings.token),
    user: secrets.secret(settings.user),
    title: cut(title, 250),
    message: cut(body, 1024)
  });
  return settings.priority !== void 0 && form.set("priority", String(settings.priority)), settings.sound && form.set("sound", settings.sound), message.url && form.set("url", message.url), {
    url: `${settings.apiUrl.replace(/\/+$/, "")}/1/messages.json`,
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "ccbell" },
    body: form.toString()
  };
});

// src/channels/slack.ts
var escapeMrkdwn = (text3) => text3.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"), slack = httpChannel((message, settings, secrets) => {
  let { title, body } = titleAndBody(message, settings), text3 = cut(`*${escapeMrkdwn(title)}*
${escapeMrkdwn(body)}`, 3e3);
  return {
    url: secrets.secret(settings.url),
    method: "POST",
    headers: { ...JSON_HEADERS },
    body: JSON.stringify({ text: text3 })
  };
});

// src/channels/telegram.ts
var telegram = httpChannel((message, settings, secrets) => {
  let { title, body } = titleAndBody(message, settings), payload = {
    chat_id: secrets.maybe(settings.chatId),
    text: cut(`${title}
${body}`, 4096),
    disable_web_page_preview: !0
  };
  return message.actions?.length && (payload.reply_markup = {
    inline_keyboard: [message.actions.map((action) => ({ text: action.label, url: action.url }))]
  }), {
    url: `${settings.apiUrl.replace(/\/+$/, "")}/bot${secrets.secret(settings.token)}/sendMessage`,
    method: "POST",
    headers: { ...JSON_HEADERS },
    body: JSON.stringify(payload)
  };
});

// src/channels/webhook.ts
function defaultWebhookBody(message) {
  return {
    ...message.fields,
    title: message.title,
    body: message.body,
    ...message.url ? { url: message.url } : {},
    ...message.actions?.length ? { actions: message.actions } : {}
  };
}
var webhook = httpChannel((message, settings, secrets) => {
  let headers = { ...JSON_HEADERS };
  for (let [name, value] of Object.entries(settings.headers))
    headers[name.toLowerCase()] = secrets.maybe(value);
  let template = eventTemplates(message, settings)?.bodyTemplate ?? settings.bodyTemplate, body = template === void 0 ? defaultWebhookBody(message) : renderJsonTemplate(template, templateValues(message));
  return { url: secrets.maybe(settings.url), method: settings.method, headers, body: JSON.stringify(body) };
});

// src/channels/registry.ts
var notConnected = {
  deliver: async (_message, settings, context) => ({
    channel: context.name,
    type: settings.type,
    outcome: "not-connected",
    reason: `the ${settings.type} channel is not connected yet`
  })
}, CHANNEL_MODULES = {
  ntfy,
  slack,
  discord,
  telegram,
  pushover,
  webhook,
  terminal: notConnected,
  speech: notConnected
};

// src/channels/deliver.ts
function label(report) {
  return `channel ${report.channel} (${report.type}${report.host ? `, ${report.host}` : ""})`;
}
async function deliverToChannels(request, options) {
  let { config, logger } = options;
  return Promise.all(
    request.channels.map(async (name) => {
      let settings = Object.hasOwn(config.channels, name) ? config.channels[name] : void 0;
      if (!settings)
        return logger.warn(`channel ${name}: not defined, or its settings have problems ("ccbell doctor"); skipped`), { channel: name, type: "unknown", outcome: "failed", reason: "not defined" };
      if ("rateLimit" in settings) {
        let slot = claimRateSlot(options.cacheDir, name, settings.rateLimit, options.now?.());
        if (!slot.allowed) {
          let { max, perSeconds } = settings.rateLimit;
          return slot.firstDrop && logger.warn(
            `channel ${name} (${settings.type}): more than ${max} messages in ${perSeconds} s; dropping until the window frees`
          ), { channel: name, type: settings.type, outcome: "rate-limited" };
        }
        slot.unrecorded && logger.warn(`channel ${name}: rate limit not recorded (${slot.unrecorded})`);
      }
      let report;
      try {
        report = await CHANNEL_MODULES[settings.type].deliver(request.message, settings, {
          name,
          env: options.env,
          ...options.http ? { http: options.http } : {}
        });
      } catch {
        report = { channel: name, type: settings.type, outcome: "failed", reason: "unexpected error" };
      }
      return report.outcome === "delivered" ? logger.debug(`${label(report)}: delivered (${report.status}) event=${request.message.fields.event}`) : logger.warn(
        `${label(report)}: ${report.outcome === "not-connected" ? "not connected" : "failed"}${report.status !== void 0 ? ` with status ${report.status}` : ""}: ${report.reason ?? ""}`
      ), report;
    })
  );
}

// src/channels/request.ts
var isObject5 = (value) => typeof value == "object" && value !== null && !Array.isArray(value), str = (value, max) => typeof value == "string" && value.length <= max ? value : void 0;
function parseDeliveryRequest(value) {
  if (isObject5(value) && value.inputOnStdin === !0) {
    let { event, channels: channels2 } = value;
    return !Array.isArray(channels2) || channels2.length > 50 || !channels2.every((name) => str(name, 64)) ? "channels must be a list of names" : EVENT_NAMES.includes(event) ? { event, channels: channels2, inputOnStdin: !0 } : "event is not an event";
  }
  if (!isObject5(value) || !isObject5(value.message)) return "not a delivery request";
  let { message, channels } = value;
  if (!Array.isArray(channels) || channels.length > 50 || !channels.every((name) => str(name, 64)))
    return "channels must be a list of names";
  if (!isObject5(message.fields)) return "message.fields is missing";
  let fields = {};
  for (let key of TEMPLATE_FIELDS) {
    let field = str(message.fields[key] ?? "", 4e3);
    if (field === void 0) return `message.fields.${key} must be a string`;
    fields[key] = field;
  }
  if (!EVENT_NAMES.includes(fields.event))
    return "message.fields.event is not an event";
  let title = str(message.title, 4e3), body = str(message.body, 8e3);
  if (title === void 0 || body === void 0) return "message.title and message.body must be strings";
  let parsed = {
    fields,
    title,
    body
  };
  if (message.url !== void 0) {
    let url = str(message.url, 2e3);
    if (url === void 0) return "message.url must be a string";
    parsed.url = url;
  }
  if (message.actions !== void 0) {
    if (!Array.isArray(message.actions) || message.actions.length > 10)
      return "message.actions must be a list";
    let actions = [];
    for (let action of message.actions) {
      if (!isObject5(action)) return "an action must be an object";
      let label2 = str(action.label, 100), url = str(action.url, 2e3);
      if (!label2 || !url || action.method !== "POST" && action.method !== "GET")
        return "an action needs label, url, method";
      let item = { label: label2, url, method: action.method };
      (action.decision === "allow" || action.decision === "deny") && (item.decision = action.decision), actions.push(item);
    }
    parsed.actions = actions;
  }
  return { message: parsed, channels };
}

// src/events/labels.ts
var import_node_fs5 = require("node:fs"), import_node_path3 = require("node:path"), COMMAND_LABEL_LENGTH = 80, BRANCH_CACHE_MS = 3e3, BRANCH_CACHE_SIZE = 64, branchCache = /* @__PURE__ */ new Map();
function gitBranch(cwd, now = Date.now()) {
  let cached = branchCache.get(cwd);
  if (cached && now - cached.at >= 0 && now - cached.at < BRANCH_CACHE_MS) return cached.branch;
  let branch = readBranch(cwd);
  return branchCache.delete(cwd), branchCache.set(cwd, { branch, at: now }), branchCache.size > BRANCH_CACHE_SIZE && branchCache.delete(branchCache.keys().next().value), branch;
}
function readBranch(cwd) {
  if (!(0, import_node_path3.isAbsolute)(cwd)) return;
  let dir = cwd;
  for (let depth = 0; depth < 40; depth++) {
    let head = readHead(dir);
    if (head !== void 0)
      return /^ref: refs\/heads\/(.+)$/m.exec(head)?.[1]?.trim() ?? head.trim().slice(0, 8);
    let parent = (0, import_node_path3.dirname)(dir);
    if (parent === dir) return;
    dir = parent;
  }
}
function readHead(dir) {
  let dotGit = (0, import_node_path3.join)(dir, ".git");
  try {
    return (0, import_node_fs5.readFileSync)((0, import_node_path3.join)(dotGit, "HEAD"), "utf8").slice(0, 512);
  } catch (error) {
    if (error.code !== "ENOTDIR") return;
  }
  try {
    let pointer = /^gitdir: (.+)$/m.exec((0, import_node_fs5.readFileSync)(dotGit, "utf8").slice(0, 4096))?.[1]?.trim();
    return pointer ? (0, import_node_fs5.readFileSync)((0, import_node_path3.join)((0, import_node_path3.isAbsolute)(pointer) ? pointer : (0, import_node_path3.join)(dir, pointer), "HEAD"), "utf8").slice(
      0,
      512
    ) : void 0;
  } catch {
    return;
  }
}
function projectOf(input) {
  let cwd = input?.cwd;
  if (!(typeof cwd != "string" || cwd === ""))
    return (0, import_node_path3.basename)(cwd.replace(/\/+$/, "")) || cwd;
}
function placeLabel(cwd) {
  if (!cwd) return "unknown directory";
  let project = (0, import_node_path3.basename)(cwd.replace(/\/+$/, "")) || cwd, branch = gitBranch(cwd);
  return branch ? `${project} (${branch})` : project;
}
function shortSession(sessionId) {
  return typeof sessionId == "string" && sessionId !== "" ? sessionId.slice(0, 8) : void 0;
}
function toolLabel(toolName, input) {
  let summary = typeof input == "object" && input !== null && !Array.isArray(input) ? summaryOf(toolName, input, COMMAND_LABEL_LENGTH) : "";
  return summary ? `${toolName}: ${summary}` : toolName;
}
var SUMMARY_LENGTH = 160;
function summaryOf(toolName, input, max = SUMMARY_LENGTH) {
  let str2 = (value) => typeof value == "string" && value !== "" ? value : void 0, text3;
  switch (toolName) {
    case "Bash":
      text3 = str2(input.command);
      break;
    case "Read":
    case "Write":
    case "Edit":
    case "NotebookEdit":
    case "NotebookRead":
      text3 = str2(input.file_path) ?? str2(input.notebook_path);
      break;
    case "MultiEdit": {
      let file = str2(input.file_path), edits = Array.isArray(input.edits) ? input.edits.length : void 0;
      text3 = file && edits !== void 0 ? `${file} (${edits} edit${edits === 1 ? "" : "s"})` : file;
      break;
    }
    case "Glob":
    case "Grep": {
      let pattern = str2(input.pattern), path2 = str2(input.path);
      text3 = pattern && path2 ? `${pattern} in ${path2}` : pattern ?? path2;
      break;
    }
    case "LS":
      text3 = str2(input.path);
      break;
    case "WebFetch":
      text3 = str2(input.url);
      break;
    case "WebSearch":
      text3 = str2(input.query);
      break;
    case "Task":
      text3 = str2(input.description) ?? str2(input.prompt);
      break;
    case "TodoWrite":
      text3 = Array.isArray(input.todos) ? `${input.todos.length} todo${input.todos.length === 1 ? "" : "s"}` : void 0;
      break;
  }
  if (text3 === void 0) {
    try {
      text3 = JSON.stringify(input) ?? "";
    } catch {
      text3 = "";
    }
    text3 === "{}" && (text3 = "");
  }
  return truncate(oneLine(text3), max);
}
function oneLine(text3) {
  return text3.replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, "").replace(/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, "").replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").replace(/\s+/g, " ").trim();
}
function truncate(text3, max) {
  let limit = Math.max(1, Math.floor(max)), chars = Array.from(text3);
  return chars.length <= limit ? text3 : `${chars.slice(0, limit - 1).join("")}\u2026`;
}

// src/events/describe.ts
var WHAT = {
  stop: "Claude finished and waits for you",
  permission_prompt: "Claude needs your permission",
  idle_prompt: "Claude is waiting for your input",
  subagent: "A subagent finished",
  session_start: "Session started",
  session_end: "Session ended",
  permission_request: "Claude asks permission",
  permission_denied: "Auto mode blocked a tool call",
  stop_failure: "The turn ended on an error",
  elicitation_dialog: "An MCP server asks you something",
  agent_needs_input: "An agent needs your input",
  agent_completed: "A background agent finished",
  auth_success: "Signed in"
}, text = (value) => typeof value == "string" && value.trim() ? value.trim() : void 0;
function describeEvent(event, instance, input, label2) {
  let cwd = text(input?.cwd), session = shortSession(input?.session_id), branch = label2 && cwd ? gitBranch(cwd) : void 0, place = label2 ? branch ? `${label2} (${branch})` : label2 : cwd ? placeLabel(cwd) : "Claude Code";
  return { title: `ccbell ${instance}: ${place}${session ? ` \xB7 ${session}` : ""}`, body: describeWhat(event, input) };
}
function describeWhat(event, input) {
  let tool = text(input?.tool_name);
  if ((event === "permission_request" || event === "permission_denied") && tool) {
    let body = `${event === "permission_request" ? "Allow" : "Auto mode blocked"} ${toolLabel(tool, input?.tool_input)}`, reason = event === "permission_denied" ? text(input?.reason) : void 0;
    return reason && (body += ` (${reason.slice(0, 120)})`), body;
  }
  if (event === "stop_failure") {
    let error = text(input?.error_details) ?? text(input?.last_assistant_message) ?? text(input?.error);
    return error ? `${WHAT[event]}: ${error.slice(0, 200)}` : WHAT[event];
  }
  return text(input?.message)?.slice(0, 300) ?? WHAT[event];
}

// src/notify/desktop.ts
var CLICK_WAIT_MS = 1800 * 1e3;

// src/events/message.ts
var MESSAGE_FIELD_LENGTH = 1e3, text2 = (value) => typeof value == "string" ? value.trim() : "";
function messageFields(event, instance, input, host = "") {
  let cwd = text2(input?.cwd), tool = text2(input?.tool_name), toolInput = input?.tool_input, command = tool && typeof toolInput == "object" && toolInput !== null && !Array.isArray(toolInput) ? summaryOf(tool, toolInput, COMMAND_LABEL_LENGTH) : "";
  return {
    event,
    instance,
    project: projectOf(input) ?? "",
    branch: cwd ? gitBranch(cwd) ?? "" : "",
    session: shortSession(input?.session_id) ?? "",
    tool,
    command,
    message: (text2(input?.last_assistant_message) || text2(input?.message)).slice(0, MESSAGE_FIELD_LENGTH),
    host
  };
}
function buildMessage(event, instance, input, options = {}) {
  let { title, body } = describeEvent(event, instance, input), message = {
    fields: messageFields(event, instance, input, options.host),
    title,
    body
  };
  return options.url && (message.url = options.url), options.actions?.length && (message.actions = options.actions), message;
}

// src/channels/terminal.ts
var ESC = "\x1B";
var ST = `${ESC}\\`;

// src/events/handle.ts
var KEEP_COOLDOWN_ENTRIES_SECONDS = 1440 * 60;

// src/events/input.ts
var import_node_fs6 = require("node:fs"), MAX_HOOK_INPUT_BYTES = 1024 * 1024;
function parseHookInput(text3) {
  let trimmed = text3.trim();
  if (trimmed === "") return { kind: "none" };
  try {
    let value = JSON.parse(trimmed);
    return typeof value != "object" || value === null || Array.isArray(value) ? { kind: "invalid", reason: "hook input is JSON but not an object" } : { kind: "json", input: value };
  } catch (error) {
    return { kind: "invalid", reason: `hook input is not JSON (${error.message})` };
  }
}
function endsWithBrace(chunk) {
  for (let i = chunk.length - 1; i >= 0; i--) {
    let byte = chunk[i];
    if (byte === 125) return !0;
    if (byte !== 32 && byte !== 10 && byte !== 13 && byte !== 9) return !1;
  }
  return !1;
}
function startedByClaudeCode(env) {
  return !!env.CLAUDE_PROJECT_DIR;
}
function readHookInputSync(fd, { maxBytes = MAX_HOOK_INPUT_BYTES, writerEndsAtOnce = !1 } = {}) {
  let chunks = [], kind;
  try {
    kind = (0, import_node_fs6.fstatSync)(fd);
  } catch {
    return { kind: "none" };
  }
  if (!(kind.isFile() || writerEndsAtOnce && (kind.isFIFO() || kind.isSocket()))) return { kind: "stream", head: Buffer.alloc(0) };
  let buffer = Buffer.allocUnsafe(64 * 1024), size = 0;
  for (; ; ) {
    let count;
    try {
      count = (0, import_node_fs6.readSync)(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      let { code, message } = error;
      return code === "EAGAIN" || code === "EWOULDBLOCK" ? { kind: "stream", head: Buffer.concat(chunks) } : { kind: "invalid", reason: `cannot read stdin (${code ?? message})` };
    }
    if (count === 0) return parseHookInput(Buffer.concat(chunks).toString("utf8"));
    if (size += count, size > maxBytes) return { kind: "invalid", reason: `hook input is larger than ${maxBytes} bytes` };
    let chunk = Buffer.from(buffer.subarray(0, count));
    if (chunks.push(chunk), endsWithBrace(chunk)) {
      let read = parseHookInput(Buffer.concat(chunks).toString("utf8"));
      if (read.kind === "json") return read;
    }
  }
}
function readStdinHookInput(env, options = {}) {
  let read = readHookInputSync(0, {
    ...options.maxBytes === void 0 ? {} : { maxBytes: options.maxBytes },
    writerEndsAtOnce: startedByClaudeCode(env)
  });
  return read.kind !== "stream" ? Promise.resolve(read) : readHookInput(process.stdin, { ...options, head: read.head });
}
function readHookInput(stdin = process.stdin, {
  maxBytes = MAX_HOOK_INPUT_BYTES,
  timeoutMs = 1e3,
  head = Buffer.alloc(0)
} = {}) {
  return stdin.isTTY ? Promise.resolve({ kind: "none" }) : new Promise((resolve) => {
    let chunks = head.length > 0 ? [head] : [], size = head.length, finish = (result) => {
      clearTimeout(timer), stdin.removeAllListeners("data").removeAllListeners("end").removeAllListeners("error"), stdin.pause(), stdin.unref?.(), resolve(result);
    }, timer = setTimeout(() => {
      finish(
        size === 0 ? { kind: "none" } : { kind: "invalid", reason: `hook input incomplete after ${timeoutMs} ms` }
      );
    }, timeoutMs);
    stdin.on("data", (chunk) => {
      if (size += chunk.length, size > maxBytes) finish({ kind: "invalid", reason: `hook input is larger than ${maxBytes} bytes` });
      else {
        if (chunks.push(chunk), !endsWithBrace(chunk)) return;
        let read = parseHookInput(Buffer.concat(chunks).toString("utf8"));
        read.kind === "json" && finish(read);
      }
    }), stdin.on("end", () => finish(parseHookInput(Buffer.concat(chunks).toString("utf8")))), stdin.on("error", (error) => finish({ kind: "invalid", reason: `cannot read stdin (${error.message})` }));
  });
}

// src/events/resolve.ts
var BY_HOOK_EVENT = Object.assign(/* @__PURE__ */ Object.create(null), {
  Stop: "stop",
  SubagentStop: "subagent",
  SessionStart: "session_start",
  SessionEnd: "session_end",
  PermissionRequest: "permission_request",
  PermissionDenied: "permission_denied",
  StopFailure: "stop_failure"
}), BY_NOTIFICATION_TYPE = Object.assign(/* @__PURE__ */ Object.create(null), {
  permission_prompt: "permission_prompt",
  idle_prompt: "idle_prompt",
  elicitation_dialog: "elicitation_dialog",
  elicitation_url_dialog: "elicitation_dialog",
  agent_needs_input: "agent_needs_input",
  agent_completed: "agent_completed",
  auth_success: "auth_success"
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
  let text3;
  try {
    text3 = readRegularFile(path2, { maxBytes: REGISTRY_MAX_BYTES }).text;
  } catch (error) {
    if (error instanceof RefusedFileError) throw new ConfigError(path2, "", error.problem, { cause: error });
    if (error.code === "ENOENT") return;
    throw new ConfigError(path2, "", "cannot be read", { cause: error });
  }
  let raw;
  try {
    raw = JSON.parse(text3);
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

// src/log/logger.ts
var import_node_fs7 = require("node:fs"), import_node_path6 = require("node:path");
var LOG_MAX_BYTES = 1024 * 1024, LOG_KEPT_FILES = 3;
function rotate(path2) {
  for (let index = LOG_KEPT_FILES - 1; index >= 1; index--)
    try {
      (0, import_node_fs7.renameSync)(`${path2}.${index}`, `${path2}.${index + 1}`);
    } catch {
    }
  try {
    (0, import_node_fs7.renameSync)(path2, `${path2}.1`);
  } catch {
  }
}
var APPEND = import_node_fs7.constants.O_WRONLY | import_node_fs7.constants.O_APPEND | import_node_fs7.constants.O_CREAT;
function openLog(path2) {
  try {
    return openRegularFile(path2, APPEND, { followSymlinks: !1, mode: 384 });
  } catch (error) {
    if (error.code !== "ENOENT") throw error;
    return (0, import_node_fs7.mkdirSync)((0, import_node_path6.dirname)(path2), { recursive: !0, mode: 448 }), openRegularFile(path2, APPEND, { followSymlinks: !1, mode: 384 });
  }
}
function append(path2, level, message, maxBytes) {
  try {
    let log = openLog(path2);
    log.stats.size >= maxBytes && ((0, import_node_fs7.closeSync)(log.fd), rotate(path2), log = openLog(path2));
    let line = `${(/* @__PURE__ */ new Date()).toISOString()} [${process.pid}] ${level} ${message.replace(/[\r\n]+/g, " ")}
`;
    try {
      (0, import_node_fs7.writeSync)(log.fd, line);
    } finally {
      (0, import_node_fs7.closeSync)(log.fd);
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

// src/cli/args.ts
function stringFlag(args, name) {
  let value = args.flags[name];
  return typeof value == "string" ? value : void 0;
}

// src/cli/instance-context.ts
function selectedInstance(args, context) {
  return resolveInstance(selectInstanceName(stringFlag(args, "instance"), context.env), context.env);
}
function openInstance(args, context, options = {}, chosen) {
  let instance = chosen === void 0 ? selectedInstance(args, context) : resolveInstance(chosen, context.env), given = stringFlag(args, "config"), loaded = loadConfig(given ?? instance.config_path, options), logger = openLogger(instance.log_path, loaded.config.debug), problem = given !== void 0 && !loaded.exists ? `config ${loaded.path} (--config) does not exist; using defaults` : describeProblems(loaded);
  return problem && (context.stderr(`ccbell: ${problem}
`), logger.warn(problem)), { instance, loaded, logger };
}

// src/cli/commands/deliver.ts
var MAX_REQUEST_BYTES = 256 * 1024;
async function runDeliver(args, context) {
  let { instance, loaded, logger } = openInstance(args, context), fromEnv = context.env[DELIVERY_ENV], request;
  if (fromEnv !== void 0) {
    let parsed;
    try {
      parsed = fromEnv.length <= MAX_REQUEST_BYTES ? JSON.parse(fromEnv) : void 0;
    } catch {
      parsed = void 0;
    }
    request = parsed === void 0 ? `${DELIVERY_ENV} is not a JSON request` : parseDeliveryRequest(parsed);
  } else {
    let read = await readStdinHookInput(context.env, { maxBytes: MAX_REQUEST_BYTES, timeoutMs: 5e3 });
    request = read.kind === "json" ? parseDeliveryRequest(read.input) : read.kind === "invalid" ? read.reason : "no request on stdin";
  }
  if (typeof request == "string")
    return logger.warn(`deliver: ${request}; nothing sent`), 0;
  if ("inputOnStdin" in request) {
    let read = await readStdinHookInput(context.env, { timeoutMs: 5e3 });
    read.kind === "invalid" && logger.warn(`deliver: ${read.reason}; going on without it`);
    let input = read.kind === "json" ? read.input : void 0;
    request = { message: buildMessage(request.event, instance.name, input), channels: request.channels };
  }
  return await deliverToChannels(request, {
    config: loaded.config,
    cacheDir: instance.cache_dir,
    logger,
    env: context.env
  }), 0;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  runDeliver
});
