"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf, __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
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

// ccbell-lazy:remote
var require_remote = __commonJS({
  "ccbell-lazy:remote"(exports2, module2) {
    module2.exports = require(require("node:path").join(__dirname, "remote.cjs"));
  }
});

// src/approval/forward.ts
var forward_exports = {};
__export(forward_exports, {
  forwardEventToApp: () => forwardEventToApp
});
module.exports = __toCommonJS(forward_exports);

// src/bus/connect.ts
var import_promises = require("node:fs/promises"), import_node_net = require("node:net"), import_node_path = require("node:path");

// src/bus/naming.ts
var import_node_crypto = require("node:crypto");

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

// src/bus/naming.ts
var HASH_HEX_LENGTH = 24;
function channelHash(name) {
  return (0, import_node_crypto.createHash)("sha256").update(name, "utf8").digest("hex").slice(0, HASH_HEX_LENGTH);
}
var FILE_PATTERN = /^([0-9a-f]{24})\.([1-9][0-9]{0,9})\.([0-9]{1,15})\.(sock|tmp)$/;
function parseSocketFileName(file) {
  let match = FILE_PATTERN.exec(file);
  if (match)
    return { hash: match[1], pid: Number(match[2]), seq: Number(match[3]), ready: match[4] === "sock" };
}

// src/bus/connect.ts
var CONNECT_TIMEOUT_MS = 1e3;
function pidAlive(pid) {
  try {
    return process.kill(pid, 0), !0;
  } catch (error) {
    return error.code === "EPERM";
  }
}
async function removeStale(path) {
  await (0, import_promises.unlink)(path).catch(() => {
  });
}
async function findObservers(dir, name) {
  let entries;
  try {
    entries = await (0, import_promises.readdir)(dir);
  } catch (error) {
    if (error.code === "ENOENT") return [];
    throw error;
  }
  let prefix = `${channelHash(name)}.`, found = [];
  for (let entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    let parsed = parseSocketFileName(entry);
    if (!parsed) continue;
    let path = (0, import_node_path.join)(dir, entry);
    parsed.ready ? found.push({ path, pid: parsed.pid }) : pidAlive(parsed.pid) || await removeStale(path);
  }
  return found;
}
function attempt(path, timeoutMs) {
  return new Promise((resolve3) => {
    let done = !1, socket = (0, import_node_net.createConnection)({ path }), timer = setTimeout(() => {
      done = !0, socket.destroy(), resolve3({ error: "timeout" });
    }, timeoutMs);
    socket.once("connect", () => {
      done || (done = !0, clearTimeout(timer), resolve3({ socket }));
    }), socket.on("error", (error) => {
      socket.destroy(), !done && (done = !0, clearTimeout(timer), resolve3({ error }));
    });
  });
}
async function connectObservers(dir, name, timeoutMs = CONNECT_TIMEOUT_MS) {
  let candidates = await findObservers(dir, name);
  return (await Promise.all(candidates.map((candidate) => connectObserver(candidate, timeoutMs)))).filter((socket) => socket !== void 0);
}
async function connectObserver({ path, pid }, timeoutMs = CONNECT_TIMEOUT_MS) {
  let result = await attempt(path, timeoutMs);
  if ("socket" in result) return result.socket;
  let code = result.error === "timeout" ? "timeout" : result.error.code;
  (code === "ECONNREFUSED" || code === "ENOTSOCK" || code === "timeout" && !pidAlive(pid)) && await removeStale(path);
}

