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

// ccbell-lazy:forward
var require_forward = __commonJS({
  "ccbell-lazy:forward"(exports2, module2) {
    module2.exports = require(require("node:path").join(__dirname, "forward.cjs"));
  }
});

// ccbell-command:instance
var require_instance = __commonJS({
  "ccbell-command:instance"(exports2, module2) {
    require("node:module").enableCompileCache?.();
    module2.exports = require(require("node:path").join(__dirname, "instance.cjs"));
  }
});

// ccbell-command:setup
var require_setup = __commonJS({
  "ccbell-command:setup"(exports2, module2) {
    require("node:module").enableCompileCache?.();
    module2.exports = require(require("node:path").join(__dirname, "setup.cjs"));
  }
});

// ccbell-command:doctor
var require_doctor = __commonJS({
  "ccbell-command:doctor"(exports2, module2) {
    require("node:module").enableCompileCache?.();
    module2.exports = require(require("node:path").join(__dirname, "doctor.cjs"));
  }
});

// ccbell-command:service
var require_service = __commonJS({
  "ccbell-command:service"(exports2, module2) {
    require("node:module").enableCompileCache?.();
    module2.exports = require(require("node:path").join(__dirname, "service.cjs"));
  }
});

// ccbell-command:app
var require_app = __commonJS({
  "ccbell-command:app"(exports2, module2) {
    require("node:module").enableCompileCache?.();
    module2.exports = require(require("node:path").join(__dirname, "app.cjs"));
  }
});

// ccbell-command:approval-server
var require_approval_server = __commonJS({
  "ccbell-command:approval-server"(exports2, module2) {
    require("node:module").enableCompileCache?.();
    module2.exports = require(require("node:path").join(__dirname, "approval-server.cjs"));
  }
});

// ccbell-command:mcp-config
var require_mcp_config = __commonJS({
  "ccbell-command:mcp-config"(exports2, module2) {
    require("node:module").enableCompileCache?.();
    module2.exports = require(require("node:path").join(__dirname, "mcp-config.cjs"));
  }
});

// ccbell-command:pending
var require_pending = __commonJS({
  "ccbell-command:pending"(exports2, module2) {
    require("node:module").enableCompileCache?.();
    module2.exports = require(require("node:path").join(__dirname, "pending.cjs"));
  }
});

// ccbell-command:answer
var require_answer = __commonJS({
  "ccbell-command:answer"(exports2, module2) {
    require("node:module").enableCompileCache?.();
    module2.exports = require(require("node:path").join(__dirname, "answer.cjs"));
  }
});

// ccbell-command:inbox
var require_inbox = __commonJS({
  "ccbell-command:inbox"(exports2, module2) {
    require("node:module").enableCompileCache?.();
    module2.exports = require(require("node:path").join(__dirname, "inbox.cjs"));
  }
});

// ccbell-command:deliver
var require_deliver = __commonJS({
  "ccbell-command:deliver"(exports2, module2) {
    require("node:module").enableCompileCache?.();
    module2.exports = require(require("node:path").join(__dirname, "deliver.cjs"));
  }
});

// ccbell-command:focus
var require_focus = __commonJS({
  "ccbell-command:focus"(exports2, module2) {
    require("node:module").enableCompileCache?.();
    module2.exports = require(require("node:path").join(__dirname, "focus.cjs"));
  }
});

// ccbell-command:permission-request
var require_permission_request = __commonJS({
  "ccbell-command:permission-request"(exports2, module2) {
    require("node:module").enableCompileCache?.();
    module2.exports = require(require("node:path").join(__dirname, "permission-request.cjs"));
  }
});

// src/cli/main.ts
var main_exports = {};
__export(main_exports, {
  main: () => main,
  processContext: () => processContext
});
module.exports = __toCommonJS(main_exports);
var import_node_path14 = require("node:path");

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
function errorKind(error) {
  if (typeof error != "object" || error === null) return;
  let kind = error[KIND];
  return kind === "usage" || kind === "environment" || kind === "config" ? kind : void 0;
}
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
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

// src/config/port.ts
function portProblem(value, options = {}) {
  if (!(options.allowAny && value === 0) && !(typeof value == "number" && Number.isInteger(value) && value >= 1024 && value <= 65535))
    return `must be a port number from 1024 to 65535${options.allowAny ? " (or 0: any free port)" : ""}`;
}

// src/cli/args.ts
var VALUE_FLAGS = /* @__PURE__ */ new Set([
  "instance",
  "config",
  "port",
  "message",
  "input",
  "cwd",
  "session",
  "remote-cli"
]), BOOLEAN_FLAGS = /* @__PURE__ */ new Set([
  "json",
  "print",
  "fix",
  "remove",
  "approvals",
  "http",
  "open",
  "no-open",
  "accept-legacy",
  "always",
  "app-hook",
  "click",
  "remote",
  "help",
  "version"
]), SHORT = { h: "help", v: "version" };
function parseArgs(argv) {
  let parsed = { positionals: [], flags: {}, rest: [] };
  for (let index = 0; index < argv.length; index++) {
    let arg = argv[index];
    if (arg === "--") {
      parsed.rest = argv.slice(index + 1);
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      parsed.positionals.push(arg);
      continue;
    }
    let short = /^-([a-z])$/.exec(arg)?.[1], [rawName, inline] = arg.startsWith("--") ? splitOnce(arg.slice(2)) : [short ? SHORT[short] : void 0], name = rawName ?? "";
    if (VALUE_FLAGS.has(name)) {
      let value = inline ?? argv[++index];
      if (value === void 0 || value === "") throw new UsageError(`--${name} needs a value`);
      parsed.flags[name] = value;
    } else if (BOOLEAN_FLAGS.has(name) && inline === void 0)
      parsed.flags[name] = !0;
    else
      throw new UsageError(`unknown option ${JSON.stringify(arg.slice(0, 60))} (see "ccbell --help")`);
  }
  return parsed;
}
function splitOnce(text4) {
  let at = text4.indexOf("=");
  return at === -1 ? [text4, void 0] : [text4.slice(0, at), text4.slice(at + 1)];
}
function stringFlag(args, name) {
  let value = args.flags[name];
  return typeof value == "string" ? value : void 0;
}