// src/bus/errors.ts
function shown(channel) {
  let quoted = JSON.stringify(channel);
  return quoted.length > 120 ? `${quoted.slice(0, 100)}\u2026" (${channel.length} chars)` : quoted;
}
var BusError = class extends EnvironmentError {
  constructor(channel, message, options) {
    super(message, options);
    this.channel = channel;
  }
  channel;
  name = "BusError";
}, NoListenerError = class extends BusError {
  name = "NoListenerError";
  constructor(channel, options) {
    super(channel, `no observer is listening on channel ${shown(channel)}`, options);
  }
}, BusTimeoutError = class extends BusError {
  constructor(channel, timeoutMs, options) {
    super(channel, `no reply on channel ${shown(channel)} within ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
  }
  timeoutMs;
  name = "BusTimeoutError";
}, ObserverGoneError = class extends BusError {
  name = "ObserverGoneError";
  constructor(channel, options) {
    super(channel, `the observer of channel ${shown(channel)} went away without replying`, options);
  }
}, BusReplyError = class extends BusError {
  constructor(channel, remoteMessage, options) {
    super(
      channel,
      `the observer of channel ${shown(channel)} replied with an error: ${remoteMessage}`,
      options
    );
    this.remoteMessage = remoteMessage;
  }
  remoteMessage;
  name = "BusReplyError";
}, BusPayloadError = class extends BusError {
  name = "BusPayloadError";
  constructor(channel, problem, options) {
    super(channel, `cannot send on channel ${shown(channel)}: ${problem}`, options);
  }
}, BusAbortedError = class extends BusError {
  name = "BusAbortedError";
  constructor(channel, options) {
    super(channel, `the request on channel ${shown(channel)} was cancelled`, options);
  }
}, BrokerUnavailableError = class extends NoListenerError {
  constructor(channel, reason, options) {
    super(channel, options);
    this.reason = reason;
    this.message = `the NATS broker could not be reached for ${shown(channel)}: ${reason}`;
  }
  reason;
  name = "BrokerUnavailableError";
}, BusPermissionError = class extends BusError {
  name = "BusPermissionError";
  constructor(channel, reason, options) {
    super(channel, `the NATS broker refused ${shown(channel)}: ${reason}`, options);
  }
};

// src/bus/frame.ts
var FrameError = class extends Error {
  constructor(reason, message, options) {
    super(message, options);
    this.reason = reason;
  }
  reason;
  name = "FrameError";
}, NEWLINE = 10;
function encodeFrame(frame, maxFrameBytes = 1048576) {
  let text;
  try {
    text = JSON.stringify(frame);
  } catch (error) {
    throw new FrameError("malformed", `payload is not serialisable as JSON: ${error.message}`, {
      cause: error
    });
  }
  let bytes = Buffer.byteLength(text);
  if (bytes > maxFrameBytes)
    throw new FrameError("too-large", `frame is ${bytes} bytes, over the cap of ${maxFrameBytes}`);
  let buffer = Buffer.allocUnsafe(bytes + 1);
  return buffer.write(text, 0, "utf8"), buffer[bytes] = NEWLINE, buffer;
}

// src/bus/observe.ts
var import_node_path3 = require("node:path");

// src/bus/cleanup.ts
var import_node_fs = require("node:fs"), live = /* @__PURE__ */ new Set(), SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"], MARK = /* @__PURE__ */ Symbol.for("ccbell.bus.signalListener");
function unlinkAll() {
  for (let path of live)
    try {
      (0, import_node_fs.unlinkSync)(path);
    } catch {
    }
  live.clear();
}
var onSignal = (signal) => {
  process.listeners(signal).filter((listener) => !listener[MARK]).length > 0 || (unlinkAll(), uninstall(), process.kill(process.pid, signal));
};
onSignal[MARK] = !0;
var installed = !1;
function uninstall() {
  if (installed) {
    installed = !1, process.removeListener("exit", unlinkAll);
    for (let signal of SIGNALS) process.removeListener(signal, onSignal);
  }
}

// src/bus/directory.ts
var import_node_fs2 = require("node:fs"), import_node_path2 = require("node:path");
function busDirectoryPath(env, platform, uid) {
  let override = env.CCBELL_BUS_DIR;
  if (override) return (0, import_node_path2.resolve)(override);
  let runtime = env.XDG_RUNTIME_DIR;
  return platform !== "darwin" && runtime && (0, import_node_path2.isAbsolute)(runtime) ? (0, import_node_path2.join)(runtime, "ccbell") : `/tmp/ccbell-${uid}`;
}
function currentUid() {
  let uid = process.getuid?.();
  if (uid === void 0)
    throw new EnvironmentError(`the ccbell bus needs Unix domain sockets, which ${process.platform} lacks`);
  return uid;
}
function ensurePrivateDirectory(dir) {
  let uid = currentUid(), createError;
  try {
    (0, import_node_fs2.mkdirSync)(dir, { recursive: !0, mode: 448 });
  } catch (error) {
    createError = error;
  }
  let stats;
  try {
    stats = (0, import_node_fs2.lstatSync)(dir);
  } catch (error) {
    throw new EnvironmentError(`cannot create the bus directory ${dir}: ${error.message}`, {
      cause: createError ?? error
    });
  }
  if (stats.isSymbolicLink())
    throw new EnvironmentError(`bus directory ${dir} is a symbolic link; remove it so ccbell can create it`);
  if (!stats.isDirectory())
    throw new EnvironmentError(`bus directory ${dir} exists but is not a directory; remove it`);
  if (stats.uid !== uid)
    throw new EnvironmentError(
      `bus directory ${dir} is owned by uid ${stats.uid}, not by this user (uid ${uid})`
    );
  let mode = stats.mode & 511;
  if ((mode & 63) !== 0)
    throw new EnvironmentError(
      `bus directory ${dir} has mode ${mode.toString(8).padStart(4, "0")}, open to other users; it must be 0700 (chmod 700 ${dir})`
    );
  return dir;
}
function busDirectory(env = process.env) {
  return ensurePrivateDirectory(busDirectoryPath(env, process.platform, currentUid()));
}

// src/bus/observe.ts
function checkChannelName(name) {
  if (typeof name != "string" || name.length === 0)
    throw new TypeError(`a bus channel name must be a non-empty string, got ${JSON.stringify(name)}`);
}
function resolveDirectory(dir) {
  return dir === void 0 ? busDirectory() : ensurePrivateDirectory((0, import_node_path3.resolve)(dir));
}

// src/bus/post.ts
var FLUSH_TIMEOUT_MS = 2e3;
function encodeFor(name, frame, maxFrameBytes) {
  try {
    return encodeFrame(frame, maxFrameBytes);
  } catch (error) {
    throw new BusPayloadError(name, error.message, { cause: error });
  }
}
function writeFrame(socket, frame) {
  return new Promise((resolve3) => {
    let timer = setTimeout(() => resolve3(!1), FLUSH_TIMEOUT_MS);
    socket.once("close", () => {
      clearTimeout(timer), resolve3(!1);
    }), socket.write(frame, (error) => {
      clearTimeout(timer), resolve3(!error);
    });
  });
}
function onClosed(socket, then) {
  socket.closed ? queueMicrotask(then) : socket.once("close", then);
}
function whenClosed(socket) {
  return new Promise((resolve3) => onClosed(socket, resolve3));
}
async function post(name, payload, options = {}) {
  checkChannelName(name);
  let dir = resolveDirectory(options.dir), frame = encodeFor(name, { t: "post", p: payload }, options.maxFrameBytes ?? 1048576), sockets = await connectObservers(dir, name, CONNECT_TIMEOUT_MS), flushed = await Promise.all(sockets.map((socket) => writeFrame(socket, frame))), reached = [];
  sockets.forEach((socket, index) => {
    flushed[index] ? reached.push(socket) : socket.destroy();
  });
  let closed = Promise.all(reached.map(whenClosed)).then(() => {
  }), end = () => {
    for (let socket of reached) socket.destroy();
  };
  if (options.holdOpen)
    for (let socket of reached) socket.resume();
  else
    end();
  return { delivered: reached.length, closed, end };
}

// src/bus/remote.ts
function busErrorOf(address, error) {
  if (error instanceof BusError) return error;
  let kind = error?.kind, message = error?.message ?? String(error), options = { cause: error };
  switch (kind) {
    case "no-listener":
      return new NoListenerError(address, options);
    case "unavailable":
      return new BrokerUnavailableError(address, message, options);
    case "denied":
      return new BusPermissionError(address, message, options);
    case "gone":
      return new ObserverGoneError(address, options);
    case "timeout":
      return new BusTimeoutError(address, Number(/within (\d+)/.exec(message)?.[1] ?? 0), options);
    case "aborted":
      return new BusAbortedError(address, options);
    case "payload":
      return new BusPayloadError(address, message, options);
    case "reply":
      return new BusReplyError(address, message, options);
    case "config":
      return new BrokerUnavailableError(address, message, options);
    default:
      return error instanceof Error ? error : new Error(message);
  }
}
function remoteTransport(options) {
  let opening, closed = !1, bus = (address) => closed ? Promise.reject(new BusAbortedError(address)) : (opening ??= (async () => {
    let { openNatsBus } = await Promise.resolve().then(() => __toESM(require_remote(), 1)), opened = await openNatsBus(options);
    return options.onStatus && opened.onStatus(options.onStatus), opened;
  })(), opening.catch((error) => {
    throw opening = void 0, busErrorOf(address, error);
  })), mapped = async (address, run) => {
    let nats = await bus(address);
    try {
      return await run(nats);
    } catch (error) {
      throw busErrorOf(address, error);
    }
  };
  return {
    kind: "nats",
    observe: (address, handler, observeOptions = {}) => mapped(address, (nats) => nats.serve(address, handler, observeOptions)),
    post: (address, payload, postOptions = {}) => mapped(address, async (nats) => (await nats.publish(address, payload, postOptions), { delivered: 1 })),
    request: (address, payload, requestOptions) => mapped(address, (nats) => nats.request(address, payload, requestOptions)),
    gather: (subject, payload, gatherOptions) => mapped(subject, (nats) => nats.gather(subject, payload, gatherOptions)),
    connect: async () => {
      await bus(options.config.url.join(", "));
    },
    close: async () => {
      closed = !0;
      let open = opening;
      opening = void 0, open && await (await open.catch(() => {
      }))?.close();
    }
  };
}

// src/bus/subjects.ts
var TOKEN = /^[A-Za-z0-9_-]{1,64}$/;
function token(value, what) {
  if (!TOKEN.test(value))
    throw new TypeError(`${what} ${JSON.stringify(value.slice(0, 80))} is not a subject token`);
  return value;
}
function appSubjects(user, instance, runtimeId) {
  let base = `ccbell.${token(user, "user")}.${token(instance, "instance")}.${token(runtimeId, "runtime id")}`;
  return { approval: `${base}.approval`, events: `${base}.events`, control: `${base}.control` };
}

// src/protocol/fields.ts
var PROTOCOL_LIMITS = {
  /** Serialized size of an input or updated_input, in UTF-16 code units (about). */
  inputLength: 8 * 1024 * 1024,
  /** Nesting depth of an input. */
  inputDepth: 64,
  toolNameLength: 256,
  toolUseIdLength: 256,
  messageLength: 16 * 1024,
  cwdLength: 4096,
  /** A request's `host` (issue 12): a host name is at most 255 bytes. */
  hostLength: 255
}, MAX_TOOL_CALL_BYTES = 4 * 1024 * 1024, MAX_TOOL_CALL_DEPTH = PROTOCOL_LIMITS.inputDepth + 4;

// src/protocol/approval.ts
var APPROVAL_MAX_FRAME_BYTES = 32 * 1024 * 1024;

// src/approval/identity.ts
var RUNTIME_ID_ENV = "CLAUDE_CODE_UI_INSTANCE_ID";
var RUNTIME_ID_PATTERN = /^[0-9]{1,10}_[0-9]{1,16}$/, RuntimeIdError = class extends EnvironmentError {
  constructor(value, variable) {
    super(
      `${variable ? `${variable}: ` : ""}malformed runtime id ${JSON.stringify(value.slice(0, 80))} (expected <pid>_<start ms>, e.g. 12345_1763770000123)`
    );
    this.value = value;
    this.variable = variable;
  }
  value;
  variable;
  name = "RuntimeIdError";
};
function isRuntimeId(value) {
  return RUNTIME_ID_PATTERN.test(value);
}
function runtimeIdFromEnv(env = process.env) {
  let value = env[RUNTIME_ID_ENV];
  if (!(value === void 0 || value === "")) {
    if (!isRuntimeId(value)) throw new RuntimeIdError(value, RUNTIME_ID_ENV);
    return value;
  }
}
function channelsFor(id) {
  if (id === void 0 || id === "")
    return {
      request: "ClaudeCodeUIApprovalRequest",
      response: "ClaudeCodeUIApprovalResponse",
      events: "ClaudeCodeUIEvent",
      control: "ccbell.control"
    };
  if (!isRuntimeId(id)) throw new RuntimeIdError(id);
  return {
    request: `ClaudeCodeUIApprovalRequest_${id}`,
    response: `ClaudeCodeUIApprovalResponse_${id}`,
    events: `ClaudeCodeUIEvent_${id}`,
    control: `ccbell.control_${id}`
  };
}

// src/approval/route.ts
var import_node_os = require("node:os");
var HOST_ENV = "CCBELL_HOST";
function hostName(env = process.env) {
  return (env[HOST_ENV] || (0, import_node_os.hostname)()).slice(0, 255);
}
function subjectsOf(remote, instance, runtimeId) {
  return remote && runtimeId ? appSubjects(remote.user, instance, runtimeId) : void 0;
}
function sessionRemote(remote, env, what) {
  if (remote)
    return remoteTransport({ config: remote, env, mode: "short", name: `ccbell ${what}@${hostName(env)}` });
}

// src/approval/forward.ts
async function forwardEventToApp(options) {
  let id = runtimeIdFromEnv(options.env);
  if (id === void 0) return { delivered: 0, channel: void 0 };
  let channel = channelsFor(id).events, message = {
    event: options.event,
    instance: options.instance,
    ...options.input === void 0 ? {} : { input: options.input },
    sent_at: Date.now()
  }, delivery = await post(channel, message, {
    dir: busDirectory(options.env),
    maxFrameBytes: APPROVAL_MAX_FRAME_BYTES
  });
  if (delivery.delivered > 0) return { delivered: delivery.delivered, channel };
  let subject = subjectsOf(options.remote, options.instance, id)?.events, remote = subject ? sessionRemote(options.remote, options.env, "hook") : void 0;
  if (!remote || !subject) return { delivered: 0, channel };
  try {
    return { delivered: (await remote.post(subject, message, { maxFrameBytes: APPROVAL_MAX_FRAME_BYTES })).delivered, channel: subject };
  } finally {
    await remote.close();
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  forwardEventToApp
});