// src/cli/commands/hook.ts
var import_node_path13 = require("node:path");

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
  let path5 = value.slice(5);
  return !path5.split("/").includes("..") && !path5.includes("\0");
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
      let ntfy = {
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
      if (token && (ntfy.token = token), priority !== void 0 && (ntfy.priority = priority), click && (ntfy.click = click), raw.tags !== void 0) {
        let tags = raw.tags;
        Array.isArray(tags) && tags.every((tag) => typeof tag == "string" && /^[^,\s]{1,50}$/.test(tag)) ? ntfy.tags = tags : problems.push({ field: `${field}.tags`, problem: "must be a list of words (no commas or spaces)" });
      }
      channel = ntfy;
      break;
    }
    case "slack":
      channel = { ...base, type, url: read.secret("url", !0) };
      break;
    case "discord": {
      let discord = { ...base, type, url: read.secret("url", !0) }, username = read.text("username", 80);
      username && (discord.username = username), channel = discord;
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
      let pushover = {
        ...base,
        type,
        token: read.secret("token", !0),
        user: read.secret("user", !0),
        apiUrl: read.url("apiUrl", !1, "https://api.pushover.net")
      }, priority = read.integer("priority", -2, 1), sound = read.text("sound", 40);
      priority !== void 0 && (pushover.priority = priority), sound && (pushover.sound = sound), channel = pushover;
      break;
    }
    case "webhook": {
      let webhook = {
        ...base,
        type,
        url: read.urlOrSecret("url"),
        method: read.oneOf("method", ["POST", "PUT"], "POST"),
        headers: readHeaders(raw.headers, `${field}.headers`, problems)
      };
      if (raw.body !== void 0) {
        let before = problems.length;
        bodyTemplateProblems(raw.body, `${field}.body`, problems), problems.length === before && (webhook.bodyTemplate = raw.body);
      }
      channel = webhook;
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

// src/fs/regular-file.ts
var import_node_fs = require("node:fs");
var O_NONBLOCK = import_node_fs.constants.O_NONBLOCK ?? 0, O_NOFOLLOW = import_node_fs.constants.O_NOFOLLOW ?? 0, RefusedFileError = class extends EnvironmentError {
  constructor(path5, reason, problem, options) {
    super(`${path5} ${problem}`, options);
    this.path = path5;
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
var notRegular = (path5, what, cause) => new RefusedFileError(path5, "not-regular", `is ${what}, not a regular file`, cause ? { cause } : void 0);
function openRegularFile(path5, flags, options = {}) {
  let follow = options.followSymlinks ?? !0, fd;
  try {
    fd = (0, import_node_fs.openSync)(path5, flags | O_NONBLOCK | (follow ? 0 : O_NOFOLLOW), options.mode);
  } catch (error) {
    let code = error.code;
    if (code === "ELOOP" || code === "ENXIO" || code === "EISDIR") {
      let what;
      try {
        what = describeFileType(follow ? (0, import_node_fs.statSync)(path5) : (0, import_node_fs.lstatSync)(path5));
      } catch {
      }
      if (what && what !== "a regular file") throw notRegular(path5, what, error);
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
    throw (0, import_node_fs.closeSync)(fd), notRegular(path5, describeFileType(stats));
  return { fd, stats };
}
function readRegularFile(path5, options) {
  let { fd, stats } = openRegularFile(path5, import_node_fs.constants.O_RDONLY, options);
  try {
    if (stats.size > options.maxBytes)
      throw new RefusedFileError(
        path5,
        "too-large",
        `is ${stats.size} bytes, more than ccbell reads (${options.maxBytes})`
      );
    let chunks = [], total = 0, chunkSize = Math.min(stats.size + 1, 64 * 1024);
    for (; ; ) {
      let chunk = Buffer.allocUnsafe(Math.min(chunkSize, options.maxBytes + 1 - total)), read = (0, import_node_fs.readSync)(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      if (chunks.push(chunk.subarray(0, read)), total += read, total > options.maxBytes)
        throw new RefusedFileError(
          path5,
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
function prepareAtomicWrite(path5, options = {}) {
  let temp = (0, import_node_path.join)(
    (0, import_node_path.dirname)(path5),
    `.${(0, import_node_path.basename)(path5)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  ), fd = (0, import_node_fs2.openSync)(temp, "wx", options.mode ?? 384), close = () => {
    if (fd === void 0) return;
    let open = fd;
    fd = void 0, (0, import_node_fs2.closeSync)(open);
  };
  return {
    commit(data) {
      if (fd === void 0) throw new Error(`${temp} was already committed or abandoned`);
      try {
        (0, import_node_fs2.writeSync)(fd, data), options.durable && (0, import_node_fs2.fsyncSync)(fd), close(), (0, import_node_fs2.renameSync)(temp, path5);
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
function writeFileAtomic(path5, data, options = {}) {
  prepareAtomicWrite(path5, options).commit(data);
}

// src/state/cooldown.ts
var import_node_fs4 = require("node:fs"), import_node_path2 = require("node:path");

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
function withFileLock(path5, critical, options = {}) {
  let lockPath = `${path5}.lock`, timeoutMs = options.timeoutMs ?? 3e3, staleMs = options.staleMs ?? 1e4, started = Date.now(), deadline = started + timeoutMs, nextStaleCheck = started, delay = 1;
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
function parseState(text4) {
  try {
    let value = JSON.parse(text4);
    if (typeof value != "object" || value === null || Array.isArray(value)) return;
    let last = value.lastTrigger ?? {};
    if (typeof last != "object" || last === null || Array.isArray(last)) return;
    for (let seconds of Object.values(last)) if (typeof seconds != "number") return;
    return { lastTrigger: Object.assign(/* @__PURE__ */ Object.create(null), last) };
  } catch {
    return;
  }
}
function remainingSeconds(state, key, cooldownSeconds, now) {
  let last = Object.hasOwn(state.lastTrigger, key) ? state.lastTrigger[key] : void 0;
  if (!(last === void 0 || now < last || now - last >= cooldownSeconds))
    return cooldownSeconds - (now - last);
}
function forgetOld(state, before) {
  let { lastTrigger } = state;
  for (let key in lastTrigger) lastTrigger[key] < before && delete lastTrigger[key];
}
function readState(statePath) {
  try {
    return { kind: "text", text: readRegularFile(statePath, { maxBytes: STATE_MAX_BYTES }).text };
  } catch (error) {
    if (error instanceof RefusedFileError)
      return error.reason === "too-large" ? { kind: "text", text: "" } : { kind: "refused", why: error.message };
    if (error.code === "ENOENT") return { kind: "missing" };
    throw error;
  }
}
function claimCooldown(statePath, key, cooldownSeconds, nowMs = Date.now(), { lockWaitMs, forgetAfterSeconds } = {}) {
  let now = Math.floor(nowMs / 1e3), seen;
  try {
    seen = readState(statePath);
  } catch {
  }
  if (seen?.kind === "refused") return { kind: "allowed", unrecorded: seen.why };
  let seenState = seen?.kind === "text" ? parseState(seen.text) : void 0, cooling = seenState && remainingSeconds(seenState, key, cooldownSeconds, now);
  if (cooling) return { kind: "cooling", remainingSeconds: cooling };
  (0, import_node_fs4.mkdirSync)((0, import_node_path2.dirname)(statePath), { recursive: !0, mode: 448 });
  let write = prepareAtomicWrite(statePath);
  try {
    return withFileLock(
      statePath,
      () => {
        let state = { lastTrigger: /* @__PURE__ */ Object.create(null) }, setAside, read = readState(statePath);
        if (read.kind === "refused") return { kind: "allowed", unrecorded: read.why };
        if (read.kind === "text") {
          let parsed = parseState(read.text);
          parsed ? state = parsed : (setAside = `${statePath}.corrupt-${nowMs}`, (0, import_node_fs4.renameSync)(statePath, setAside));
        }
        let remaining = remainingSeconds(state, key, cooldownSeconds, now);
        return remaining ? { kind: "cooling", remainingSeconds: remaining } : (forgetAfterSeconds !== void 0 && forgetOld(state, now - forgetAfterSeconds), state.lastTrigger[key] = now, write.commit(`${JSON.stringify(state, null, 2)}
`), setAside ? { kind: "allowed", setAside } : { kind: "allowed" });
      },
      lockWaitMs === void 0 ? {} : { timeoutMs: lockWaitMs }
    );
  } finally {
    write.abandon();
  }
}

// src/state/marks.ts
var import_node_fs5 = require("node:fs"), import_node_path3 = require("node:path"), SAFE_SESSION = /^[A-Za-z0-9_-]{1,128}$/, MARKS_DIR = "marks", SWEEP_AFTER_MS = 1440 * 60 * 1e3;
function markPath(cacheDir, sessionId, kind) {
  return SAFE_SESSION.test(sessionId) ? (0, import_node_path3.join)(cacheDir, MARKS_DIR, `${sessionId}.${kind}`) : void 0;
}
function leaveMark(cacheDir, sessionId, kind, nowMs = Date.now()) {
  let path5 = markPath(cacheDir, sessionId, kind);
  if (path5)
    try {
      (0, import_node_fs5.mkdirSync)((0, import_node_path3.join)(cacheDir, MARKS_DIR), { recursive: !0, mode: 448 });
      let fd = (0, import_node_fs5.openSync)(
        path5,
        import_node_fs5.constants.O_WRONLY | import_node_fs5.constants.O_CREAT | import_node_fs5.constants.O_TRUNC | import_node_fs5.constants.O_NOFOLLOW | import_node_fs5.constants.O_NONBLOCK,
        384
      );
      try {
        (0, import_node_fs5.fstatSync)(fd).isFile() && (0, import_node_fs5.writeSync)(fd, String(nowMs));
      } finally {
        (0, import_node_fs5.closeSync)(fd);
      }
      Math.random() < 0.05 && sweepMarks((0, import_node_path3.join)(cacheDir, MARKS_DIR), nowMs);
    } catch {
    }
}
function hasRecentMark(cacheDir, sessionId, kind, withinMs, nowMs = Date.now()) {
  let path5 = markPath(cacheDir, sessionId, kind);
  if (!path5) return !1;
  try {
    let fd = (0, import_node_fs5.openSync)(path5, import_node_fs5.constants.O_RDONLY | import_node_fs5.constants.O_NOFOLLOW | import_node_fs5.constants.O_NONBLOCK);
    try {
      if (!(0, import_node_fs5.fstatSync)(fd).isFile()) return !1;
      let buffer = Buffer.alloc(32), at = Number(buffer.toString("utf8", 0, (0, import_node_fs5.readSync)(fd, buffer, 0, 32, 0)));
      return Number.isFinite(at) && Math.abs(nowMs - at) <= withinMs;
    } finally {
      (0, import_node_fs5.closeSync)(fd);
    }
  } catch {
    return !1;
  }
}
function sweepMarks(dir, nowMs) {
  for (let name of (0, import_node_fs5.readdirSync)(dir)) {
    let path5 = (0, import_node_path3.join)(dir, name);
    try {
      nowMs - (0, import_node_fs5.statSync)(path5).mtimeMs > SWEEP_AFTER_MS && (0, import_node_fs5.rmSync)(path5, { force: !0 });
    } catch {
    }
  }
}

// src/state/places.ts
var import_node_fs6 = require("node:fs"), import_node_path4 = require("node:path");
var SAFE_SESSION2 = /^[A-Za-z0-9_-]{1,128}$/, PLACES_DIR = "places", SWEEP_AFTER_MS2 = 10080 * 60 * 1e3;
function placePath(cacheDir, sessionId) {
  return SAFE_SESSION2.test(sessionId) ? (0, import_node_path4.join)(cacheDir, PLACES_DIR, `${sessionId}.json`) : void 0;
}
function recordPlace(cacheDir, sessionId, place) {
  let path5 = placePath(cacheDir, sessionId);
  if (!path5 || Object.keys(place).length === 0) return;
  let text4 = JSON.stringify(place);
  try {
    if (readPlaceText(path5) === text4) return;
    (0, import_node_fs6.mkdirSync)((0, import_node_path4.join)(cacheDir, PLACES_DIR), { recursive: !0, mode: 448 }), writeFileAtomic(path5, text4), Math.random() < 0.05 && sweep((0, import_node_path4.join)(cacheDir, PLACES_DIR));
  } catch {
  }
}
function readPlaceText(path5) {
  try {
    return readRegularFile(path5, { maxBytes: 8192, followSymlinks: !1 }).text;
  } catch {
    return;
  }
}
function sweep(dir) {
  let now = Date.now();
  for (let name of (0, import_node_fs6.readdirSync)(dir))
    try {
      now - (0, import_node_fs6.statSync)((0, import_node_path4.join)(dir, name)).mtimeMs > SWEEP_AFTER_MS2 && (0, import_node_fs6.rmSync)((0, import_node_path4.join)(dir, name), { force: !0 });
    } catch {
    }
}

// src/notify/players.ts
var import_node_fs7 = require("node:fs"), import_node_path5 = __toESM(require("node:path"), 1);
var KNOWN_PLAYERS = ["afplay", "pw-play", "paplay", "aplay", "mpv", "ffplay"], LINUX_ORDER = ["pw-play", "paplay", "aplay", "mpv", "ffplay"], MACOS_ORDER = ["afplay"];
function playerOrder(platform) {
  return platform === "darwin" ? MACOS_ORDER : platform === "win32" ? [] : LINUX_ORDER;
}
var NoPlayerError = class extends EnvironmentError {
  constructor(searched, message, options) {
    super(message, options);
    this.searched = searched;
  }
  searched;
  name = "NoPlayerError";
}, InvalidPlayerError = class extends UsageError {
  constructor(value) {
    super(
      `player "${value}" is not "auto", one of ${KNOWN_PLAYERS.join(", ")}, or an absolute path to an executable`
    );
    this.value = value;
  }
  value;
  name = "InvalidPlayerError";
};
function isExecutableFile(file) {
  try {
    return (0, import_node_fs7.accessSync)(file, import_node_fs7.constants.X_OK), (0, import_node_fs7.statSync)(file).isFile();
  } catch {
    return !1;
  }
}
function findOnPath(name, pathEnv, platform) {
  let delimiter = platform === "win32" ? ";" : ":";
  for (let dir of pathEnv.split(delimiter)) {
    if (!dir || !import_node_path5.default.isAbsolute(dir)) continue;
    let candidate = import_node_path5.default.join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
}
function isKnown(name) {
  return KNOWN_PLAYERS.includes(name);
}
function findPlayer(options) {
  let { platform, pathEnv } = options, preferred = options.preferred?.trim();
  if (preferred === void 0 || preferred === "" || preferred === "auto") {
    let order = playerOrder(platform);
    for (let name of order) {
      let found = findOnPath(name, pathEnv, platform);
      if (found) return { name, path: found };
    }
    let what = order.length > 0 ? `none of ${order.join(", ")} found on PATH` : `no known player on ${platform}`;
    throw new NoPlayerError(
      order,
      `no sound player: ${what}; install one or set "player" to an absolute path of a program that plays a WAV file`
    );
  }
  if (isKnown(preferred)) {
    let found = findOnPath(preferred, pathEnv, platform);
    if (found) return { name: preferred, path: found };
    throw new NoPlayerError([preferred], `sound player "${preferred}" (set in "player") not found on PATH`);
  }
  if (import_node_path5.default.isAbsolute(preferred)) {
    if (isExecutableFile(preferred)) return { name: "custom", path: preferred };
    throw new NoPlayerError(
      [preferred],
      `sound player ${preferred} (set in "player") is not an executable file`
    );
  }
  throw new InvalidPlayerError(preferred);
}
function clampVolume(volume) {
  return Number.isNaN(volume) ? 1 : Math.min(1, Math.max(0, volume));
}
function decimal(volume) {
  return String(Math.round(volume * 100) / 100);
}
function playerArgs(player, file, volume) {
  let v = clampVolume(volume);
  switch (player.name) {
    case "afplay":
      return ["-v", decimal(v), file];
    case "pw-play":
      return [`--volume=${decimal(v)}`, file];
    case "paplay":
      return [`--volume=${Math.round(v * 65536)}`, file];
    case "aplay":
      return ["-q", file];
    case "mpv":
      return ["--no-video", "--really-quiet", `--volume=${Math.round(v * 100)}`, file];
    case "ffplay":
      return ["-nodisp", "-autoexit", "-loglevel", "quiet", "-volume", String(Math.round(v * 100)), file];
    case "custom":
      return [file];
  }
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

// src/config/project-rules.ts
var isObject2 = (value) => typeof value == "object" && value !== null && !Array.isArray(value), RULE_KEYS = /* @__PURE__ */ new Set(["match", "branch", "instance"]);
function globRegex(glob, home) {
  let text4 = glob;
  home && (text4 === "~" || text4.startsWith("~/")) && (text4 = home.replace(/\/+$/, "") + text4.slice(1));
  let out = "";
  for (let i = 0; i < text4.length; i++) {
    let c = text4[i];
    if (c === "/" && text4.slice(i) === "/**") {
      out += "(?:/.*)?";
      break;
    }
    c === "*" && text4[i + 1] === "*" ? (out += ".*", i++) : c === "*" ? out += "[^/]*" : c === "?" ? out += "[^/]" : out += /[\\^$.+()[\]{}|]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`^${out}$`);
}
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
function matchProjectRule(config, cwd, branch, home) {
  let place = cwd.replace(/\/+$/, "") || "/";
  return config.projects?.find(
    (rule) => globRegex(rule.match, home).test(place) && (rule.branch === void 0 || branch !== void 0 && globRegex(rule.branch, home).test(branch))
  );
}
function mergeRaw(base, over) {
  let out = {}, put = (key, value) => Object.defineProperty(out, key, { value, enumerable: !0, writable: !0, configurable: !0 });
  for (let [key, value] of Object.entries(base)) put(key, value);
  for (let [key, value] of Object.entries(over)) {
    let now = Object.hasOwn(out, key) ? out[key] : void 0;
    put(key, isObject2(now) && isObject2(value) ? mergeRaw(now, value) : value);
  }
  return out;
}

// src/config/quiet-hours.ts
var HH_MM = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;
function parseClock(text4) {
  let match = HH_MM.exec(text4);
  if (match)
    return Number(match[1]) * 60 + Number(match[2]);
}
function isQuietTime(quiet, now) {
  if (!quiet) return !1;
  let start = parseClock(quiet.start), end = parseClock(quiet.end);
  if (start === void 0 || end === void 0 || start === end) return !1;
  let minute = now.getHours() * 60 + now.getMinutes();
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
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
function urlProblem(text4, tls) {
  let url;
  try {
    url = new URL(text4);
  } catch {
    return `is not a URL (got ${JSON.stringify(text4.slice(0, 60))})`;
  }
  if (url.protocol !== "nats:" && url.protocol !== "tls:") return "must start with nats:// or tls://";
  if (url.username || url.password) return "must not hold a user or password; use remote.credentials";
  if (!url.hostname) return "has no host";
  if (!tls && !isLoopbackHost(url.hostname))
    return `reaches ${url.hostname} without TLS; use tls:// (plain nats:// is for loopback only)`;
}
function path2(value, field, problems) {
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
    let file = path2(raw.creds, `${field}.creds`, problems);
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
  let ca = path2(raw.ca, "remote.ca", problems), cert = path2(raw.cert, "remote.cert", problems), key = path2(raw.key, "remote.key", problems);
  cert === void 0 != (key === void 0) && problems.length === before && problems.push({ field: "remote.cert", problem: "cert and key go together" });
  let credentials = raw.credentials === void 0 ? void 0 : readCredentials(raw.credentials, problems);
  if (Array.isArray(urls) && urls.every((u) => typeof u == "string")) {
    let tls = remoteUsesTls({ url: urls, ...ca ? { ca } : {}, ...cert ? { cert } : {} });
    urls.forEach((text4, index) => {
      let problem = urlProblem(text4, tls);
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
  let path5 = spec.startsWith("custom:") ? spec.slice(7) : spec;
  if (!path5.startsWith("/")) return "must be bundled:NAME, custom:/absolute/path or an absolute path";
  if (path5.split("/").includes("..")) return 'must not contain ".."';
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
function loadConfig(path5, options = {}) {
  let text4;
  try {
    text4 = readRegularFile(path5, { maxBytes: CONFIG_MAX_BYTES }).text;
  } catch (error) {
    if (error instanceof RefusedFileError)
      return {
        config: defaultConfig(),
        path: path5,
        exists: !0,
        problems: [{ field: "", problem: error.problem }]
      };
    let code = error.code;
    return code === "ENOENT" ? { config: defaultConfig(), path: path5, exists: !1, problems: [] } : {
      config: defaultConfig(),
      path: path5,
      exists: !0,
      problems: [{ field: "", problem: `cannot be read (${code ?? error.message})` }]
    };
  }
  let raw;
  try {
    raw = JSON.parse(text4);
  } catch (error) {
    return {
      config: defaultConfig(),
      path: path5,
      exists: !0,
      problems: [{ field: "", problem: `is not valid JSON (${error.message})` }]
    };
  }
  let object = typeof raw == "object" && raw !== null && !Array.isArray(raw) ? raw : void 0;
  return { path: path5, exists: !0, ...validateConfig(raw, options), ...object ? { raw: object } : {} };
}
function describeProblems(loaded) {
  let [first, ...rest] = loaded.problems;
  if (!first) return;
  let where = first.field ? `${loaded.path}: ${first.field}` : loaded.path, more = rest.length ? ` (and ${rest.length} more; run "ccbell doctor")` : "", fallback = /\[\d+\]$/.test(first.field) ? "skipping it" : "using defaults for it";
  return `config ${where} ${first.problem}; ${fallback}${more}`;
}

// src/config/project-file.ts
var import_node_fs8 = require("node:fs"), import_node_path6 = require("node:path");
var PROJECT_FILE_NAME = ".ccbell.json", PROJECT_FILE_MAX_BYTES = 64 * 1024, exists = (path5) => {
  try {
    return (0, import_node_fs8.lstatSync)(path5, { throwIfNoEntry: !1 }) !== void 0;
  } catch {
    return !1;
  }
};
function findProjectFile(cwd, home) {
  if (!(0, import_node_path6.isAbsolute)(cwd)) return;
  let stop = home && (0, import_node_path6.isAbsolute)(home) ? home.replace(/\/+$/, "") || "/" : void 0, nearest, dir = cwd.replace(/\/+$/, "") || "/";
  for (let depth = 0; depth < 64; depth++) {
    let candidate = (0, import_node_path6.join)(dir, PROJECT_FILE_NAME);
    if (nearest === void 0 && exists(candidate) && (nearest = candidate), exists((0, import_node_path6.join)(dir, ".git")) || dir === stop)
      return nearest ? { path: nearest, root: dir } : void 0;
    let parent = (0, import_node_path6.dirname)(dir);
    if (parent === dir) break;
    dir = parent;
  }
  let own = (0, import_node_path6.join)(cwd, PROJECT_FILE_NAME);
  return nearest === own ? { path: own, root: cwd } : void 0;
}
function isInside(path5, root) {
  return path5 === root || path5.startsWith(root.endsWith(import_node_path6.sep) ? root : `${root}${import_node_path6.sep}`);
}
function readProjectFile(found) {
  let target = found.path;
  if ((0, import_node_fs8.lstatSync)(found.path).isSymbolicLink()) {
    let real = (0, import_node_fs8.realpathSync)(found.path);
    if (!isInside(real, (0, import_node_fs8.realpathSync)(found.root)))
      throw new RefusedFileError(
        found.path,
        "not-regular",
        `is a link to ${real}, outside the repository ${found.root}`
      );
    target = real;
  }
  return readRegularFile(target, { maxBytes: PROJECT_FILE_MAX_BYTES, followSymlinks: !1 }).text;
}
function projectSoundPath(spec, found) {
  let given = (0, import_node_path6.isAbsolute)(spec) ? spec : (0, import_node_path6.join)((0, import_node_path6.dirname)(found.path), spec), real;
  try {
    real = (0, import_node_fs8.realpathSync)(given);
  } catch (error) {
    return { problem: `cannot be found (${error.code ?? "error"})` };
  }
  return isInside(real, (0, import_node_fs8.realpathSync)(found.root)) ? (0, import_node_fs8.statSync)(real).isFile() ? { path: real } : { problem: "is not a regular file" } : { problem: `resolves to ${real}, outside the repository ${found.root}` };
}

// src/config/project-settings.ts
var PROJECT_KEYS = ["label", "quiet", "quietHours", "events", "$schema"], PROJECT_EVENT_KEYS = ["enabled", "sound", "volume", "desktop", "cooldown"], DANGEROUS = 'sends data or runs something; only your own config (or its "projects" rules) may set it', REFUSED_REASONS = Object.assign(/* @__PURE__ */ Object.create(null), {
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
}), isObject5 = (value) => typeof value == "object" && value !== null && !Array.isArray(value), show2 = (value) => JSON.stringify(value)?.slice(0, 60) ?? String(value);
function labelProblem(label) {
  if (typeof label != "string" || label.trim() === "") return "must be a non-empty string";
  if (label.length > 60) return "must be at most 60 characters";
  if (/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(label))
    return "must not hold control characters";
}
function readProjectEvent(raw, field, found, refused) {
  if (!isObject5(raw)) {
    refused.push({ field, problem: `must be an object (got ${show2(raw)})` });
    return;
  }
  let event = {};
  for (let [key, value] of Object.entries(raw)) {
    if (!PROJECT_EVENT_KEYS.includes(key)) {
      refused.push({ field: `${field}.${key}`, problem: "is not a setting a project file may hold" });
      continue;
    }
    if (key !== "sound") {
      event[key] = value;
      continue;
    }
    if (typeof value != "string" || value === "")
      refused.push({ field: `${field}.sound`, problem: "must be bundled:NAME or a file in the repository" });
    else if (value.startsWith("bundled:"))
      event.sound = value;
    else {
      let path5 = value.startsWith("custom:") ? value.slice(7) : value, resolved = projectSoundPath(path5, found);
      "problem" in resolved ? refused.push({ field: `${field}.sound`, problem: resolved.problem }) : event.sound = resolved.path;
    }
  }
  return event;
}
function readProjectSettings(raw, found) {
  let refused = [], settings = { overlay: {} };
  if (!isObject5(raw))
    return refused.push({ field: "", problem: `the file must hold a JSON object (got ${show2(raw)})` }), { settings, refused };
  for (let [key, value] of Object.entries(raw)) {
    if (!PROJECT_KEYS.includes(key)) {
      refused.push({
        field: key,
        problem: Object.hasOwn(REFUSED_REASONS, key) ? REFUSED_REASONS[key] : "is not a setting a project file may hold"
      });
      continue;
    }
    if (key === "label") {
      let problem = labelProblem(value);
      problem ? refused.push({ field: "label", problem }) : settings.overlay.label = value.trim();
    } else if (key === "quiet")
      typeof value == "boolean" ? value && (settings.overlay.enabled = !1) : refused.push({ field: "quiet", problem: `must be true or false (got ${show2(value)})` });
    else if (key === "quietHours")
      settings.overlay.quietHours = value;
    else if (key === "events") {
      if (!isObject5(value)) {
        refused.push({ field: "events", problem: "must be an object" });
        continue;
      }
      let events = {};
      for (let [name, event] of Object.entries(value)) {
        if (!isEventName(name)) {
          refused.push({
            field: `events.${name}`,
            problem: `unknown event (known: ${EVENT_NAMES.join(", ")})`
          });
          continue;
        }
        let read = readProjectEvent(event, `events.${name}`, found, refused);
        read && (events[name] = read);
      }
      settings.overlay.events = events;
    }
  }
  return { settings, refused };
}

// src/config/place.ts
function readFound(found) {
  let text4;
  try {
    text4 = readProjectFile(found);
  } catch (error) {
    return { settings: void 0, refused: [{ field: "", problem: error instanceof RefusedFileError ? error.problem : `cannot be read (${error.code ?? error.message})` }] };
  }
  let raw;
  try {
    raw = JSON.parse(text4);
  } catch (error) {
    return {
      settings: void 0,
      refused: [{ field: "", problem: `is not valid JSON (${error.message})` }]
    };
  }
  return readProjectSettings(raw, found);
}
function configForPlace(loaded, place, options = {}) {
  let found = findProjectFile(place.cwd, place.home), rule = matchProjectRule(loaded.config, place.cwd, place.branch, place.home);
  if (!found && !rule) return { config: loaded.config };
  let raw = loaded.raw ?? {}, placed = { config: loaded.config };
  if (found) {
    let { settings, refused } = readFound(found);
    placed.projectFile = { path: found.path, refused }, settings && (raw = mergeRaw(raw, settings.overlay));
  }
  rule && (placed.rule = rule, raw = mergeRaw(raw, rule.settings));
  let { config, problems } = validateConfig(raw, options), own = new Set(loaded.problems.map((problem) => problem.field));
  if (placed.projectFile)
    for (let problem of problems)
      !own.has(problem.field) && !problem.field.startsWith("projects") && placed.projectFile.refused.push(problem);
  return placed.config = config, placed;
}

// src/config/profiles.ts
function merge(into, from) {
  from && (from.enabled !== void 0 && (into.enabled = from.enabled), from.sound && (into.sound = from.sound), from.volume !== void 0 && (into.volume = from.volume), from.cooldown !== void 0 && (into.cooldown = from.cooldown), from.desktop !== void 0 && (into.desktop = from.desktop), from.channels !== void 0 && (into.channels = from.channels));
}
function resolveEvent(config, event) {
  let resolved = { ...EVENT_DEFAULTS[event] };
  return merge(resolved, config.events[event]), config.activeProfile !== "default" && Object.hasOwn(config.profiles, config.activeProfile) && merge(resolved, config.profiles[config.activeProfile]?.events?.[event]), resolved;
}

// src/events/labels.ts
var import_node_fs9 = require("node:fs"), import_node_path7 = require("node:path"), COMMAND_LABEL_LENGTH = 80, BRANCH_CACHE_MS = 3e3, BRANCH_CACHE_SIZE = 64, branchCache = /* @__PURE__ */ new Map();
function gitBranch(cwd, now = Date.now()) {
  let cached = branchCache.get(cwd);
  if (cached && now - cached.at >= 0 && now - cached.at < BRANCH_CACHE_MS) return cached.branch;
  let branch = readBranch(cwd);
  return branchCache.delete(cwd), branchCache.set(cwd, { branch, at: now }), branchCache.size > BRANCH_CACHE_SIZE && branchCache.delete(branchCache.keys().next().value), branch;
}
function readBranch(cwd) {
  if (!(0, import_node_path7.isAbsolute)(cwd)) return;
  let dir = cwd;
  for (let depth = 0; depth < 40; depth++) {
    let head = readHead(dir);
    if (head !== void 0)
      return /^ref: refs\/heads\/(.+)$/m.exec(head)?.[1]?.trim() ?? head.trim().slice(0, 8);
    let parent = (0, import_node_path7.dirname)(dir);
    if (parent === dir) return;
    dir = parent;
  }
}
function readHead(dir) {
  let dotGit = (0, import_node_path7.join)(dir, ".git");
  try {
    return (0, import_node_fs9.readFileSync)((0, import_node_path7.join)(dotGit, "HEAD"), "utf8").slice(0, 512);
  } catch (error) {
    if (error.code !== "ENOTDIR") return;
  }
  try {
    let pointer = /^gitdir: (.+)$/m.exec((0, import_node_fs9.readFileSync)(dotGit, "utf8").slice(0, 4096))?.[1]?.trim();
    return pointer ? (0, import_node_fs9.readFileSync)((0, import_node_path7.join)((0, import_node_path7.isAbsolute)(pointer) ? pointer : (0, import_node_path7.join)(dir, pointer), "HEAD"), "utf8").slice(
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
    return (0, import_node_path7.basename)(cwd.replace(/\/+$/, "")) || cwd;
}
function placeLabel(cwd) {
  if (!cwd) return "unknown directory";
  let project = (0, import_node_path7.basename)(cwd.replace(/\/+$/, "")) || cwd, branch = gitBranch(cwd);
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
  let str = (value) => typeof value == "string" && value !== "" ? value : void 0, text4;
  switch (toolName) {
    case "Bash":
      text4 = str(input.command);
      break;
    case "Read":
    case "Write":
    case "Edit":
    case "NotebookEdit":
    case "NotebookRead":
      text4 = str(input.file_path) ?? str(input.notebook_path);
      break;
    case "MultiEdit": {
      let file = str(input.file_path), edits = Array.isArray(input.edits) ? input.edits.length : void 0;
      text4 = file && edits !== void 0 ? `${file} (${edits} edit${edits === 1 ? "" : "s"})` : file;
      break;
    }
    case "Glob":
    case "Grep": {
      let pattern = str(input.pattern), path5 = str(input.path);
      text4 = pattern && path5 ? `${pattern} in ${path5}` : pattern ?? path5;
      break;
    }
    case "LS":
      text4 = str(input.path);
      break;
    case "WebFetch":
      text4 = str(input.url);
      break;
    case "WebSearch":
      text4 = str(input.query);
      break;
    case "Task":
      text4 = str(input.description) ?? str(input.prompt);
      break;
    case "TodoWrite":
      text4 = Array.isArray(input.todos) ? `${input.todos.length} todo${input.todos.length === 1 ? "" : "s"}` : void 0;
      break;
  }
  if (text4 === void 0) {
    try {
      text4 = JSON.stringify(input) ?? "";
    } catch {
      text4 = "";
    }
    text4 === "{}" && (text4 = "");
  }
  return truncate(oneLine(text4), max);
}
function oneLine(text4) {
  return text4.replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, "").replace(/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, "").replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").replace(/\s+/g, " ").trim();
}
function truncate(text4, max) {
  let limit = Math.max(1, Math.floor(max)), chars = Array.from(text4);
  return chars.length <= limit ? text4 : `${chars.slice(0, limit - 1).join("")}\u2026`;
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
function describeEvent(event, instance, input, label) {
  let cwd = text(input?.cwd), session = shortSession(input?.session_id), branch = label && cwd ? gitBranch(cwd) : void 0, place = label ? branch ? `${label} (${branch})` : label : cwd ? placeLabel(cwd) : "Claude Code";
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

// src/channels/plan.ts
function planChannels(config, settings) {
  if (settings.channels === void 0)
    return { sound: !0, desktop: settings.desktop, local: [], remote: [] };
  let plan = { sound: !1, desktop: !1, local: [], remote: [] };
  for (let name of settings.channels)
    if (name === "sound") plan.sound = !0;
    else if (name === "desktop") plan.desktop = !0;
    else {
      let defined = Object.hasOwn(config.channels, name) ? config.channels[name] : void 0;
      defined?.type === "terminal" ? plan.local.push({ name, settings: defined }) : defined?.type === "speech" ? plan.local.push({ name, settings: defined }) : defined ? plan.remote.push(name) : name === "terminal" ? plan.local.push({ name, settings: { type: "terminal", kind: "auto" } }) : name === "speech" && plan.local.push({ name, settings: { type: "speech" } });
    }
  return plan;
}

// src/notify/spawn.ts
var childProcess;
function load() {
  return childProcess ??= process.getBuiltinModule?.("node:child_process") ?? require("node:child_process"), childProcess;
}
var spawn = ((...args) => load().spawn(...args)), spawnSync = ((...args) => load().spawnSync(...args));

// src/notify/launcher.ts
var launchDirectly = (file, args, onError) => {
  try {
    let child = spawn(file, [...args], { detached: !0, stdio: "ignore", windowsHide: !0 });
    child.on("error", onError), child.unref();
  } catch (error) {
    onError(error instanceof Error ? error : new Error(String(error)));
  }
};
function shellWord(word) {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : quoted(word);
}
function quoted(word) {
  return `'${word.replace(/'/g, "'\\''")}'`;
}
function launchLine(file, args) {
  return `( ${[quoted(file), ...args.map(shellWord)].join(" ")} </dev/null >/dev/null 2>&1 & )
`;
}

// src/channels/plain-text.ts
var CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
function plainText(text4, maxChars) {
  let flat = text4.replace(CONTROLS, " ").replace(/\s+/g, " ").trim(), chars = Array.from(flat);
  return chars.length <= maxChars ? flat : `${chars.slice(0, Math.max(0, maxChars - 1)).join("").trimEnd()}\u2026`;
}

// src/channels/template.ts
function eventTemplates(message, settings) {
  let templates = settings.templates, event = message.fields.event;
  return templates && Object.hasOwn(templates, event) ? templates[event] : void 0;
}

// src/channels/speech.ts
var NoSpeechProgramError = class extends EnvironmentError {
  constructor(searched) {
    super(
      searched.length > 0 ? `no speech program: none of ${searched.join(", ")} found on PATH` : "no speech program on this platform"
    );
    this.searched = searched;
  }
  searched;
  name = "NoSpeechProgramError";
}, LINUX_ORDER2 = ["spd-say", "espeak-ng", "espeak"];
function speechProgramOrder(platform) {
  return platform === "darwin" ? ["say"] : platform === "win32" ? [] : LINUX_ORDER2;
}
function findSpeechProgram(platform, pathEnv) {
  let order = speechProgramOrder(platform);
  for (let name of order) {
    let path5 = findOnPath(name, pathEnv, platform);
    if (path5) return { name, path: path5 };
  }
  throw new NoSpeechProgramError(order);
}
var DEFAULT_SPEECH_TEMPLATES = {
  stop: "{project} is done",
  permission_prompt: "{project} needs you",
  idle_prompt: "{project} is waiting for you",
  subagent: "{project}: a subagent finished",
  session_start: "{project}: session started",
  session_end: "{project}: session ended",
  permission_request: "{project} needs you",
  permission_denied: "{project}: auto mode blocked a tool call",
  stop_failure: "{project} stopped on an error",
  elicitation_dialog: "{project} has a question for you",
  agent_needs_input: "{project} needs you",
  agent_completed: "{project}: a background agent finished",
  auth_success: "Claude Code signed in"
}, SPEECH_CHARS = 160;
function speechText(message, template) {
  let fields = {
    ...message.fields,
    project: message.fields.project || "Claude Code"
  }, filled = (template ?? DEFAULT_SPEECH_TEMPLATES[fields.event] ?? "{project} needs you").replace(
    /\{(\w+)\}/g,
    (_, name) => Object.hasOwn(fields, name) ? String(fields[name]) : ""
  );
  return plainText(filled, SPEECH_CHARS).replace(/\[\[|\]\]/g, " ").replace(/^[\s-]+/, "").trim();
}
var VOICE = /^[A-Za-z0-9][A-Za-z0-9 _+.()-]{0,63}$/, RATE_MIN = 80, RATE_MAX = 450, NORMAL_WPM = 175;
function speechArgs(program, text4, settings = {}) {
  let voice = settings.voice !== void 0 && VOICE.test(settings.voice) ? settings.voice : void 0, rate = typeof settings.rate == "number" && Number.isFinite(settings.rate) ? Math.round(Math.min(RATE_MAX, Math.max(RATE_MIN, settings.rate))) : void 0, args = [];
  switch (program.name) {
    case "say":
      return voice && args.push("-v", voice), rate !== void 0 && args.push("-r", String(rate)), [...args, text4];
    case "spd-say":
      return voice && args.push("-y", voice), rate !== void 0 && args.push("-r", String(Math.max(-100, Math.min(100, Math.round((rate / NORMAL_WPM - 1) * 100))))), [...args, "--", text4];
    case "espeak-ng":
    case "espeak":
      return voice && args.push("-v", voice), rate !== void 0 && args.push("-s", String(rate)), [...args, "--", text4];
  }
}
function speakMessage(settings, message, options) {
  let program = findSpeechProgram(options.platform ?? process.platform, options.env.PATH ?? ""), text4 = speechText(message, eventTemplates(message, settings)?.template ?? settings.template);
  return text4 ? ((options.launch ?? launchDirectly)(
    program.path,
    speechArgs(program, text4, settings),
    (error) => options.onError?.(error)
  ), { program, text: text4 }) : { program, text: text4 };
}

// src/notify/desktop.ts
var import_node_fs10 = require("node:fs"), import_node_path8 = __toESM(require("node:path"), 1);
var DESKTOP_TIMEOUT_MS = 2e3, CLICK_WAIT_MS = 1800 * 1e3;
function terminalNotifierArgs(title, body, click, url) {
  let args = ["-title", title, "-message", bodyWithUrl(body, url) || " ", "-group", "ccbell"];
  return args.push("-execute", [click.command, ...click.args].map(shellWord).join(" ")), click.macBundle && args.push("-activate", click.macBundle), args;
}
var DesktopNotifyError = class extends EnvironmentError {
  name = "DesktopNotifyError";
};
function escapeMarkup(text4) {
  return text4.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function appleScriptString(text4) {
  return `"${text4.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r\n?|\n/g, "\\n").replace(/\t/g, "\\t").replace(/[\u0000-\u001f\u007f]/g, "")}"`;
}
function hasSessionBus(env) {
  if (env.DBUS_SESSION_BUS_ADDRESS) return !0;
  let runtime = env.XDG_RUNTIME_DIR;
  return !!(runtime && import_node_path8.default.isAbsolute(runtime) && (0, import_node_fs10.existsSync)(import_node_path8.default.join(runtime, "bus")));
}
function bodyWithUrl(body, url) {
  return url ? body ? `${body}
${url}` : url : body;
}
function notifySendArgs(title, body, url) {
  return ["--app-name=ccbell", "--", title, escapeMarkup(bodyWithUrl(body, url))];
}
function osascriptArgs(title, body, url) {
  return ["-e", `display notification ${appleScriptString(bodyWithUrl(body, url))} with title ${appleScriptString(title)}`];
}
function run(command, args, env, timeoutMs) {
  return new Promise((resolve, reject) => {
    let child = spawn(command, args, { env, stdio: ["ignore", "ignore", "pipe"], windowsHide: !0 }), stderr = "", timedOut = !1;
    child.stderr.setEncoding("utf8"), child.stderr.on("data", (chunk) => {
      stderr.length < 2e3 && (stderr += chunk);
    });
    let timer = setTimeout(() => {
      timedOut = !0, child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer), reject(
        new DesktopNotifyError(`${import_node_path8.default.basename(command)} could not start: ${error.message}`, {
          cause: error
        })
      );
    }), child.on("close", (code, signal) => {
      if (clearTimeout(timer), timedOut)
        reject(
          new DesktopNotifyError(`${import_node_path8.default.basename(command)} did not finish within ${timeoutMs} ms; killed`)
        );
      else if (code === 0)
        resolve();
      else {
        let detail = stderr.trim().split(`
`).slice(-1)[0] ?? "", status = code === null ? `killed by ${signal}` : `exit ${code}`;
        reject(
          new DesktopNotifyError(
            `${import_node_path8.default.basename(command)} failed (${status})${detail ? `: ${detail}` : ""}`
          )
        );
      }
    });
  });
}
async function desktopNotify(options) {
  let { title, body, url, platform, env } = options, timeoutMs = options.timeoutMs ?? DESKTOP_TIMEOUT_MS, pathEnv = env.PATH ?? "";
  if (platform === "darwin") {
    let notifier = options.click ? findOnPath("terminal-notifier", pathEnv, platform) : void 0;
    if (notifier && options.click)
      return await run(notifier, terminalNotifierArgs(title, body, options.click, url), env, timeoutMs), "shown";
    let osascript = findOnPath("osascript", pathEnv, platform) ?? "/usr/bin/osascript";
    return await run(osascript, osascriptArgs(title, body, url), env, timeoutMs), "shown";
  }
  if (platform === "win32" || !hasSessionBus(env)) return "skipped";
  let notifySend = findOnPath("notify-send", pathEnv, platform);
  if (!notifySend) return "skipped";
  if (options.click) {
    let { command, args } = options.click, child = spawn(
      command,
      [...args, "--click", "--", notifySend, ...notifySendArgs(title, body, url)],
      {
        env,
        detached: !0,
        stdio: "ignore"
      }
    );
    return child.on("error", () => {
    }), child.unref(), "shown";
  }
  return await run(notifySend, notifySendArgs(title, body, url), env, timeoutMs), "shown";
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
function placeFromEnv(env) {
  return checkedPlace({
    ...env.TMUX ? { tmuxSocket: env.TMUX.split(",")[0] ?? "" } : {},
    ...env.TMUX_PANE ? { tmuxPane: env.TMUX_PANE } : {},
    ...env.KITTY_WINDOW_ID ? { kittyWindow: env.KITTY_WINDOW_ID } : {},
    ...env.KITTY_LISTEN_ON ? { kittyListenOn: env.KITTY_LISTEN_ON } : {},
    ...env.WEZTERM_PANE ? { weztermPane: env.WEZTERM_PANE } : {},
    ...env.WINDOWID ? { x11Window: env.WINDOWID } : {},
    ...env.TERM_PROGRAM ? { termProgram: env.TERM_PROGRAM } : {},
    ...env.__CFBundleIdentifier ? { macBundle: env.__CFBundleIdentifier } : {}
  });
}
function canFocus(place) {
  return !!(place.tmuxPane || place.kittyWindow || place.weztermPane || place.x11Window || place.macBundle);
}
function focusClick(place, target) {
  if (canFocus(place))
    return {
      command: target.nodePath,
      args: [target.cliPath, "focus", "--instance", target.instance, "--session", target.sessionId],
      macBundle: place.macBundle
    };
}

// src/notify/pane-in-view.ts
var PANE_CHECK_TIMEOUT_MS = 300;
function paneInViewArgs(place) {
  return [
    ...place.tmuxSocket ? ["-S", place.tmuxSocket] : [],
    "display",
    "-p",
    "-t",
    place.tmuxPane,
    "#{pane_active} #{window_active} #{session_attached}"
  ];
}
function paneInViewFrom(output) {
  let match = /^1 1 (\d+)\s*$/.exec(output);
  return match !== null && Number(match[1]) > 0;
}
function paneInView(place, env, timeoutMs = PANE_CHECK_TIMEOUT_MS, platform = process.platform) {
  let pane = place.tmuxPane;
  if (!pane) return !1;
  let tmux = findOnPath("tmux", env.PATH ?? "", platform);
  if (!tmux) return !1;
  let run2 = spawnSync(tmux, paneInViewArgs({ ...place, tmuxPane: pane }), {
    env,
    stdio: ["ignore", "pipe", "ignore"],
    encoding: "utf8",
    timeout: timeoutMs,
    killSignal: "SIGKILL",
    maxBuffer: 4096
  });
  return run2.status === 0 && typeof run2.stdout == "string" && paneInViewFrom(run2.stdout);
}

// src/notify/sound.ts
var import_node_fs11 = require("node:fs"), import_node_path9 = __toESM(require("node:path"), 1);
var InvalidSoundSpecError = class extends UsageError {
  constructor(spec, problem) {
    super(`sound "${spec}": ${problem}`);
    this.spec = spec;
  }
  spec;
  name = "InvalidSoundSpecError";
}, SoundNotFoundError = class extends EnvironmentError {
  constructor(spec, path5, problem, options) {
    super(`sound "${spec}": ${path5}: ${problem}`, options);
    this.spec = spec;
    this.path = path5;
  }
  spec;
  path;
  name = "SoundNotFoundError";
};
var BUNDLED_NAME = /^[a-z_]+$/;
function hasDotDot(file) {
  return file.split(/[\\/]/).includes("..");
}
function resolveSound(spec, bundledDir) {
  let file;
  if (spec.startsWith("bundled:")) {
    let name = spec.slice(8);
    if (!BUNDLED_NAME.test(name))
      throw new InvalidSoundSpecError(spec, 'a bundled sound name is lower-case letters and "_" only');
    file = import_node_path9.default.join(import_node_path9.default.resolve(bundledDir), `${name}.wav`);
  } else {
    if (file = spec.startsWith("custom:") ? spec.slice(7) : spec, file === "") throw new InvalidSoundSpecError(spec, "no file given");
    if (file.includes("\0")) throw new InvalidSoundSpecError(spec, "the path holds a NUL byte");
    if (!import_node_path9.default.isAbsolute(file))
      throw new InvalidSoundSpecError(spec, "a sound file must be an absolute path (or bundled:NAME)");
    if (hasDotDot(file)) throw new InvalidSoundSpecError(spec, 'a sound path must not contain ".."');
  }
  let real;
  try {
    real = (0, import_node_fs11.realpathSync)(file);
  } catch (error) {
    let code = error.code, problem = code === "ENOENT" || code === "ENOTDIR" ? "no such file" : code === "ELOOP" ? "too many levels of symbolic links" : code === "EACCES" ? "permission denied" : `cannot be resolved (${code ?? "unknown error"})`;
    throw new SoundNotFoundError(spec, file, problem, { cause: error });
  }
  let shown = real === file ? file : `${file} (\u2192 ${real})`, isFile;
  try {
    isFile = (0, import_node_fs11.statSync)(real).isFile();
  } catch (error) {
    throw new SoundNotFoundError(spec, shown, "cannot be read", { cause: error });
  }
  if (!isFile) throw new SoundNotFoundError(spec, shown, "not a regular file");
  try {
    (0, import_node_fs11.accessSync)(real, import_node_fs11.constants.R_OK);
  } catch (error) {
    throw new SoundNotFoundError(spec, shown, "not readable", { cause: error });
  }
  return real;
}
function playSound(options) {
  let { player, file, volume, onError } = options;
  (options.launch ?? launchDirectly)(
    player.path,
    playerArgs(player, file, volume),
    (error) => onError?.(error)
  );
}

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
function detectTerminal(env) {
  let term = env.TERM ?? "", program = env.TERM_PROGRAM ?? "";
  return env.TMUX || env.STY || program === "tmux" || /^(tmux|screen)\b/.test(term) ? "bell" : env.KITTY_WINDOW_ID || program === "kitty" || term === "xterm-kitty" ? "osc99" : program === "iTerm.app" || env.LC_TERMINAL === "iTerm2" || env.ITERM_SESSION_ID ? "osc9" : program === "WezTerm" || env.WEZTERM_PANE || term === "wezterm" || program === "ghostty" || env.GHOSTTY_RESOURCES_DIR || term === "xterm-ghostty" || term === "foot" || term.startsWith("foot-") ? "osc777" : "bell";
}
var ESC = "\x1B", BEL = "\x07", BELL = BEL, ST = `${ESC}\\`, TITLE_CHARS = 80, BODY_CHARS = 200, WINDOW_TITLE_CHARS = 60;
function terminalSequence(kind, message) {
  let title = plainText(message.title, TITLE_CHARS), body = plainText(message.body, BODY_CHARS);
  switch (kind) {
    case "bell":
      return BEL;
    case "osc9": {
      let text4 = [title, body].filter(Boolean).join(": ");
      return `${ESC}]9;${/^\d/.test(text4) ? `ccbell: ${text4}` : text4}${BEL}`;
    }
    case "osc777":
      return `${ESC}]777;notify;${title.replaceAll(";", ",")};${body}${BEL}`;
    case "osc99": {
      let id = `ccbell${message.fields.session.replace(/[^A-Za-z0-9]/g, "").slice(0, 16)}`, b64 = (text4) => Buffer.from(text4, "utf8").toString("base64");
      return `${ESC}]99;i=${id}:d=0:e=1:p=title;${b64(title)}${ST}${ESC}]99;i=${id}:d=1:e=1:p=body;${b64(body)}${ST}`;
    }
    case "title": {
      let project = message.fields.project || "Claude Code";
      return `${ESC}]2;${plainText(`${project}: ${body}`, WINDOW_TITLE_CHARS)}${BEL}`;
    }
  }
}

// src/events/terminal.ts
function terminalKindFor(config, env, fallback = !1, settings) {
  let listed = settings ? planChannels(config, settings).local.find((c) => c.settings.type === "terminal") : void 0;
  if (listed?.settings.type === "terminal") {
    let kind = listed.settings.kind;
    return kind === "auto" ? detectTerminal(env) : kind;
  }
  let setting = config.terminal ?? "off";
  return setting === "off" ? fallback ? "bell" : void 0 : setting === "auto" ? detectTerminal(env) : setting;
}
function terminalOutputFor(config, settings, env, fallback, message) {
  let kind = terminalKindFor(config, env, fallback, settings);
  if (kind)
    return { kind, sequence: kind === "bell" ? BELL : terminalSequence(kind, message()) };
}
function terminalHookOutput(sequence) {
  return JSON.stringify({ terminalSequence: sequence });
}

// src/events/handle.ts
var NEEDS_YOU = /* @__PURE__ */ new Set([
  "permission_prompt",
  "permission_request",
  "permission_denied",
  "stop_failure",
  "elicitation_dialog",
  "agent_needs_input"
]), SAME_DIALOG_WINDOW_MS = 6e4;
function decide(config, event, now, input) {
  if (!config.enabled) return { go: !1, reason: "disabled" };
  let settings = resolveEvent(config, event);
  return settings.enabled ? isQuietTime(config.quietHours, now) ? { go: !1, reason: "quiet-hours" } : !config.subagents && isSubagentEvent(event, input) ? { go: !1, reason: "subagent" } : event === "idle_prompt" && !config.idleAfterStop && stopAlwaysSounds(config, now) ? { go: !1, reason: "after-stop" } : { go: !0, settings } : { go: !1, reason: "event-disabled" };
}
function isSubagentEvent(event, input) {
  return NEEDS_YOU.has(event) ? !1 : event === "subagent" || typeof input?.agent_id == "string";
}
function stopAlwaysSounds(config, now) {
  let stop = resolveEvent(config, "stop");
  return stop.enabled && stop.volume > 0 && stop.cooldown === 0 && !isQuietTime(config.quietHours, now);
}
function eventNeedsInput(config, event, now, options = {}) {
  let verdict = decide(config, event, now);
  if (!verdict.go) return !1;
  let { settings } = verdict;
  if (event === "permission_request" || event === "permission_prompt") return !0;
  let webhooks = options.webhooksReadTheirOwn ? new Set(planChannels(config, settings).remote) : void 0;
  if (settings.channels?.some((name) => name !== "sound" && !webhooks?.has(name))) return !0;
  let terminalNames = config.terminal !== void 0 && config.terminal !== "off" && config.terminal !== "bell";
  return settings.desktop || terminalNames || settings.cooldown > 0 && config.cooldownScope === "session";
}
function cooldownKey(config, event, input) {
  let session = typeof input?.session_id == "string" ? input.session_id : "";
  return config.cooldownScope === "session" && session ? `${event}:${session}` : event;
}
var KEEP_COOLDOWN_ENTRIES_SECONDS = 1440 * 60;
function cooldownMemorySeconds(config) {
  let longest = KEEP_COOLDOWN_ENTRIES_SECONDS;
  for (let event of EVENT_NAMES) longest = Math.max(longest, resolveEvent(config, event).cooldown);
  return longest;
}
function startEvent(context) {
  let { event, input, instance, loaded, logger } = context, config = loaded.config, now = context.now ?? /* @__PURE__ */ new Date(), verdict = decide(config, event, now, input);
  if (!verdict.go)
    return logger.debug(`event=${event} suppressed: ${verdict.reason}`), settledAt({ notified: !1, reason: verdict.reason });
  let { settings } = verdict, sessionId = typeof input?.session_id == "string" ? input.session_id : void 0;
  if (event === "permission_prompt" && sessionId && hasRecentMark(instance.cache_dir, sessionId, "dialog", SAME_DIALOG_WINDOW_MS, now.getTime())) {
    logger.debug(`event=${event} suppressed: the session's permission request was announced`);
    let silenced = { notified: !1, reason: "same-dialog" };
    if (hasRecentMark(instance.cache_dir, sessionId, "dialog-ring", SAME_DIALOG_WINDOW_MS, now.getTime())) {
      let request = resolveEvent(config, "permission_request"), noPlayer = findPlayerOrNone(config, context.platform ?? process.platform, context.env), terminal2 = terminalOutputFor(
        config,
        request,
        context.env,
        noPlayer instanceof NoPlayerError,
        () => buildMessage(event, instance.name, input)
      );
      terminal2 && (silenced.terminal = terminal2);
    }
    return settledAt(silenced);
  }
  if (config.quietWhenFocused && context.place?.tmuxPane && paneInView(context.place, context.env, context.paneCheckTimeoutMs))
    return logger.debug(`event=${event} suppressed: the session's tmux pane ${context.place.tmuxPane} is in view`), settledAt({ notified: !1, reason: "in-view" });
  let outcome = { notified: !0, settings };
  if (settings.cooldown > 0) {
    let key = cooldownKey(config, event, input), claim;
    try {
      claim = claimCooldown(instance.state_path, key, settings.cooldown, now.getTime(), {
        lockWaitMs: context.stateLockWaitMs,
        forgetAfterSeconds: cooldownMemorySeconds(config)
      });
    } catch (error) {
      if (!(error instanceof LockTimeoutError)) throw error;
      logger.warn(`event=${event} notifying without recording its cooldown (key ${key}): ${error.message}`), outcome.unrecorded = !0;
    }
    if (claim && "setAside" in claim && logger.warn(`state file was corrupt; kept it as ${claim.setAside}`), claim && "unrecorded" in claim && (logger.warn(`event=${event} notified without cooldown: ${claim.unrecorded}`), outcome.unrecorded = !0), claim?.kind === "cooling")
      return logger.debug(`event=${event} suppressed: cooldown (${claim.remainingSeconds}s left, key ${key})`), settledAt({ notified: !1, reason: "cooldown" });
  }
  event === "permission_request" && sessionId && leaveMark(instance.cache_dir, sessionId, "dialog", now.getTime());
  let platform = context.platform ?? process.platform, plan = planChannels(config, settings), built, messageOnce = () => (built ??= buildMessage(event, instance.name, input, { url: context.url, actions: context.actions }), built), fire = context.defer ?? ((start) => start());
  if (plan.remote.length > 0 || plan.local.length > 0) {
    let message = messageOnce();
    if (outcome.channels = { message, remote: plan.remote, local: plan.local }, plan.remote.length > 0) {
      let { deliver, deliverFromStdin } = context;
      input === void 0 && deliverFromStdin ? fire(() => deliverFromStdin({ event, channels: plan.remote, inputOnStdin: !0 })) : deliver ? fire(() => deliver({ message, channels: plan.remote })) : logger.warn(`event=${event} channels ${plan.remote.join(", ")}: no delivery here; skipped`);
    }
    for (let { name, settings: local } of plan.local)
      local.type === "speech" && fire(() => {
        try {
          let spoken = speakMessage(local, message, {
            platform,
            env: context.env,
            onError: (error) => logger.warn(`channel ${name}: speech failed to start: ${error.message}`),
            ...context.launch ? { launch: context.launch } : {}
          });
          logger.debug(`event=${event} channel ${name} said "${spoken.text}" with ${spoken.program.name}`);
        } catch (error) {
          logger.warn(`channel ${name}: ${error.message}`);
        }
      });
  }
  let desktop = plan.desktop ? new Promise(
    (resolve) => fire(() => {
      let { title, body } = describeEvent(event, instance.name, input, config.label);
      desktopNotify({
        title,
        body,
        url: context.url,
        platform,
        env: context.env,
        click: context.click
      }).catch((error) => (logger.warn(`desktop notification failed: ${error.message}`), "failed")).then(resolve);
    })
  ) : void 0;
  if (plan.sound && settings.sound && settings.volume > 0) {
    let file = resolveSound(settings.sound, context.bundledSoundsDir), player = findPlayerOrNone(config, platform, context.env);
    player instanceof NoPlayerError ? (outcome.noPlayer = player.message, logger.warn(`event=${event} not played: ${player.message}`)) : (fire(
      () => playSound({
        player,
        file,
        volume: settings.volume,
        onError: (error) => logger.warn(`player ${player.path} failed to start: ${error.message}`),
        ...context.launch ? { launch: context.launch } : {}
      })
    ), outcome.sound = { file, player, volume: settings.volume }, logger.debug(`event=${event} played ${file} with ${player.name} at volume ${settings.volume}`));
  }
  let terminal = terminalOutputFor(
    config,
    settings,
    context.env,
    outcome.noPlayer !== void 0,
    messageOnce
  );
  terminal && context.noTerminalOutput ? event === "permission_request" && sessionId && leaveMark(instance.cache_dir, sessionId, "dialog-ring", now.getTime()) : terminal && (outcome.terminal = terminal);
  let done = desktop ? desktop.then((result) => (outcome.desktop = result, outcome)) : Promise.resolve(outcome);
  return { outcome, done };
}
function settledAt(outcome) {
  return { outcome, done: Promise.resolve(outcome) };
}
function findPlayerOrNone(config, platform, env) {
  try {
    return findPlayer({ platform, pathEnv: env.PATH ?? "", preferred: config.player });
  } catch (error) {
    if (error instanceof NoPlayerError) return error;
    throw error;
  }
}

// src/events/input.ts
var import_node_fs12 = require("node:fs"), MAX_HOOK_INPUT_BYTES = 1024 * 1024;
function parseHookInput(text4) {
  let trimmed = text4.trim();
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
    kind = (0, import_node_fs12.fstatSync)(fd);
  } catch {
    return { kind: "none" };
  }
  if (!(kind.isFile() || writerEndsAtOnce && (kind.isFIFO() || kind.isSocket()))) return { kind: "stream", head: Buffer.alloc(0) };
  let buffer = Buffer.allocUnsafe(64 * 1024), size = 0;
  for (; ; ) {
    let count;
    try {
      count = (0, import_node_fs12.readSync)(fd, buffer, 0, buffer.length, null);
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
function eventFromInput(input) {
  let hook = input.hook_event_name;
  if (!hook) return;
  let direct = Object.hasOwn(BY_HOOK_EVENT, hook) ? BY_HOOK_EVENT[hook] : void 0;
  if (direct) return direct;
  if (hook !== "Notification") return;
  let type = input.notification_type;
  if (typeof type == "string") return BY_NOTIFICATION_TYPE[type];
  let message = typeof input.message == "string" ? input.message.toLowerCase() : "";
  if (message.includes("permission")) return "permission_prompt";
  if (message.includes("waiting for your input") || message.includes("idle")) return "idle_prompt";
}

// src/core/route.ts
var isObject6 = (value) => typeof value == "object" && value !== null && !Array.isArray(value), text3 = (value) => typeof value == "string" && value !== "" ? value : void 0, ENDS_ALL_WAITING = /* @__PURE__ */ new Set(["UserPromptSubmit", "Stop", "StopFailure", "SessionEnd"]), ENDS_ONE_CALL = /* @__PURE__ */ new Set(["PostToolUse", "PostToolUseFailure", "PermissionDenied"]);
function routeHookInput(input) {
  let route = {}, event = eventFromInput(input);
  event && (route.event = event);
  let hook = input.hook_event_name, sessionId = text3(input.session_id);
  return hook === "PermissionRequest" && text3(input.tool_name) && isObject6(input.tool_input) && (route.ask = {
    toolName: input.tool_name,
    input: input.tool_input,
    ...sessionId ? { sessionId } : {},
    ...text3(input.cwd) ? { cwd: input.cwd } : {},
    ...text3(input.transcript_path) ? { transcriptPath: input.transcript_path } : {},
    ...Array.isArray(input.permission_suggestions) ? { permissionSuggestions: input.permission_suggestions } : {}
  }), sessionId && typeof hook == "string" && (ENDS_ALL_WAITING.has(hook) ? route.settles = { sessionId } : ENDS_ONE_CALL.has(hook) && text3(input.tool_name) && (route.settles = { sessionId, call: { toolName: input.tool_name, input: input.tool_input } })), route;
}

// src/cli/hook-budget.ts
function stateLockWaitMs(uptimeMs = process.uptime() * 1e3) {
  return Math.max(250, Math.round(6e3 - uptimeMs));
}

// src/cli/hook-code-paths.ts
function hookCodePaths(run2, outcome) {
  let paths = [`event:${run2.event}`];
  if (run2.readInput && paths.push("input"), run2.placed && paths.push("project"), run2.toldApp && paths.push("app"), run2.focus && paths.push("focus"), run2.paneCheck && paths.push("pane-check"), !outcome.notified)
    return paths.push(`quiet:${outcome.reason}`), outcome.terminal && paths.push("terminal"), paths;
  if (outcome.settings.cooldown > 0 && paths.push("cooldown"), outcome.sound && paths.push("sound"), outcome.noPlayer !== void 0 && paths.push("no-player"), outcome.desktop !== void 0 && paths.push("desktop"), outcome.terminal && paths.push("terminal"), outcome.channels) {
    outcome.channels.remote.length > 0 && paths.push("webhook");
    for (let channel of outcome.channels.local) paths.push(`channel:${channel.settings.type}`);
  }
  return paths;
}

// src/instance/paths.ts
var import_node_os = require("node:os"), import_node_path10 = require("node:path");
function claudeConfigDir(env = process.env) {
  let fromEnv = env.CLAUDE_CONFIG_DIR;
  return fromEnv && (0, import_node_path10.isAbsolute)(fromEnv) ? fromEnv : (0, import_node_path10.join)(env.HOME || (0, import_node_os.homedir)(), ".claude");
}
function registryPath(dir) {
  return (0, import_node_path10.join)(dir, "ccbell-instances.json");
}
function defaultInstancePaths(name, dir) {
  let stem = name === DEFAULT_INSTANCE ? "ccbell" : `ccbell-${name}`;
  return {
    name,
    config_path: (0, import_node_path10.join)(dir, `${stem}.config.json`),
    state_path: (0, import_node_path10.join)(dir, `${stem}.state`),
    cache_dir: (0, import_node_path10.join)(dir, `${stem}-cache`),
    log_path: (0, import_node_path10.join)(dir, `${stem}.log`),
    pid_path: (0, import_node_path10.join)(dir, `${stem}.pid`)
  };
}
function expandHome(path5, env = process.env) {
  return path5 === "~" ? env.HOME || (0, import_node_os.homedir)() : path5.startsWith("~/") ? (0, import_node_path10.join)(env.HOME || (0, import_node_os.homedir)(), path5.slice(2)) : path5;
}

// src/instance/pidfile.ts
var PID_FILE_MAX_BYTES = 64 * 1024;

// src/instance/registry.ts
var import_node_path11 = require("node:path");
var PATH_FIELDS = ["config_path", "state_path", "cache_dir", "log_path", "pid_path"], REGISTRY_MAX_BYTES = 1024 * 1024;
function readDocument(path5) {
  let text4;
  try {
    text4 = readRegularFile(path5, { maxBytes: REGISTRY_MAX_BYTES }).text;
  } catch (error) {
    if (error instanceof RefusedFileError) throw new ConfigError(path5, "", error.problem, { cause: error });
    if (error.code === "ENOENT") return;
    throw new ConfigError(path5, "", "cannot be read", { cause: error });
  }
  let raw;
  try {
    raw = JSON.parse(text4);
  } catch (error) {
    throw new ConfigError(path5, "", `is not valid JSON (${error.message})`, { cause: error });
  }
  if (typeof raw != "object" || raw === null || Array.isArray(raw))
    throw new ConfigError(path5, "", "must hold a JSON object of instances");
  return raw;
}
function resolveDocument(path5, document, env) {
  let registry = /* @__PURE__ */ new Map();
  for (let [name, entry] of Object.entries(document)) {
    let problem = instanceNameProblem(name);
    if (problem) throw new ConfigError(path5, name, `is not a valid instance name: it ${problem}`);
    if (typeof entry != "object" || entry === null || Array.isArray(entry))
      throw new ConfigError(path5, name, "must be an object of paths");
    let clean = {};
    for (let field of PATH_FIELDS) {
      if (!Object.hasOwn(entry, field)) continue;
      let value = entry[field];
      if (value === void 0 || value === "") continue;
      let expanded = typeof value == "string" ? expandHome(value, env) : void 0;
      if (!expanded || !(0, import_node_path11.isAbsolute)(expanded))
        throw new ConfigError(path5, `${name}.${field}`, "must be an absolute path (or start with ~/)");
      clean[field] = expanded;
    }
    registry.set(name, clean);
  }
  return registry;
}
function readRegistry(dir, env = process.env) {
  let path5 = registryPath(dir);
  return resolveDocument(path5, readDocument(path5) ?? {}, env);
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
var import_node_fs13 = require("node:fs"), import_node_path12 = require("node:path");
var LOG_MAX_BYTES = 1024 * 1024, LOG_KEPT_FILES = 3;
function rotate(path5) {
  for (let index = LOG_KEPT_FILES - 1; index >= 1; index--)
    try {
      (0, import_node_fs13.renameSync)(`${path5}.${index}`, `${path5}.${index + 1}`);
    } catch {
    }
  try {
    (0, import_node_fs13.renameSync)(path5, `${path5}.1`);
  } catch {
  }
}
var APPEND = import_node_fs13.constants.O_WRONLY | import_node_fs13.constants.O_APPEND | import_node_fs13.constants.O_CREAT;
function openLog(path5) {
  try {
    return openRegularFile(path5, APPEND, { followSymlinks: !1, mode: 384 });
  } catch (error) {
    if (error.code !== "ENOENT") throw error;
    return (0, import_node_fs13.mkdirSync)((0, import_node_path12.dirname)(path5), { recursive: !0, mode: 448 }), openRegularFile(path5, APPEND, { followSymlinks: !1, mode: 384 });
  }
}
function append(path5, level, message, maxBytes) {
  try {
    let log = openLog(path5);
    log.stats.size >= maxBytes && ((0, import_node_fs13.closeSync)(log.fd), rotate(path5), log = openLog(path5));
    let line = `${(/* @__PURE__ */ new Date()).toISOString()} [${process.pid}] ${level} ${message.replace(/[\r\n]+/g, " ")}
`;
    try {
      (0, import_node_fs13.writeSync)(log.fd, line);
    } finally {
      (0, import_node_fs13.closeSync)(log.fd);
    }
  } catch {
  }
}
function openLogger(path5, debugEnabled, maxBytes = LOG_MAX_BYTES) {
  return {
    path: path5,
    debugEnabled,
    debug(message) {
      debugEnabled && append(path5, "DEBUG", message, maxBytes);
    },
    info(message) {
      append(path5, "INFO", message, maxBytes);
    },
    warn(message) {
      append(path5, "WARN", message, maxBytes);
    }
  };
}

// src/cli/instance-context.ts
function instanceNamed(args, context) {
  return stringFlag(args, "instance") !== void 0 || !!context.env.CCBELL_INSTANCE;
}
function selectedInstance(args, context) {
  return resolveInstance(selectInstanceName(stringFlag(args, "instance"), context.env), context.env);
}
function openInstance(args, context, options = {}, chosen) {
  let instance = chosen === void 0 ? selectedInstance(args, context) : resolveInstance(chosen, context.env), given = stringFlag(args, "config"), loaded = loadConfig(given ?? instance.config_path, options), logger = openLogger(instance.log_path, loaded.config.debug), problem = given !== void 0 && !loaded.exists ? `config ${loaded.path} (--config) does not exist; using defaults` : describeProblems(loaded);
  return problem && (context.stderr(`ccbell: ${problem}
`), logger.warn(problem)), { instance, loaded, logger };
}

// src/cli/hook-place.ts
function placeMatters(opened, cwd, env) {
  return opened.loaded.config.projects !== void 0 || findProjectFile(cwd, env.HOME) !== void 0;
}
function placeOf(opened, cwd, env) {
  let needsBranch = opened.loaded.config.projects?.some((rule) => rule.branch !== void 0);
  return { cwd, home: env.HOME, branch: needsBranch ? gitBranch(cwd) : void 0 };
}
function placeInstance(opened, cwd, args, context) {
  let current = opened, place = placeOf(current, cwd, context.env);
  if (!instanceNamed(args, context) && current.instance.name === DEFAULT_INSTANCE) {
    let chosen = matchProjectRule(current.loaded.config, cwd, place.branch, place.home)?.instance;
    if (chosen !== void 0 && chosen !== DEFAULT_INSTANCE)
      try {
        current = openInstance(args, context, {}, chosen), place = placeOf(current, cwd, context.env);
      } catch (error) {
        opened.logger.warn(
          `projects rule for ${cwd} chose instance "${chosen}": ${error.message}`
        );
      }
  }
  let placed = configForPlace(current.loaded, place);
  if (placed.projectFile)
    for (let refused of placed.projectFile.refused)
      current.logger.debug(
        `project file ${placed.projectFile.path}: ${refused.field || "(file)"} refused: ${refused.problem}`
      );
  return placed.config === current.loaded.config ? current : { ...current, loaded: { ...current.loaded, config: placed.config } };
}

// src/channels/detached.ts
var import_node_os2 = require("node:os");
var DELIVERY_ENV = "CCBELL_DELIVERY", HELPER_NICENESS = 10, WAIT_FOR_EXIT = 'n=0; while kill -0 "$1" 2>/dev/null && [ "$n" -lt 200 ]; do sleep 0.01; n=$((n + 1)); done; shift; ', EXEC_LOWER = `if command -v nice >/dev/null 2>&1; then exec nice -n ${HELPER_NICENESS} "$0" "$@"; fi; exec "$0" "$@"`;
function startDetachedDelivery(options) {
  try {
    let node = options.execPath ?? process.execPath, args = [options.cliPath, "deliver", "--instance", options.instance, "--config", options.configPath], throughShell = options.afterExitOf !== void 0, script = `${(options.alsoStart ?? []).map(({ file: file2, args: args2 }) => launchLine(file2, args2)).join("")}${WAIT_FOR_EXIT}${EXEC_LOWER}`, [file, argv] = throughShell ? ["/bin/sh", ["-c", script, node, String(options.afterExitOf), ...args]] : [node, args], child = spawn(file, argv, {
      detached: !0,
      // An InputDelivery's helper reads the hook's input from the stdin it inherits.
      stdio: "inputOnStdin" in options.request ? ["inherit", "ignore", "ignore"] : "ignore",
      env: { ...options.env, [DELIVERY_ENV]: JSON.stringify(options.request) },
      windowsHide: !0
    });
    if (child.on("error", options.onError), child.pid !== void 0 && !throughShell)
      try {
        (0, import_node_os2.setPriority)(child.pid, HELPER_NICENESS);
      } catch {
      }
    child.unref();
  } catch (error) {
    options.onError(error instanceof Error ? error : new Error(String(error)));
  }
}

// src/cli/hook-starts.ts
function hookStarts(context, instance, configPath, logger) {
  let programs = [], delivery;
  return {
    launch: (file, args, onError) => {
      programs.push({ file, args, onError });
    },
    deliver: (request) => {
      delivery = request;
    },
    flush() {
      let started = programs, request = delivery;
      if (programs = [], delivery = void 0, !request) {
        for (let { file, args, onError } of started) launchDirectly(file, args, onError);
        return;
      }
      startDetachedDelivery({
        cliPath: context.cliPath,
        instance,
        configPath,
        request,
        env: context.env,
        afterExitOf: process.pid,
        alsoStart: started.map(({ file, args }) => ({ file, args })),
        onError: (error) => logger.warn(`could not start channel delivery and sound: ${error.message}`)
      });
    }
  };
}

// src/cli/commands/hook.ts
async function tellApp(event, input, instance, env, remote) {
  let { forwardEventToApp } = await Promise.resolve().then(() => __toESM(require_forward(), 1));
  return forwardEventToApp({ event, input, instance, env, ...remote ? { remote } : {} });
}
function sessionPlace(instance, input, place, context) {
  let sessionId = typeof input?.session_id == "string" ? input.session_id : void 0;
  if (!(!sessionId || !canFocus(place)))
    return recordPlace(instance.cache_dir, sessionId, place), focusClick(place, {
      nodePath: process.execPath,
      cliPath: context.cliPath,
      instance: instance.name,
      sessionId
    });
}
async function runHook(args, context) {
  if (context.env.CCBELL_APP_HOOKS && !args.flags["app-hook"]) return { code: 0 };
  let [eventArg, extra] = args.positionals;
  if (extra !== void 0)
    throw new UsageError(`unexpected argument ${JSON.stringify(extra)} after the event`);
  if (eventArg !== void 0 && !isEventName(eventArg))
    throw new UsageError(
      `unknown event or command ${JSON.stringify(eventArg.slice(0, 60))} (events: ${EVENT_NAMES.join(", ")}; see "ccbell --help")`
    );
  let opened = openInstance(args, context), now = /* @__PURE__ */ new Date(), ownCwd = process.cwd(), placed = placeMatters(opened, ownCwd, context.env), input, wantsInput = placed || eventArg === void 0 || opened.loaded.config.debug || !!context.env.CLAUDE_CODE_UI_INSTANCE_ID || // A webhook's helper reads the input itself (from the stdin it inherits): not a reason here.
  eventNeedsInput(opened.loaded.config, eventArg, now, { webhooksReadTheirOwn: !0 });
  if (wantsInput) {
    let read = await readStdinHookInput(context.env);
    read.kind === "json" ? input = read.input : read.kind === "invalid" && opened.logger.warn(`${read.reason}; going on without it`);
  }
  if (placed) {
    let cwd = typeof input?.cwd == "string" && (0, import_node_path13.isAbsolute)(input.cwd) ? input.cwd : ownCwd;
    opened = placeInstance(opened, cwd, args, context);
  }
  let { instance, loaded, logger } = opened, event = eventArg;
  if (!event)
    if (input?.hook_event_name) {
      if (event = routeHookInput(input).event, !event)
        return logger.debug(`hook event ${String(input.hook_event_name).slice(0, 40)} is not one ccbell handles`), { code: 0 };
    } else event = "stop";
  logger.debug(
    `instance=${instance.name} event=${event} session=${input?.session_id ?? "-"} cwd=${input?.cwd ?? "-"}`
  );
  let place = placeFromEnv(context.env), click = sessionPlace(instance, input, place, context), forwarded = context.env.CLAUDE_CODE_UI_INSTANCE_ID ? tellApp(event, input, instance.name, context.env, loaded.config.remote).catch((error) => {
    logger.warn(`could not reach the app: ${error.message}`);
  }) : void 0, starts = hookStarts(context, instance.name, loaded.path, logger), started = startEvent({
    event,
    input,
    instance,
    loaded,
    logger,
    env: context.env,
    bundledSoundsDir: (0, import_node_path13.join)(context.packageRoot, "sounds"),
    now,
    stateLockWaitMs: stateLockWaitMs(),
    launch: starts.launch,
    // Webhooks go out from a detached `ccbell deliver`, whose Node starts once this process is
    // gone: the hook returns at once and its helper never competes with it for a CPU.
    deliver: starts.deliver,
    ...wantsInput ? {} : { deliverFromStdin: starts.deliver },
    click,
    place
  });
  starts.flush();
  let outcome = await started.done;
  await forwarded, outcome.terminal && context.stdout(`${terminalHookOutput(outcome.terminal.sequence)}
`);
  let run2 = {
    event,
    readInput: wantsInput,
    placed,
    toldApp: forwarded !== void 0,
    focus: click !== void 0,
    paneCheck: !!(loaded.config.quietWhenFocused && place.tmuxPane)
  };
  return { code: 0, codePaths: hookCodePaths(run2, outcome) };
}

// src/cli/help.ts
var HELP = `ccbell: notifications and approvals for Claude Code, per named instance

Hook handler (what Claude Code runs):
  ccbell [--instance NAME] [--config PATH] [EVENT]
      EVENT: stop, permission_prompt, idle_prompt, subagent, session_start, session_end,
      permission_request, permission_denied, stop_failure, elicitation_dialog,
      agent_needs_input, agent_completed, auth_success. Without EVENT it is read from the
      hook JSON on stdin, else stop.
  ccbell [--instance NAME] permission-request
      PermissionRequest hook: asks the instance's running app, prints Claude Code's decision.

Instances (config, state, cache, PID file and log kept apart):
  ccbell instance list [--json]            also: ccbell --instance list
  ccbell instance show NAME [--json]
  ccbell instance create NAME [--config FILE]   also: ccbell --instance create NAME --config FILE
  ccbell instance copy SRC DST             also: ccbell --instance copy SRC DST
  ccbell instance remove NAME
  The instance is --instance NAME, else $CCBELL_INSTANCE, else "default".

  Removing an instance also removes its hooks from Claude Code's user settings; its files stay,
  and creating it again uses the config it left.

Wiring and checks:
  ccbell setup [--instance NAME] [--approvals] [--print]
      installs the instance's hooks in Claude Code's user settings (previous file kept as
      settings.json.ccbell-backup); --print shows them and writes nothing
  ccbell setup [--instance NAME] --http [--port N] [--print]
      http hooks to the instance's app (no process per event); --port N (1024-65535) is
      recorded as "appPort" in the instance's config, where the app will listen
  ccbell setup [--instance NAME] --remove [--print]
      removes them (also for an instance that no longer exists); --print shows what would go
  ccbell doctor [--instance NAME] [--cwd DIR] [--json] [--fix]
      checks config, player, sounds and every ccbell hook Claude Code runs (user and project
      settings, the plugin); --fix points stale hooks at this node and ccbell and removes hooks
      of instances that no longer exist, keeping settings.json.ccbell-backup; --cwd DIR also
      reports the project file (.ccbell.json) and "projects" rule that apply there
  ccbell focus --session ID [--instance NAME]
      brings the session's terminal forward (tmux pane, kitty, WezTerm, X11 window)

Run at login (the app as a systemd user unit or a launchd agent, hooks wired to it over http):
  ccbell service install|uninstall|status [--instance NAME]

Approvals:
  ccbell app [--instance NAME] [--port N] [--no-open] [--accept-legacy] [--remote] [-- claude ARGS\u2026]
      --port N: 1024-65535, or 0 for any free port (default: appPort, else any)
      --remote: also serve sessions of other machines through the config's NATS broker
      (docs/remote.md)
  ccbell pending [--instance NAME] [--json]
  ccbell answer REQUEST_ID allow|deny [--message TEXT] [--always] [--input JSON|@FILE]
               [--instance NAME]
  ccbell inbox [--json] [--port N] [--no-open]
      every running app's pending requests and recent events, all instances, one page
  ccbell mcp-config [--instance NAME] [--json] [--remote [--remote-cli PATH]]
      --remote: what to run on another machine (its instance needs the same remote config)
  ccbell approval-server                   (started by Claude Code through --mcp-config)
`;

// src/cli/main.ts
var COMMANDS = {
  instance: async () => (await Promise.resolve().then(() => __toESM(require_instance(), 1))).runInstance,
  setup: async () => (await Promise.resolve().then(() => __toESM(require_setup(), 1))).runSetup,
  doctor: async () => (await Promise.resolve().then(() => __toESM(require_doctor(), 1))).runDoctor,
  service: async () => (await Promise.resolve().then(() => __toESM(require_service(), 1))).runService,
  app: async () => (await Promise.resolve().then(() => __toESM(require_app(), 1))).runApp,
  "approval-server": async () => (await Promise.resolve().then(() => __toESM(require_approval_server(), 1))).runApprovalServerCommand,
  "mcp-config": async () => (await Promise.resolve().then(() => __toESM(require_mcp_config(), 1))).runMcpConfig,
  pending: async () => (await Promise.resolve().then(() => __toESM(require_pending(), 1))).runPending,
  answer: async () => (await Promise.resolve().then(() => __toESM(require_answer(), 1))).runAnswer,
  inbox: async () => (await Promise.resolve().then(() => __toESM(require_inbox(), 1))).runInbox,
  // Hidden: the detached helper a hook starts to deliver webhook channels (src/channels).
  deliver: async () => (await Promise.resolve().then(() => __toESM(require_deliver(), 1))).runDeliver,
  focus: async () => (await Promise.resolve().then(() => __toESM(require_focus(), 1))).runFocus,
  "permission-request": async () => (await Promise.resolve().then(() => __toESM(require_permission_request(), 1))).runPermissionRequest
};
async function dispatch(argv, context) {
  let args = parseArgs(argv);
  if (args.flags.version)
    return context.stdout(`${process.env.CCBELL_VERSION ?? "0.1.0"}
`), { code: 0 };
  if (args.flags.help || args.positionals[0] === "help")
    return context.stdout(HELP), { code: 0 };
  let instanceFlag = stringFlag(args, "instance");
  instanceFlag && INSTANCE_COMMAND_WORDS.includes(instanceFlag) && (delete args.flags.instance, args.positionals.unshift("instance", instanceFlag));
  let name = args.positionals[0], load2 = name && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : void 0;
  return load2 ? (args.positionals.shift(), { code: await (await load2())(args, context) }) : runHook(args, context);
}
async function main(argv, context) {
  try {
    let outcome = await dispatch(argv, context);
    return outcome.code === 2 ? { ...outcome, code: 1 } : outcome;
  } catch (error) {
    let known = errorKind(error) !== void 0;
    return context.stderr(`ccbell: ${known ? messageOf(error) : `unexpected error: ${messageOf(error)}`}
`), !known && process.env.CCBELL_DEBUG && context.stderr(`${error.stack}
`), { code: 1 };
  }
}
function writerTo(open) {
  let gone = !1, stream;
  return (text4) => {
    stream || (stream = open(), stream.on("error", () => {
      gone = !0;
    })), gone || stream.write(text4);
  };
}
function processContext(packageRoot) {
  return {
    packageRoot,
    cliPath: (0, import_node_path14.join)(packageRoot, "dist", "ccbell.js"),
    env: process.env,
    stdout: writerTo(() => process.stdout),
    stderr: writerTo(() => process.stderr)
  };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  main,
  processContext
});
