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

// node_modules/@nats-io/nats-core/lib/encoders.js
var require_encoders = __commonJS({
  "node_modules/@nats-io/nats-core/lib/encoders.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.TD = exports2.TE = exports2.Empty = void 0;
    exports2.encode = encode2;
    exports2.decode = decode2;
    exports2.Empty = new Uint8Array(0);
    exports2.TE = new TextEncoder();
    exports2.TD = new TextDecoder();
    function concat(...bufs) {
      let max = 0;
      for (let i = 0; i < bufs.length; i++)
        max += bufs[i].length;
      let out = new Uint8Array(max), index = 0;
      for (let i = 0; i < bufs.length; i++)
        out.set(bufs[i], index), index += bufs[i].length;
      return out;
    }
    function encode2(...a) {
      let bufs = [];
      for (let i = 0; i < a.length; i++)
        bufs.push(exports2.TE.encode(a[i]));
      return bufs.length === 0 ? exports2.Empty : bufs.length === 1 ? bufs[0] : concat(...bufs);
    }
    function decode2(a) {
      return !a || a.length === 0 ? "" : exports2.TD.decode(a);
    }
  }
});

// node_modules/@nats-io/nats-core/lib/errors.js
var require_errors = __commonJS({
  "node_modules/@nats-io/nats-core/lib/errors.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.errors = exports2.PermissionViolationError = exports2.NoRespondersError = exports2.TimeoutError = exports2.RequestError = exports2.ProtocolError = exports2.ConnectionError = exports2.DrainingConnectionError = exports2.ClosedConnectionError = exports2.AuthorizationError = exports2.UserAuthenticationExpiredError = exports2.InvalidOperationError = exports2.InvalidArgumentError = exports2.InvalidSubjectError = void 0;
    var InvalidSubjectError = class extends Error {
      constructor(subject, options) {
        super(`illegal subject: '${subject}'`, options), this.name = "InvalidSubjectError";
      }
    };
    exports2.InvalidSubjectError = InvalidSubjectError;
    var InvalidArgumentError = class _InvalidArgumentError extends Error {
      constructor(message, options) {
        super(message, options), this.name = "InvalidArgumentError";
      }
      static format(property, message, options) {
        return Array.isArray(message) && message.length > 1 && (message = message[0]), Array.isArray(property) ? (property = property.map((n) => `'${n}'`), property = property.join(",")) : property = `'${property}'`, new _InvalidArgumentError(`${property} ${message}`, options);
      }
    };
    exports2.InvalidArgumentError = InvalidArgumentError;
    var InvalidOperationError = class extends Error {
      constructor(message, options) {
        super(message, options), this.name = "InvalidOperationError";
      }
    };
    exports2.InvalidOperationError = InvalidOperationError;
    var UserAuthenticationExpiredError = class _UserAuthenticationExpiredError extends Error {
      constructor(message, options) {
        super(message, options), this.name = "UserAuthenticationExpiredError";
      }
      static parse(s) {
        return s.toLowerCase().indexOf("user authentication expired") !== -1 ? new _UserAuthenticationExpiredError(s) : null;
      }
    };
    exports2.UserAuthenticationExpiredError = UserAuthenticationExpiredError;
    var AuthorizationError = class _AuthorizationError extends Error {
      constructor(message, options) {
        super(message, options), this.name = "AuthorizationError";
      }
      static parse(s) {
        let messages = [
          "authorization violation",
          "account authentication expired",
          "authentication timeout"
        ], ss = s.toLowerCase();
        for (let i = 0; i < messages.length; i++)
          if (ss.indexOf(messages[i]) !== -1)
            return new _AuthorizationError(s);
        return null;
      }
    };
    exports2.AuthorizationError = AuthorizationError;
    var ClosedConnectionError = class extends Error {
      constructor() {
        super("closed connection"), this.name = "ClosedConnectionError";
      }
    };
    exports2.ClosedConnectionError = ClosedConnectionError;
    var DrainingConnectionError = class extends Error {
      constructor() {
        super("connection draining"), this.name = "DrainingConnectionError";
      }
    };
    exports2.DrainingConnectionError = DrainingConnectionError;
    var ConnectionError = class extends Error {
      constructor(message, options) {
        super(message, options), this.name = "ConnectionError";
      }
    };
    exports2.ConnectionError = ConnectionError;
    var ProtocolError = class extends Error {
      constructor(message, options) {
        super(message, options), this.name = "ProtocolError";
      }
    };
    exports2.ProtocolError = ProtocolError;
    var RequestError = class extends Error {
      constructor(message = "", options) {
        super(message, options), this.name = "RequestError";
      }
      isNoResponders() {
        return this.cause instanceof NoRespondersError;
      }
    };
    exports2.RequestError = RequestError;
    var TimeoutError = class extends Error {
      constructor(options) {
        super("timeout", options), this.name = "TimeoutError";
      }
    };
    exports2.TimeoutError = TimeoutError;
    var NoRespondersError = class extends Error {
      subject;
      constructor(subject, options) {
        super(`no responders: '${subject}'`, options), this.subject = subject, this.name = "NoResponders";
      }
    };
    exports2.NoRespondersError = NoRespondersError;
    var PermissionViolationError = class _PermissionViolationError extends Error {
      operation;
      subject;
      queue;
      constructor(message, operation, subject, queue, options) {
        super(message, options), this.name = "PermissionViolationError", this.operation = operation, this.subject = subject, this.queue = queue;
      }
      static parse(s) {
        if ((s ? s.toLowerCase() : "").indexOf("permissions violation") === -1)
          return null;
        let operation = "publish", subject = "", queue, m = s.match(/(Publish|Subscription) to "(\S+)"/);
        if (m && (operation = m[1].toLowerCase(), subject = m[2], operation === "subscription")) {
          let qm = s.match(/using queue "(\S+)"/);
          qm && (queue = qm[1]);
        }
        return new _PermissionViolationError(s, operation, subject, queue);
      }
    };
    exports2.PermissionViolationError = PermissionViolationError;
    exports2.errors = {
      AuthorizationError,
      ClosedConnectionError,
      ConnectionError,
      DrainingConnectionError,
      InvalidArgumentError,
      InvalidOperationError,
      InvalidSubjectError,
      NoRespondersError,
      PermissionViolationError,
      ProtocolError,
      RequestError,
      TimeoutError,
      UserAuthenticationExpiredError
    };
  }
});

// node_modules/@nats-io/nats-core/lib/util.js
var require_util = __commonJS({
  "node_modules/@nats-io/nats-core/lib/util.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.SimpleMutex = exports2.Perf = void 0;
    exports2.extend = extend;
    exports2.render = render;
    exports2.timeout = timeout;
    exports2.delay = delay;
    exports2.deadline = deadline;
    exports2.deferred = deferred;
    exports2.debugDeferred = debugDeferred;
    exports2.shuffle = shuffle;
    exports2.collect = collect;
    exports2.jitter = jitter;
    exports2.backoff = backoff;
    exports2.nanos = nanos;
    exports2.millis = millis;
    exports2.randomToken = randomToken;
    var encoders_1 = require_encoders(), errors_1 = require_errors();
    function extend(a, ...b) {
      for (let i = 0; i < b.length; i++) {
        let o = b[i];
        Object.keys(o).forEach(function(k) {
          a[k] = o[k];
        });
      }
      return a;
    }
    function render(frame) {
      return encoders_1.TD.decode(frame).replace(/\n/g, "\u240A").replace(/\r/g, "\u240D");
    }
    function timeout(ms, asyncTraces = !0) {
      let err = asyncTraces ? new errors_1.TimeoutError() : null, methods, timer, p = new Promise((_resolve, reject) => {
        methods = { cancel: () => {
          timer && clearTimeout(timer);
        } }, timer = setTimeout(() => {
          reject(err === null ? new errors_1.TimeoutError() : err);
        }, ms);
      });
      return Object.assign(p, methods);
    }
    function delay(ms = 0) {
      let methods, p = new Promise((resolve) => {
        let timer = setTimeout(() => {
          resolve();
        }, ms);
        methods = { cancel: () => {
          timer && (clearTimeout(timer), resolve());
        } };
      });
      return Object.assign(p, methods);
    }
    async function deadline(p, millis2 = 1e3) {
      let d = deferred(), timer = setTimeout(() => {
        d.reject(new errors_1.TimeoutError());
      }, millis2);
      try {
        return await Promise.race([p, d]);
      } finally {
        clearTimeout(timer);
      }
    }
    function deferred() {
      let methods = {}, p = new Promise((resolve, reject) => {
        methods = { resolve, reject };
      });
      return Object.assign(p, methods);
    }
    function debugDeferred() {
      let methods = {}, p = new Promise((resolve, reject) => {
        methods = {
          resolve: (v) => {
            console.trace("resolve", v), resolve(v);
          },
          reject: (err) => {
            console.trace("reject"), reject(err);
          }
        };
      });
      return Object.assign(p, methods);
    }
    function shuffle(a) {
      for (let i = a.length - 1; i > 0; i--) {
        let j = Math.floor(Math.random() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    }
    async function collect(iter) {
      let buf = [];
      for await (let v of iter)
        buf.push(v);
      return buf;
    }
    var Perf = class {
      timers;
      measures;
      constructor() {
        this.timers = /* @__PURE__ */ new Map(), this.measures = /* @__PURE__ */ new Map();
      }
      mark(key) {
        this.timers.set(key, performance.now());
      }
      measure(key, startKey, endKey) {
        let s = this.timers.get(startKey);
        if (s === void 0)
          throw new Error(`${startKey} is not defined`);
        let e = this.timers.get(endKey);
        if (e === void 0)
          throw new Error(`${endKey} is not defined`);
        this.measures.set(key, e - s);
      }
      getEntries() {
        let values = [];
        return this.measures.forEach((v, k) => {
          values.push({ name: k, duration: v });
        }), values;
      }
    };
    exports2.Perf = Perf;
    var SimpleMutex = class {
      max;
      current;
      waiting;
      /**
       * @param max number of concurrent operations
       */
      constructor(max = 1) {
        this.max = max, this.current = 0, this.waiting = [];
      }
      /**
       * Returns a promise that resolves when the mutex is acquired
       */
      lock() {
        if (this.current++, this.current <= this.max)
          return Promise.resolve();
        let d = deferred();
        return this.waiting.push(d), d;
      }
      /**
       * Release an acquired mutex - must be called
       */
      unlock() {
        this.current--, this.waiting.pop()?.resolve();
      }
    };
    exports2.SimpleMutex = SimpleMutex;
    function jitter(n) {
      return n === 0 ? 0 : Math.floor(n / 2 + Math.random() * n);
    }
    function backoff(policy = [0, 250, 250, 500, 500, 3e3, 5e3]) {
      Array.isArray(policy) || (policy = [0, 250, 250, 500, 500, 3e3, 5e3]);
      let max = policy.length - 1;
      return {
        backoff(attempt) {
          return jitter(attempt > max ? policy[max] : policy[attempt]);
        }
      };
    }
    function nanos(millis2) {
      return millis2 * 1e6;
    }
    function millis(ns) {
      return Math.floor(ns / 1e6);
    }
    var tokenDigits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", tokenDigitCodes = new Uint8Array(62);
    for (let i = 0; i < 62; i++)
      tokenDigitCodes[i] = tokenDigits.charCodeAt(i);
    var tokenSpace = 218340105584896;
    function randomToken() {
      let n = Math.floor(Math.random() * tokenSpace), d = n % 62, c0 = tokenDigitCodes[d];
      n = (n - d) / 62, d = n % 62;
      let c1 = tokenDigitCodes[d];
      n = (n - d) / 62, d = n % 62;
      let c2 = tokenDigitCodes[d];
      n = (n - d) / 62, d = n % 62;
      let c3 = tokenDigitCodes[d];
      n = (n - d) / 62, d = n % 62;
      let c4 = tokenDigitCodes[d];
      n = (n - d) / 62, d = n % 62;
      let c5 = tokenDigitCodes[d];
      n = (n - d) / 62, d = n % 62;
      let c6 = tokenDigitCodes[d];
      n = (n - d) / 62;
      let c7 = tokenDigitCodes[n];
      return String.fromCharCode(c0, c1, c2, c3, c4, c5, c6, c7);
    }
  }
});

// node_modules/@nats-io/nuid/lib/nuid.js
var require_nuid = __commonJS({
  "node_modules/@nats-io/nuid/lib/nuid.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.nuid = exports2.NuidImpl = void 0;
    var digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", base = 62, preLen = 12, seqLen = 10, minInc = 33, maxInc = 333, totalLen = preLen + seqLen, DIGIT_CODES = new Uint8Array(base);
    for (let i = 0; i < base; i++)
      DIGIT_CODES[i] = digits.charCodeAt(i);
    var TWO32 = 4294967296, MAX_SEQ = BigInt(base) ** BigInt(seqLen), MAX_HI = Number(MAX_SEQ / (1n << 32n)), MAX_LO = Number(MAX_SEQ % (1n << 32n));
    function _getRandomValues(a) {
      for (let i = 0; i < a.length; i++)
        a[i] = Math.floor(Math.random() * 256);
    }
    function fillRandom(a) {
      globalThis?.crypto?.getRandomValues ? globalThis.crypto.getRandomValues(a) : _getRandomValues(a);
    }
    var NuidImpl = class {
      buf;
      cbuf;
      seqHi;
      seqLo;
      inc;
      inited;
      constructor() {
        this.buf = new Uint8Array(totalLen), this.cbuf = new Uint8Array(preLen), this.inited = !1;
      }
      /**
       * Initializes a nuid with a crypto random prefix,
       * and pseudo-random sequence and increment. This function
       * is only called if any api on a nuid is called.
       *
       * @ignore
       */
      init() {
        this.inited = !0, this.setPre(), this.initSeqAndInc(), this.fillSeq();
      }
      /**
       * Initializes the pseudo random sequence number and the increment range.
       * @ignore
       */
      initSeqAndInc() {
        let tries = 0;
        do
          this.seqHi = Math.floor(Math.random() * (MAX_HI + 1)), this.seqLo = Math.floor(Math.random() * TWO32);
        while (tries++ < 8 && this.seqHi === MAX_HI && this.seqLo >= MAX_LO);
        this.seqHi === MAX_HI && this.seqLo >= MAX_LO && (this.seqLo = 0), this.inc = Math.random() * (maxInc - minInc) + minInc | 0;
      }
      /**
       * Sets the prefix from crypto random bytes. Converts them to base62.
       *
       * @ignore
       */
      setPre() {
        fillRandom(this.cbuf);
        for (let i = 0; i < preLen; i++)
          this.buf[i] = DIGIT_CODES[this.cbuf[i] % base];
      }
      /**
       * Fills the sequence portion of the buffer as base62 from
       * the split-int seq (seqHi, seqLo). Performs long division
       * by 62 over the 64-bit value using doubles only — no bigint.
       *
       * @ignore
       */
      fillSeq() {
        let hi = this.seqHi, lo = this.seqLo;
        for (let i = totalLen - 1; i >= preLen; i--) {
          let hiQ = Math.floor(hi / base), combined = (hi - hiQ * base) * TWO32 + lo, loQ = Math.floor(combined / base), rem = combined - loQ * base;
          this.buf[i] = DIGIT_CODES[rem], hi = hiQ, lo = loQ;
        }
      }
      /**
       * Returns the next nuid.
       */
      next() {
        this.inited || this.init(), this.seqLo += this.inc, this.seqLo >= TWO32 && (this.seqLo -= TWO32, this.seqHi += 1), (this.seqHi > MAX_HI || this.seqHi === MAX_HI && this.seqLo >= MAX_LO) && (this.setPre(), this.initSeqAndInc()), this.fillSeq();
        let b = this.buf;
        return String.fromCharCode(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15], b[16], b[17], b[18], b[19], b[20], b[21]);
      }
      /**
       * Resets the prefix and counter for the nuid. This is typically
       * called automatically from within next() if the current sequence
       * exceeds the resolution of the nuid.
       */
      reset() {
        this.init();
      }
    };
    exports2.NuidImpl = NuidImpl;
    exports2.nuid = new NuidImpl();
  }
});

// node_modules/@nats-io/nuid/lib/mod.js
var require_mod = __commonJS({
  "node_modules/@nats-io/nuid/lib/mod.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.nuid = exports2.Nuid = void 0;
    var nuid_ts_1 = require_nuid();
    exports2.Nuid = nuid_ts_1.NuidImpl;
    exports2.nuid = nuid_ts_1.nuid;
  }
});

// node_modules/@nats-io/nats-core/lib/nuid.js
var require_nuid2 = __commonJS({
  "node_modules/@nats-io/nats-core/lib/nuid.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.nuid = exports2.Nuid = void 0;
    var nuid_1 = require_mod();
    Object.defineProperty(exports2, "Nuid", { enumerable: !0, get: function() {
      return nuid_1.Nuid;
    } });
    Object.defineProperty(exports2, "nuid", { enumerable: !0, get: function() {
      return nuid_1.nuid;
    } });
  }
});

// node_modules/@nats-io/nats-core/lib/core.js
var require_core = __commonJS({
  "node_modules/@nats-io/nats-core/lib/core.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.DEFAULT_HOST = exports2.DEFAULT_PORT = exports2.Match = void 0;
    exports2.syncIterator = syncIterator;
    exports2.createInbox = createInbox;
    var nuid_1 = require_nuid2(), errors_1 = require_errors();
    exports2.Match = {
      // Exact option is case-sensitive
      Exact: "exact",
      // Case-sensitive, but key is transformed to Canonical MIME representation
      CanonicalMIME: "canonical",
      // Case-insensitive matches
      IgnoreCase: "insensitive"
    };
    function syncIterator(src) {
      let iter = src[Symbol.asyncIterator]();
      return {
        async next() {
          let m = await iter.next();
          return m.done ? Promise.resolve(null) : Promise.resolve(m.value);
        }
      };
    }
    function createInbox(prefix = "") {
      if (prefix = prefix || "_INBOX", typeof prefix != "string")
        throw new TypeError("prefix must be a string");
      return prefix.split(".").forEach((v) => {
        if (v === "*" || v === ">")
          throw errors_1.InvalidArgumentError.format("prefix", `cannot have wildcards ('${prefix}')`);
      }), `${prefix}.${nuid_1.nuid.next()}`;
    }
    exports2.DEFAULT_PORT = 4222;
    exports2.DEFAULT_HOST = "127.0.0.1";
  }
});

// node_modules/@nats-io/nats-core/lib/databuffer.js
var require_databuffer = __commonJS({
  "node_modules/@nats-io/nats-core/lib/databuffer.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.DataBuffer = void 0;
    var encoders_1 = require_encoders(), DataBuffer = class {
      buffers;
      byteLength;
      constructor() {
        this.buffers = [], this.byteLength = 0;
      }
      static concat(...bufs) {
        let max = 0;
        for (let i = 0; i < bufs.length; i++)
          max += bufs[i].length;
        let out = new Uint8Array(max), index = 0;
        for (let i = 0; i < bufs.length; i++)
          out.set(bufs[i], index), index += bufs[i].length;
        return out;
      }
      static fromAscii(m) {
        return m || (m = ""), encoders_1.TE.encode(m);
      }
      static toAscii(a) {
        return encoders_1.TD.decode(a);
      }
      reset() {
        this.buffers.length = 0, this.byteLength = 0;
      }
      pack() {
        if (this.buffers.length > 1) {
          let v = new Uint8Array(this.byteLength), index = 0;
          for (let i = 0; i < this.buffers.length; i++)
            v.set(this.buffers[i], index), index += this.buffers[i].length;
          this.buffers.length = 0, this.buffers.push(v);
        }
      }
      shift() {
        if (this.buffers.length) {
          let a = this.buffers.shift();
          if (a)
            return this.byteLength -= a.length, a;
        }
        return new Uint8Array(0);
      }
      drain(n) {
        if (this.buffers.length) {
          this.pack();
          let v = this.buffers.pop();
          if (v) {
            let max = this.byteLength;
            (n === void 0 || n > max) && (n = max);
            let d = v.subarray(0, n);
            return max > n && this.buffers.push(v.subarray(n)), this.byteLength = max - n, d;
          }
        }
        return new Uint8Array(0);
      }
      fill(a, ...bufs) {
        a && (this.buffers.push(a), this.byteLength += a.length);
        for (let i = 0; i < bufs.length; i++)
          bufs[i] && bufs[i].length && (this.buffers.push(bufs[i]), this.byteLength += bufs[i].length);
      }
      peek() {
        return this.buffers.length ? (this.pack(), this.buffers[0]) : new Uint8Array(0);
      }
      size() {
        return this.byteLength;
      }
      length() {
        return this.buffers.length;
      }
    };
    exports2.DataBuffer = DataBuffer;
  }
});

// node_modules/@nats-io/nats-core/lib/transport.js
var require_transport = __commonJS({
  "node_modules/@nats-io/nats-core/lib/transport.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.LF = exports2.CR = exports2.CRLF = exports2.CR_LF_LEN = exports2.CR_LF = void 0;
    exports2.setTransportFactory = setTransportFactory;
    exports2.defaultPort = defaultPort;
    exports2.getUrlParseFn = getUrlParseFn;
    exports2.newTransport = newTransport;
    exports2.getResolveFn = getResolveFn;
    exports2.protoLen = protoLen;
    exports2.extractProtocolMessage = extractProtocolMessage;
    var encoders_1 = require_encoders(), core_1 = require_core(), databuffer_1 = require_databuffer(), transportConfig;
    function setTransportFactory(config) {
      transportConfig = config;
    }
    function defaultPort() {
      return transportConfig !== void 0 && transportConfig.defaultPort !== void 0 ? transportConfig.defaultPort : core_1.DEFAULT_PORT;
    }
    function getUrlParseFn() {
      return transportConfig !== void 0 && transportConfig.urlParseFn ? transportConfig.urlParseFn : void 0;
    }
    function newTransport() {
      if (!transportConfig || typeof transportConfig.factory != "function")
        throw new Error("transport fn is not set");
      return transportConfig.factory();
    }
    function getResolveFn() {
      return transportConfig !== void 0 && transportConfig.dnsResolveFn ? transportConfig.dnsResolveFn : void 0;
    }
    exports2.CR_LF = `\r
`;
    exports2.CR_LF_LEN = exports2.CR_LF.length;
    exports2.CRLF = databuffer_1.DataBuffer.fromAscii(exports2.CR_LF);
    exports2.CR = new Uint8Array(exports2.CRLF)[0];
    exports2.LF = new Uint8Array(exports2.CRLF)[1];
    function protoLen(ba) {
      for (let i = 0; i < ba.length; i++) {
        let n = i + 1;
        if (ba.byteLength > n && ba[i] === exports2.CR && ba[n] === exports2.LF)
          return n + 1;
      }
      return 0;
    }
    function extractProtocolMessage(a) {
      let len = protoLen(a);
      if (len > 0) {
        let out = new Uint8Array(a).slice(0, len);
        return encoders_1.TD.decode(out);
      }
      return "";
    }
  }
});

// node_modules/@nats-io/nats-core/lib/ipparser.js
var require_ipparser = __commonJS({
  "node_modules/@nats-io/nats-core/lib/ipparser.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.ipV4 = ipV4;
    exports2.isIP = isIP;
    exports2.parseIP = parseIP;
    var IPv4LEN = 4, IPv6LEN = 16, ASCII0 = 48, ASCII9 = 57, ASCIIA = 65, ASCIIF = 70, ASCIIa = 97, ASCIIf = 102, big = 16777215;
    function ipV4(a, b, c, d) {
      let ip = new Uint8Array(IPv6LEN);
      return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255].forEach((v, idx) => {
        ip[idx] = v;
      }), ip[12] = a, ip[13] = b, ip[14] = c, ip[15] = d, ip;
    }
    function isIP(h) {
      return parseIP(h) !== void 0;
    }
    function parseIP(h) {
      for (let i = 0; i < h.length; i++)
        switch (h[i]) {
          case ".":
            return parseIPv4(h);
          case ":":
            return parseIPv6(h);
        }
    }
    function parseIPv4(s) {
      let ip = new Uint8Array(IPv4LEN);
      for (let i = 0; i < IPv4LEN; i++) {
        if (s.length === 0)
          return;
        if (i > 0) {
          if (s[0] !== ".")
            return;
          s = s.substring(1);
        }
        let { n, c, ok } = dtoi(s);
        if (!ok || n > 255)
          return;
        s = s.substring(c), ip[i] = n;
      }
      return ipV4(ip[0], ip[1], ip[2], ip[3]);
    }
    function parseIPv6(s) {
      let ip = new Uint8Array(IPv6LEN), ellipsis = -1;
      if (s.length >= 2 && s[0] === ":" && s[1] === ":" && (ellipsis = 0, s = s.substring(2), s.length === 0))
        return ip;
      let i = 0;
      for (; i < IPv6LEN; ) {
        let { n, c, ok } = xtoi(s);
        if (!ok || n > 65535)
          return;
        if (c < s.length && s[c] === ".") {
          if (ellipsis < 0 && i != IPv6LEN - IPv4LEN || i + IPv4LEN > IPv6LEN)
            return;
          let ip4 = parseIPv4(s);
          if (ip4 === void 0)
            return;
          ip[i] = ip4[12], ip[i + 1] = ip4[13], ip[i + 2] = ip4[14], ip[i + 3] = ip4[15], s = "", i += IPv4LEN;
          break;
        }
        if (ip[i] = n >> 8, ip[i + 1] = n, i += 2, s = s.substring(c), s.length === 0)
          break;
        if (s[0] !== ":" || s.length == 1)
          return;
        if (s = s.substring(1), s[0] === ":") {
          if (ellipsis >= 0)
            return;
          if (ellipsis = i, s = s.substring(1), s.length === 0)
            break;
        }
      }
      if (s.length === 0) {
        if (i < IPv6LEN) {
          if (ellipsis < 0)
            return;
          let n = IPv6LEN - i;
          for (let j = i - 1; j >= ellipsis; j--)
            ip[j + n] = ip[j];
          for (let j = ellipsis + n - 1; j >= ellipsis; j--)
            ip[j] = 0;
        } else if (ellipsis >= 0)
          return;
        return ip;
      }
    }
    function dtoi(s) {
      let i = 0, n = 0;
      for (i = 0; i < s.length && ASCII0 <= s.charCodeAt(i) && s.charCodeAt(i) <= ASCII9; i++)
        if (n = n * 10 + (s.charCodeAt(i) - ASCII0), n >= big)
          return { n: big, c: i, ok: !1 };
      return i === 0 ? { n: 0, c: 0, ok: !1 } : { n, c: i, ok: !0 };
    }
    function xtoi(s) {
      let n = 0, i = 0;
      for (i = 0; i < s.length; i++) {
        if (ASCII0 <= s.charCodeAt(i) && s.charCodeAt(i) <= ASCII9)
          n *= 16, n += s.charCodeAt(i) - ASCII0;
        else if (ASCIIa <= s.charCodeAt(i) && s.charCodeAt(i) <= ASCIIf)
          n *= 16, n += s.charCodeAt(i) - ASCIIa + 10;
        else if (ASCIIA <= s.charCodeAt(i) && s.charCodeAt(i) <= ASCIIF)
          n *= 16, n += s.charCodeAt(i) - ASCIIA + 10;
        else
          break;
        if (n >= big)
          return { n: 0, c: i, ok: !1 };
      }
      return i === 0 ? { n: 0, c: i, ok: !1 } : { n, c: i, ok: !0 };
    }
  }
});

// node_modules/@nats-io/nats-core/lib/servers.js
var require_servers = __commonJS({
  "node_modules/@nats-io/nats-core/lib/servers.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.Servers = exports2.ServerImpl = void 0;
    exports2.isIPV4OrHostname = isIPV4OrHostname;
    exports2.hostPort = hostPort;
    var transport_1 = require_transport(), util_1 = require_util(), ipparser_1 = require_ipparser(), core_1 = require_core(), errors_1 = require_errors();
    function isIPV4OrHostname(hp) {
      return hp.indexOf("[") !== -1 || hp.indexOf("::") !== -1 ? !1 : hp.indexOf(".") !== -1 || hp.split(":").length <= 2;
    }
    function isIPV6(hp) {
      return !isIPV4OrHostname(hp);
    }
    function filterIpv6MappedToIpv4(hp) {
      let prefix = "::FFFF:", idx = hp.toUpperCase().indexOf(prefix);
      if (idx !== -1 && hp.indexOf(".") !== -1) {
        let ip = hp.substring(idx + prefix.length);
        return ip = ip.replace("[", ""), ip.replace("]", "");
      }
      return hp;
    }
    function hostPort(u) {
      u = u.trim(), u.match(/^(.*:\/\/)(.*)/m) && (u = u.replace(/^(.*:\/\/)(.*)/gm, "$2")), u = filterIpv6MappedToIpv4(u), isIPV6(u) && u.indexOf("[") === -1 && (u = `[${u}]`);
      let op = isIPV6(u) ? u.match(/(]:)(\d+)/) : u.match(/(:)(\d+)/), port = op && op.length === 3 && op[1] && op[2] ? parseInt(op[2]) : core_1.DEFAULT_PORT, protocol = port === 80 ? "https" : "http", url = new URL(`${protocol}://${u}`);
      url.port = `${port}`;
      let hostname = url.hostname;
      return hostname.charAt(0) === "[" && (hostname = hostname.substring(1, hostname.length - 1)), { listen: url.host, hostname, port };
    }
    var ServerImpl = class _ServerImpl {
      src;
      listen;
      hostname;
      port;
      didConnect;
      reconnects;
      lastConnect;
      gossiped;
      tlsName;
      resolves;
      constructor(u, gossiped = !1) {
        this.src = u, this.tlsName = "";
        let v = hostPort(u);
        this.listen = v.listen, this.hostname = v.hostname, this.port = v.port, this.didConnect = !1, this.reconnects = 0, this.lastConnect = 0, this.gossiped = gossiped;
      }
      toString() {
        return this.listen;
      }
      async resolve(opts) {
        if (!opts.fn || opts.resolve === !1)
          return [this];
        let buf = [];
        if ((0, ipparser_1.isIP)(this.hostname))
          return [this];
        {
          let ips = await opts.fn(this.hostname);
          opts.debug && console.log(`resolve ${this.hostname} = ${ips.join(",")}`);
          for (let ip of ips) {
            let proto = this.port === 80 ? "https" : "http", url = new URL(`${proto}://${isIPV6(ip) ? "[" + ip + "]" : ip}`);
            url.port = `${this.port}`;
            let ss = new _ServerImpl(url.host, !1);
            ss.tlsName = this.hostname, buf.push(ss);
          }
        }
        return opts.randomize && (0, util_1.shuffle)(buf), this.resolves = buf, buf;
      }
    };
    exports2.ServerImpl = ServerImpl;
    var Servers = class _Servers {
      firstSelect;
      servers;
      currentServer;
      tlsName;
      randomize;
      constructor(opts = {}) {
        this.firstSelect = !0, this.servers = [], this.tlsName = "", this.randomize = opts.randomize || !1;
      }
      /**
       * Replace the server pool with the provided list of `host:port` entries.
       *
       * Throws `InvalidArgumentError` if `listens` is empty or not an array.
       *
       * Note: reconnect attempts continue to follow the configured reconnect
       * policy, but if every entry in the new pool is unreachable the
       * connection may be left unable to recover.
       */
      setServers(listens) {
        if (!Array.isArray(listens) || listens.length === 0)
          throw errors_1.InvalidArgumentError.format("servers", "cannot be empty");
        let urlParseFn = (0, transport_1.getUrlParseFn)(), existing = /* @__PURE__ */ new Map();
        for (let s of this.servers)
          existing.set(s.listen, s);
        let merged = [];
        for (let hp of listens) {
          hp = urlParseFn ? urlParseFn(hp) : hp;
          let { listen } = hostPort(hp), surviving = existing.get(listen);
          surviving ? (surviving.gossiped = !1, merged.push(surviving)) : merged.push(new ServerImpl(hp));
        }
        this.randomize && (0, util_1.shuffle)(merged), this.servers = merged, (this.currentServer === void 0 || !merged.includes(this.currentServer)) && (this.currentServer = merged[0], this.firstSelect = !0);
      }
      clear() {
        this.servers.length = 0;
      }
      updateTLSName() {
        let cs = this.getCurrentServer();
        (0, ipparser_1.isIP)(cs.hostname) || (this.tlsName = cs.hostname, this.servers.forEach((s) => {
          s.gossiped && (s.tlsName = this.tlsName);
        }));
      }
      getCurrentServer() {
        return this.currentServer;
      }
      addServer(u, implicit = !1) {
        let urlParseFn = (0, transport_1.getUrlParseFn)();
        u = urlParseFn ? urlParseFn(u) : u;
        let s = new ServerImpl(u, implicit);
        (0, ipparser_1.isIP)(s.hostname) && (s.tlsName = this.tlsName), this.servers.push(s);
      }
      selectServer() {
        if (this.firstSelect)
          return this.firstSelect = !1, this.currentServer;
        let t = this.servers.shift();
        return t && (this.servers.push(t), this.currentServer = t), t;
      }
      removeCurrentServer() {
        this.removeServer(this.currentServer);
      }
      removeServer(server) {
        if (server) {
          let index = this.servers.indexOf(server);
          this.servers.splice(index, 1);
        }
      }
      /**
       * Returns a frozen snapshot of the server pool in natural order.
       * Each entry is a defensive copy — callers cannot mutate pool state.
       */
      snapshot() {
        return _Servers.freezeAll(this.servers);
      }
      /**
       * Returns a frozen snapshot of the server pool with the current server
       * (= next dial candidate) at index 0. Used to present the handler with
       * the server the library would have selected.
       */
      snapshotForHandler() {
        let cur = this.currentServer;
        if (!cur)
          return this.snapshot();
        let idx = this.servers.indexOf(cur);
        return idx <= 0 ? this.snapshot() : _Servers.freezeAll([cur, ...this.servers.slice(0, idx), ...this.servers.slice(idx + 1)]);
      }
      static freezeAll(arr) {
        return arr.map((s) => Object.freeze({
          hostname: s.hostname,
          port: s.port,
          listen: s.listen,
          src: s.src,
          tlsName: s.tlsName,
          reconnects: s.reconnects,
          lastConnect: s.lastConnect,
          gossiped: s.gossiped,
          didConnect: s.didConnect
        }));
      }
      find(server) {
        return this.servers.find((s) => s.listen === server.listen);
      }
      setCurrent(server) {
        this.currentServer = server;
      }
      length() {
        return this.servers.length;
      }
      next() {
        return this.servers.length ? this.servers[0] : void 0;
      }
      getServers() {
        return this.servers;
      }
      update(info, encrypted) {
        let added = [], deleted = [], urlParseFn = (0, transport_1.getUrlParseFn)(), discovered = /* @__PURE__ */ new Map();
        info.connect_urls && info.connect_urls.length > 0 && info.connect_urls.forEach((hp) => {
          hp = urlParseFn ? urlParseFn(hp, encrypted) : hp;
          let s = new ServerImpl(hp, !0);
          discovered.set(hp, s);
        });
        let toDelete = [];
        if (this.servers.forEach((s, index) => {
          let u = s.listen;
          s.gossiped && this.currentServer.listen !== u && discovered.get(u) === void 0 && toDelete.push(index), discovered.delete(u);
        }), toDelete.reverse(), toDelete.forEach((index) => {
          let removed = this.servers.splice(index, 1);
          deleted = deleted.concat(removed[0].listen);
        }), discovered.forEach((v, k) => {
          this.servers.push(v), added.push(k);
        }), this.randomize && added.length > 0) {
          let cur = this.currentServer, others = this.servers.filter((s) => s !== cur);
          (0, util_1.shuffle)(others), this.servers = cur ? [cur, ...others] : others;
        }
        return { added, deleted };
      }
    };
    exports2.Servers = Servers;
  }
});

// node_modules/@nats-io/nats-core/lib/queued_iterator.js
var require_queued_iterator = __commonJS({
  "node_modules/@nats-io/nats-core/lib/queued_iterator.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.QueuedIteratorImpl = void 0;
    var util_1 = require_util(), errors_1 = require_errors(), QueuedIteratorImpl = class {
      inflight;
      processed;
      // this is updated by the protocol
      received;
      noIterator;
      iterClosed;
      done;
      signal;
      yields;
      filtered;
      pendingFiltered;
      ctx;
      _data;
      //data is for use by extenders in any way they like
      err;
      time;
      profile;
      yielding;
      didBreak;
      constructor() {
        this.inflight = 0, this.filtered = 0, this.pendingFiltered = 0, this.processed = 0, this.received = 0, this.noIterator = !1, this.done = !1, this.signal = (0, util_1.deferred)(), this.yields = [], this.iterClosed = (0, util_1.deferred)(), this.time = 0, this.yielding = !1, this.didBreak = !1, this.profile = !1;
      }
      [Symbol.asyncIterator]() {
        return this.iterate();
      }
      push(v) {
        if (!this.done) {
          if (this.didBreak) {
            if (typeof v == "function") {
              let cb = v;
              try {
                cb();
              } catch {
              }
            }
            return;
          }
          typeof v == "function" && this.pendingFiltered++, this.yields.push(v), this.signal.resolve();
        }
      }
      async *iterate() {
        if (this.noIterator)
          throw new errors_1.InvalidOperationError("iterator cannot be used when a callback is registered");
        if (this.yielding)
          throw new errors_1.InvalidOperationError("iterator is already yielding");
        this.yielding = !0;
        try {
          for (; ; ) {
            if (this.yields.length === 0 && await this.signal, this.err)
              throw this.err;
            let yields = this.yields;
            this.inflight = yields.length, this.yields = [];
            for (let i = 0; i < yields.length; i++) {
              if (typeof yields[i] == "function") {
                this.pendingFiltered--;
                let fn = yields[i];
                try {
                  fn();
                } catch (err) {
                  throw err;
                }
                if (this.err)
                  throw this.err;
                continue;
              }
              this.processed++, this.inflight--;
              let start = this.profile ? Date.now() : 0;
              yield yields[i], this.time = this.profile ? Date.now() - start : 0;
            }
            if (this.done)
              break;
            this.yields.length === 0 && (yields.length = 0, this.yields = yields, this.signal = (0, util_1.deferred)());
          }
        } finally {
          this.didBreak = !0, this.stop();
        }
      }
      stop(err) {
        this.done || (this.err = err, this.done = !0, this.signal.resolve(), this.iterClosed.resolve(err));
      }
      getProcessed() {
        return this.noIterator ? this.received : this.processed;
      }
      getPending() {
        return this.yields.length + this.inflight - this.pendingFiltered;
      }
      getReceived() {
        return this.received - this.filtered;
      }
    };
    exports2.QueuedIteratorImpl = QueuedIteratorImpl;
  }
});

// node_modules/@nats-io/nats-core/lib/muxsubscription.js
var require_muxsubscription = __commonJS({
  "node_modules/@nats-io/nats-core/lib/muxsubscription.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.MuxSubscription = void 0;
    var core_1 = require_core(), errors_1 = require_errors(), MuxSubscription = class {
      baseInbox;
      reqs;
      constructor() {
        this.reqs = /* @__PURE__ */ new Map();
      }
      size() {
        return this.reqs.size;
      }
      init(prefix) {
        return this.baseInbox = `${(0, core_1.createInbox)(prefix)}.`, this.baseInbox;
      }
      add(r) {
        isNaN(r.received) || (r.received = 0), this.reqs.set(r.token, r);
      }
      get(token2) {
        return this.reqs.get(token2);
      }
      cancel(r) {
        this.reqs.delete(r.token);
      }
      getToken(m) {
        let s = m.subject || "";
        return s.indexOf(this.baseInbox) === 0 ? s.substring(this.baseInbox.length) : null;
      }
      all() {
        return Array.from(this.reqs.values());
      }
      handleError(isMuxPermissionError, err) {
        if (isMuxPermissionError)
          return this.all().forEach((r) => {
            r.resolver(err, {});
          }), !0;
        if (err.operation === "publish") {
          let req = this.all().find((s) => s.requestSubject === err.subject);
          if (req)
            return req.resolver(err, {}), !0;
        }
        return !1;
      }
      dispatcher() {
        return (err, m) => {
          let token2 = this.getToken(m);
          if (token2) {
            let r = this.get(token2);
            r && (err === null && (err = m?.data?.length === 0 && m.headers?.code === 503 ? new errors_1.NoRespondersError(r.requestSubject) : null), r.resolver(err, m));
          }
        };
      }
      close() {
        let err = new errors_1.RequestError("connection closed");
        this.reqs.forEach((req) => {
          req.resolver(err, {});
        });
      }
    };
    exports2.MuxSubscription = MuxSubscription;
  }
});

// node_modules/@nats-io/nats-core/lib/heartbeats.js
var require_heartbeats = __commonJS({
  "node_modules/@nats-io/nats-core/lib/heartbeats.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.Heartbeat = void 0;
    var util_1 = require_util(), Heartbeat = class {
      ph;
      interval;
      maxOut;
      timer;
      pendings;
      constructor(ph, interval, maxOut) {
        this.ph = ph, this.interval = interval, this.maxOut = maxOut, this.pendings = [];
      }
      // api to start the heartbeats, since this can be
      // spuriously called from dial, ensure we don't
      // leak timers
      start() {
        this.cancel(), this._schedule();
      }
      // api for canceling the heartbeats, if stale is
      // true it will initiate a client disconnect
      cancel(stale) {
        this.timer && (clearTimeout(this.timer), this.timer = void 0), this._reset(), stale && this.ph.disconnect();
      }
      _schedule() {
        this.timer = setTimeout(() => {
          if (this.ph.dispatchStatus({ type: "ping", pendingPings: this.pendings.length + 1 }), this.pendings.length === this.maxOut) {
            this.cancel(!0);
            return;
          }
          let ping = (0, util_1.deferred)();
          this.ph.flush(ping).then(() => {
            this._reset();
          }).catch(() => {
            this.cancel();
          }), this.pendings.push(ping), this._schedule();
        }, this.interval);
      }
      _reset() {
        this.pendings = this.pendings.filter((p) => (p.resolve(), !1));
      }
    };
    exports2.Heartbeat = Heartbeat;
  }
});

// node_modules/@nats-io/nats-core/lib/denobuffer.js
var require_denobuffer = __commonJS({
  "node_modules/@nats-io/nats-core/lib/denobuffer.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.DenoBuffer = exports2.MAX_SIZE = exports2.AssertionError = void 0;
    exports2.assert = assert;
    exports2.concat = concat;
    exports2.append = append;
    exports2.readAll = readAll;
    exports2.writeAll = writeAll;
    var encoders_1 = require_encoders(), AssertionError = class extends Error {
      constructor(msg) {
        super(msg), this.name = "AssertionError";
      }
    };
    exports2.AssertionError = AssertionError;
    function assert(cond, msg = "Assertion failed.") {
      if (!cond)
        throw new AssertionError(msg);
    }
    var MIN_READ = 32 * 1024;
    exports2.MAX_SIZE = 2 ** 32 - 2;
    function copy(src, dst, off = 0) {
      let r = dst.byteLength - off;
      return src.byteLength > r && (src = src.subarray(0, r)), dst.set(src, off), src.byteLength;
    }
    function concat(origin, b) {
      if (origin === void 0 && b === void 0)
        return new Uint8Array(0);
      if (origin === void 0)
        return b;
      if (b === void 0)
        return origin;
      let output = new Uint8Array(origin.length + b.length);
      return output.set(origin, 0), output.set(b, origin.length), output;
    }
    function append(origin, b) {
      return concat(origin, Uint8Array.of(b));
    }
    var DenoBuffer = class {
      _buf;
      // contents are the bytes _buf[off : len(_buf)]
      _off;
      // read at _buf[off], write at _buf[_buf.byteLength]
      constructor(ab) {
        if (this._off = 0, ab == null) {
          this._buf = new Uint8Array(0);
          return;
        }
        this._buf = new Uint8Array(ab);
      }
      bytes(options = { copy: !0 }) {
        return options.copy === !1 ? this._buf.subarray(this._off) : this._buf.slice(this._off);
      }
      empty() {
        return this._buf.byteLength <= this._off;
      }
      get length() {
        return this._buf.byteLength - this._off;
      }
      get capacity() {
        return this._buf.buffer.byteLength;
      }
      truncate(n) {
        if (n === 0) {
          this.reset();
          return;
        }
        if (n < 0 || n > this.length)
          throw Error("bytes.Buffer: truncation out of range");
        this._reslice(this._off + n);
      }
      reset() {
        this._reslice(0), this._off = 0;
      }
      _tryGrowByReslice(n) {
        let l = this._buf.byteLength;
        return n <= this.capacity - l ? (this._reslice(l + n), l) : -1;
      }
      _reslice(len) {
        assert(len <= this._buf.buffer.byteLength), this._buf = new Uint8Array(this._buf.buffer, 0, len);
      }
      readByte() {
        let a = new Uint8Array(1);
        return this.read(a) ? a[0] : null;
      }
      read(p) {
        if (this.empty())
          return this.reset(), p.byteLength === 0 ? 0 : null;
        let nread = copy(this._buf.subarray(this._off), p);
        return this._off += nread, nread;
      }
      writeByte(n) {
        return this.write(Uint8Array.of(n));
      }
      writeString(s) {
        return this.write(encoders_1.TE.encode(s));
      }
      write(p) {
        let m = this._grow(p.byteLength);
        return copy(p, this._buf, m);
      }
      _grow(n) {
        let m = this.length;
        m === 0 && this._off !== 0 && this.reset();
        let i = this._tryGrowByReslice(n);
        if (i >= 0)
          return i;
        let c = this.capacity;
        if (n <= Math.floor(c / 2) - m)
          copy(this._buf.subarray(this._off), this._buf);
        else {
          if (c + n > exports2.MAX_SIZE)
            throw new Error("The buffer cannot be grown beyond the maximum size.");
          {
            let buf = new Uint8Array(Math.min(2 * c + n, exports2.MAX_SIZE));
            copy(this._buf.subarray(this._off), buf), this._buf = buf;
          }
        }
        return this._off = 0, this._reslice(Math.min(m + n, exports2.MAX_SIZE)), m;
      }
      grow(n) {
        if (n < 0)
          throw Error("Buffer._grow: negative count");
        let m = this._grow(n);
        this._reslice(m);
      }
      readFrom(r) {
        let n = 0, tmp = new Uint8Array(MIN_READ);
        for (; ; ) {
          let shouldGrow = this.capacity - this.length < MIN_READ, buf = shouldGrow ? tmp : new Uint8Array(this._buf.buffer, this.length), nread = r.read(buf);
          if (nread === null)
            return n;
          shouldGrow ? this.write(buf.subarray(0, nread)) : this._reslice(this.length + nread), n += nread;
        }
      }
    };
    exports2.DenoBuffer = DenoBuffer;
    function readAll(r) {
      let buf = new DenoBuffer();
      return buf.readFrom(r), buf.bytes();
    }
    function writeAll(w, arr) {
      let nwritten = 0;
      for (; nwritten < arr.length; )
        nwritten += w.write(arr.subarray(nwritten));
    }
  }
});

// node_modules/@nats-io/nats-core/lib/parser.js
var require_parser = __commonJS({
  "node_modules/@nats-io/nats-core/lib/parser.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.cc = exports2.State = exports2.Parser = exports2.Kind = void 0;
    exports2.describe = describe;
    var denobuffer_1 = require_denobuffer(), encoders_1 = require_encoders();
    exports2.Kind = {
      OK: 0,
      ERR: 1,
      MSG: 2,
      INFO: 3,
      PING: 4,
      PONG: 5
    };
    function describe(e) {
      let ks, data = "";
      switch (e.kind) {
        case exports2.Kind.MSG:
          ks = "MSG";
          break;
        case exports2.Kind.OK:
          ks = "OK";
          break;
        case exports2.Kind.ERR:
          ks = "ERR", data = encoders_1.TD.decode(e.data);
          break;
        case exports2.Kind.PING:
          ks = "PING";
          break;
        case exports2.Kind.PONG:
          ks = "PONG";
          break;
        case exports2.Kind.INFO:
          ks = "INFO", data = encoders_1.TD.decode(e.data);
      }
      return `${ks}: ${data}`;
    }
    function newMsgArg() {
      let ma = {};
      return ma.sid = -1, ma.hdr = -1, ma.size = -1, ma;
    }
    var ASCII_0 = 48, ASCII_9 = 57, MAX_64MB = 64 * 1024 * 1024, Parser = class {
      dispatcher;
      state;
      as;
      drop;
      hdr;
      ma;
      argBuf;
      msgBuf;
      constructor(dispatcher) {
        this.dispatcher = dispatcher, this.state = exports2.State.OP_START, this.as = 0, this.drop = 0, this.hdr = 0;
      }
      parse(buf) {
        let i;
        for (i = 0; i < buf.length; i++) {
          let b = buf[i];
          switch (this.state) {
            case exports2.State.OP_START:
              switch (b) {
                case exports2.cc.M:
                case exports2.cc.m:
                  this.state = exports2.State.OP_M, this.hdr = -1, this.ma = newMsgArg();
                  break;
                case exports2.cc.H:
                case exports2.cc.h:
                  this.state = exports2.State.OP_H, this.hdr = 0, this.ma = newMsgArg();
                  break;
                case exports2.cc.P:
                case exports2.cc.p:
                  this.state = exports2.State.OP_P;
                  break;
                case exports2.cc.PLUS:
                  this.state = exports2.State.OP_PLUS;
                  break;
                case exports2.cc.MINUS:
                  this.state = exports2.State.OP_MINUS;
                  break;
                case exports2.cc.I:
                case exports2.cc.i:
                  this.state = exports2.State.OP_I;
                  break;
                default:
                  throw this.fail(buf.subarray(i));
              }
              break;
            case exports2.State.OP_H:
              switch (b) {
                case exports2.cc.M:
                case exports2.cc.m:
                  this.state = exports2.State.OP_M;
                  break;
                default:
                  throw this.fail(buf.subarray(i));
              }
              break;
            case exports2.State.OP_M:
              switch (b) {
                case exports2.cc.S:
                case exports2.cc.s:
                  this.state = exports2.State.OP_MS;
                  break;
                default:
                  throw this.fail(buf.subarray(i));
              }
              break;
            case exports2.State.OP_MS:
              switch (b) {
                case exports2.cc.G:
                case exports2.cc.g:
                  this.state = exports2.State.OP_MSG;
                  break;
                default:
                  throw this.fail(buf.subarray(i));
              }
              break;
            case exports2.State.OP_MSG:
              switch (b) {
                case exports2.cc.SPACE:
                case exports2.cc.TAB:
                  this.state = exports2.State.OP_MSG_SPC;
                  break;
                default:
                  throw this.fail(buf.subarray(i));
              }
              break;
            case exports2.State.OP_MSG_SPC:
              switch (b) {
                case exports2.cc.SPACE:
                case exports2.cc.TAB:
                  continue;
                default:
                  this.state = exports2.State.MSG_ARG, this.as = i;
              }
              break;
            case exports2.State.MSG_ARG:
              switch (b) {
                case exports2.cc.CR:
                  this.drop = 1;
                  break;
                case exports2.cc.NL: {
                  let arg = this.argBuf ? this.argBuf.bytes() : buf.subarray(this.as, i - this.drop);
                  this.processMsgArgs(arg), this.drop = 0, this.as = i + 1, this.state = exports2.State.MSG_PAYLOAD, i = this.as + this.ma.size - 1;
                  break;
                }
                default:
                  this.argBuf && this.argBuf.writeByte(b);
              }
              break;
            case exports2.State.MSG_PAYLOAD:
              if (this.msgBuf)
                if (this.msgBuf.length >= this.ma.size) {
                  let data = this.msgBuf.bytes({ copy: !1 });
                  this.dispatcher.push({ kind: exports2.Kind.MSG, msg: this.ma, data }), this.argBuf = void 0, this.msgBuf = void 0, this.state = exports2.State.MSG_END;
                } else {
                  let toCopy = this.ma.size - this.msgBuf.length, avail = buf.length - i;
                  avail < toCopy && (toCopy = avail), toCopy > 0 ? (this.msgBuf.write(buf.subarray(i, i + toCopy)), i = i + toCopy - 1) : this.msgBuf.writeByte(b);
                }
              else i - this.as >= this.ma.size && (this.dispatcher.push({ kind: exports2.Kind.MSG, msg: this.ma, data: buf.subarray(this.as, i) }), this.argBuf = void 0, this.msgBuf = void 0, this.state = exports2.State.MSG_END);
              break;
            case exports2.State.MSG_END:
              if (b === exports2.cc.NL)
                this.drop = 0, this.as = i + 1, this.state = exports2.State.OP_START;
              else
                continue;
              break;
            case exports2.State.OP_PLUS:
              switch (b) {
                case exports2.cc.O:
                case exports2.cc.o:
                  this.state = exports2.State.OP_PLUS_O;
                  break;
                default:
                  throw this.fail(buf.subarray(i));
              }
              break;
            case exports2.State.OP_PLUS_O:
              switch (b) {
                case exports2.cc.K:
                case exports2.cc.k:
                  this.state = exports2.State.OP_PLUS_OK;
                  break;
                default:
                  throw this.fail(buf.subarray(i));
              }
              break;
            case exports2.State.OP_PLUS_OK:
              b === exports2.cc.NL && (this.dispatcher.push({ kind: exports2.Kind.OK }), this.drop = 0, this.state = exports2.State.OP_START);
              break;
            case exports2.State.OP_MINUS:
              switch (b) {
                case exports2.cc.E:
                case exports2.cc.e:
                  this.state = exports2.State.OP_MINUS_E;
                  break;
                default:
                  throw this.fail(buf.subarray(i));
              }
              break;
            case exports2.State.OP_MINUS_E:
              switch (b) {
                case exports2.cc.R:
                case exports2.cc.r:
                  this.state = exports2.State.OP_MINUS_ER;
                  break;
                default:
                  throw this.fail(buf.subarray(i));
              }
              break;
            case exports2.State.OP_MINUS_ER:
              switch (b) {
                case exports2.cc.R:
                case exports2.cc.r:
                  this.state = exports2.State.OP_MINUS_ERR;
                  break;
                default:
                  throw this.fail(buf.subarray(i));
              }
              break;
            case exports2.State.OP_MINUS_ERR:
              switch (b) {
                case exports2.cc.SPACE:
                case exports2.cc.TAB:
                  this.state = exports2.State.OP_MINUS_ERR_SPC;
                  break;
                default:
                  throw this.fail(buf.subarray(i));
              }
              break;
            case exports2.State.OP_MINUS_ERR_SPC:
              switch (b) {
                case exports2.cc.SPACE:
                case exports2.cc.TAB:
                  continue;
                default:
                  this.state = exports2.State.MINUS_ERR_ARG, this.as = i;
              }
              break;
            case exports2.State.MINUS_ERR_ARG:
              switch (b) {
                case exports2.cc.CR:
                  this.drop = 1;
                  break;
                case exports2.cc.NL: {
                  let arg;
                  this.argBuf ? (arg = this.argBuf.bytes(), this.argBuf = void 0) : arg = buf.subarray(this.as, i - this.drop), this.dispatcher.push({ kind: exports2.Kind.ERR, data: arg }), this.drop = 0, this.as = i + 1, this.state = exports2.State.OP_START;
                  break;
                }
                default:
                  this.argBuf && this.argBuf.write(Uint8Array.of(b));
              }
              break;
            case exports2.State.OP_P:
              switch (b) {
                case exports2.cc.I:
                case exports2.cc.i:
                  this.state = exports2.State.OP_PI;
                  break;
                case exports2.cc.O:
                case exports2.cc.o:
                  this.state = exports2.State.OP_PO;
                  break;
                default:
                  throw this.fail(buf.subarray(i));
              }
              break;
            case exports2.State.OP_PO:
              switch (b) {
                case exports2.cc.N:
                case exports2.cc.n:
                  this.state = exports2.State.OP_PON;
                  break;
                default:
                  throw this.fail(buf.subarray(i));
              }
              break;
            case exports2.State.OP_PON:
              switch (b) {
                case exports2.cc.G:
                case exports2.cc.g:
                  this.state = exports2.State.OP_PONG;
                  break;
                default:
                  throw this.fail(buf.subarray(i));
              }
              break;
            case exports2.State.OP_PONG:
              b === exports2.cc.NL && (this.dispatcher.push({ kind: exports2.Kind.PONG }), this.drop = 0, this.state = exports2.State.OP_START);
              break;
            case exports2.State.OP_PI:
              switch (b) {
                case exports2.cc.N:
                case exports2.cc.n:
                  this.state = exports2.State.OP_PIN;
                  break;
                default:
                  throw this.fail(buf.subarray(i));
              }
              break;
            case exports2.State.OP_PIN:
              switch (b) {
                case exports2.cc.G:
                case exports2.cc.g:
                  this.state = exports2.State.OP_PING;
                  break;
                default:
                  throw this.fail(buf.subarray(i));
              }
              break;
            case exports2.State.OP_PING:
              b === exports2.cc.NL && (this.dispatcher.push({ kind: exports2.Kind.PING }), this.drop = 0, this.state = exports2.State.OP_START);
              break;
            case exports2.State.OP_I:
              switch (b) {
                case exports2.cc.N:
                case exports2.cc.n:
                  this.state = exports2.State.OP_IN;
                  break;
                default:
                  throw this.fail(buf.subarray(i));
              }
              break;
            case exports2.State.OP_IN:
              switch (b) {
                case exports2.cc.F:
                case exports2.cc.f:
                  this.state = exports2.State.OP_INF;
                  break;
                default:
                  throw this.fail(buf.subarray(i));
              }
              break;
            case exports2.State.OP_INF:
              switch (b) {
                case exports2.cc.O:
                case exports2.cc.o:
                  this.state = exports2.State.OP_INFO;
                  break;
                default:
                  throw this.fail(buf.subarray(i));
              }
              break;
            case exports2.State.OP_INFO:
              switch (b) {
                case exports2.cc.SPACE:
                case exports2.cc.TAB:
                  this.state = exports2.State.OP_INFO_SPC;
                  break;
                default:
                  throw this.fail(buf.subarray(i));
              }
              break;
            case exports2.State.OP_INFO_SPC:
              switch (b) {
                case exports2.cc.SPACE:
                case exports2.cc.TAB:
                  continue;
                default:
                  this.state = exports2.State.INFO_ARG, this.as = i;
              }
              break;
            case exports2.State.INFO_ARG:
              switch (b) {
                case exports2.cc.CR:
                  this.drop = 1;
                  break;
                case exports2.cc.NL: {
                  let arg;
                  this.argBuf ? (arg = this.argBuf.bytes(), this.argBuf = void 0) : arg = buf.subarray(this.as, i - this.drop), this.dispatcher.push({ kind: exports2.Kind.INFO, data: arg }), this.drop = 0, this.as = i + 1, this.state = exports2.State.OP_START;
                  break;
                }
                default:
                  this.argBuf && this.argBuf.writeByte(b);
              }
              break;
            default:
              throw this.fail(buf.subarray(i));
          }
        }
        (this.state === exports2.State.MSG_ARG || this.state === exports2.State.MINUS_ERR_ARG || this.state === exports2.State.INFO_ARG) && !this.argBuf && (this.argBuf = new denobuffer_1.DenoBuffer(buf.subarray(this.as, i - this.drop))), this.state === exports2.State.MSG_PAYLOAD && !this.msgBuf && (this.argBuf || this.cloneMsgArg(), this.msgBuf = new denobuffer_1.DenoBuffer(buf.subarray(this.as)));
      }
      cloneMsgArg() {
        let s = this.ma.subject.length, r = this.ma.reply ? this.ma.reply.length : 0, buf = new Uint8Array(s + r);
        buf.set(this.ma.subject), this.ma.reply && buf.set(this.ma.reply, s), this.argBuf = new denobuffer_1.DenoBuffer(buf), this.ma.subject = buf.subarray(0, s), this.ma.reply && (this.ma.reply = buf.subarray(s));
      }
      processMsgArgs(arg) {
        if (this.hdr >= 0)
          return this.processHeaderMsgArgs(arg);
        let args = [], start = -1;
        for (let i = 0; i < arg.length; i++)
          switch (arg[i]) {
            case exports2.cc.SPACE:
            case exports2.cc.TAB:
            case exports2.cc.CR:
            case exports2.cc.NL:
              start >= 0 && (args.push(arg.subarray(start, i)), start = -1);
              break;
            default:
              start < 0 && (start = i);
          }
        switch (start >= 0 && args.push(arg.subarray(start)), args.length) {
          case 3:
            this.ma.subject = args[0], this.ma.sid = this.protoParseInt(args[1]), this.ma.reply = void 0, this.ma.size = this.protoParseInt(args[2], MAX_64MB);
            break;
          case 4:
            this.ma.subject = args[0], this.ma.sid = this.protoParseInt(args[1]), this.ma.reply = args[2], this.ma.size = this.protoParseInt(args[3], MAX_64MB);
            break;
          default:
            throw this.fail(arg, "processMsgArgs Parse Error");
        }
        if (this.ma.sid < 0)
          throw this.fail(arg, "processMsgArgs Bad or Missing Sid Error");
        if (this.ma.size < 0)
          throw this.fail(arg, "processMsgArgs Bad or Missing Size Error");
      }
      fail(data, label = "") {
        return label ? label = `${label} [${this.state}]` : label = `parse error [${this.state}]`, new Error(`${label}: ${encoders_1.TD.decode(data)}`);
      }
      processHeaderMsgArgs(arg) {
        let args = [], start = -1;
        for (let i = 0; i < arg.length; i++)
          switch (arg[i]) {
            case exports2.cc.SPACE:
            case exports2.cc.TAB:
            case exports2.cc.CR:
            case exports2.cc.NL:
              start >= 0 && (args.push(arg.subarray(start, i)), start = -1);
              break;
            default:
              start < 0 && (start = i);
          }
        switch (start >= 0 && args.push(arg.subarray(start)), args.length) {
          case 4:
            this.ma.subject = args[0], this.ma.sid = this.protoParseInt(args[1]), this.ma.reply = void 0, this.ma.hdr = this.protoParseInt(args[2], MAX_64MB), this.ma.size = this.protoParseInt(args[3], MAX_64MB);
            break;
          case 5:
            this.ma.subject = args[0], this.ma.sid = this.protoParseInt(args[1]), this.ma.reply = args[2], this.ma.hdr = this.protoParseInt(args[3], MAX_64MB), this.ma.size = this.protoParseInt(args[4], MAX_64MB);
            break;
          default:
            throw this.fail(arg, "processHeaderMsgArgs Parse Error");
        }
        if (this.ma.sid < 0)
          throw this.fail(arg, "processHeaderMsgArgs Bad or Missing Sid Error");
        if (this.ma.hdr < 0 || this.ma.hdr > this.ma.size)
          throw this.fail(arg, "processHeaderMsgArgs Bad or Missing Header Size Error");
        if (this.ma.size < 0)
          throw this.fail(arg, "processHeaderMsgArgs Bad or Missing Size Error");
      }
      protoParseInt(a, max) {
        if (a.length === 0 || a.length > 15)
          return -1;
        let n = 0;
        for (let i = 0; i < a.length; i++) {
          if (a[i] < ASCII_0 || a[i] > ASCII_9)
            return -1;
          n = n * 10 + (a[i] - ASCII_0);
        }
        return max !== void 0 && n > max ? -1 : n;
      }
    };
    exports2.Parser = Parser;
    exports2.State = {
      OP_START: 0,
      OP_PLUS: 1,
      OP_PLUS_O: 2,
      OP_PLUS_OK: 3,
      OP_MINUS: 4,
      OP_MINUS_E: 5,
      OP_MINUS_ER: 6,
      OP_MINUS_ERR: 7,
      OP_MINUS_ERR_SPC: 8,
      MINUS_ERR_ARG: 9,
      OP_M: 10,
      OP_MS: 11,
      OP_MSG: 12,
      OP_MSG_SPC: 13,
      MSG_ARG: 14,
      MSG_PAYLOAD: 15,
      MSG_END: 16,
      OP_H: 17,
      OP_P: 18,
      OP_PI: 19,
      OP_PIN: 20,
      OP_PING: 21,
      OP_PO: 22,
      OP_PON: 23,
      OP_PONG: 24,
      OP_I: 25,
      OP_IN: 26,
      OP_INF: 27,
      OP_INFO: 28,
      OP_INFO_SPC: 29,
      INFO_ARG: 30
    };
    exports2.cc = {
      CR: 13,
      E: 69,
      e: 101,
      F: 70,
      f: 102,
      G: 71,
      g: 103,
      H: 72,
      h: 104,
      I: 73,
      i: 105,
      K: 75,
      k: 107,
      M: 77,
      m: 109,
      MINUS: 45,
      N: 78,
      n: 110,
      NL: 10,
      O: 79,
      o: 111,
      P: 80,
      p: 112,
      PLUS: 43,
      R: 82,
      r: 114,
      S: 83,
      s: 115,
      SPACE: 32,
      TAB: 9
    };
  }
});

// node_modules/@nats-io/nats-core/lib/headers.js
var require_headers = __commonJS({
  "node_modules/@nats-io/nats-core/lib/headers.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.MsgHdrsImpl = void 0;
    exports2.canonicalMIMEHeaderKey = canonicalMIMEHeaderKey;
    exports2.headers = headers;
    var encoders_1 = require_encoders(), core_1 = require_core(), errors_1 = require_errors();
    function canonicalMIMEHeaderKey(k) {
      let upper = !0, buf = new Array(k.length);
      for (let i = 0; i < k.length; i++) {
        let c = k.charCodeAt(i);
        if (c === 58 || c < 33 || c > 126)
          throw errors_1.InvalidArgumentError.format("header", `'${k[i]}' is not a valid character in a header name`);
        upper && 97 <= c && c <= 122 ? c -= 32 : !upper && 65 <= c && c <= 90 && (c += 32), buf[i] = c, upper = c == 45;
      }
      return String.fromCharCode(...buf);
    }
    function headers(code = 0, description = "") {
      if (code === 0 && description !== "")
        throw errors_1.InvalidArgumentError.format("code", "is required");
      if (code > 0 && description === "")
        throw errors_1.InvalidArgumentError.format("description", "is required");
      return new MsgHdrsImpl(code, description);
    }
    var HEADER = "NATS/1.0", MsgHdrsImpl = class _MsgHdrsImpl {
      _code;
      headers;
      _description;
      constructor(code = 0, description = "") {
        this._code = code, this._description = description, this.headers = /* @__PURE__ */ new Map();
      }
      [Symbol.iterator]() {
        return this.headers.entries();
      }
      size() {
        return this.headers.size;
      }
      equals(mh) {
        if (mh && this.headers.size === mh.headers.size && this._code === mh._code) {
          for (let [k, v] of this.headers) {
            let a = mh.values(k);
            if (v.length !== a.length)
              return !1;
            let vv = [...v].sort(), aa = [...a].sort();
            for (let i = 0; i < vv.length; i++)
              if (vv[i] !== aa[i])
                return !1;
          }
          return !0;
        }
        return !1;
      }
      static decode(a) {
        let mh = new _MsgHdrsImpl(), lines = encoders_1.TD.decode(a).split(`\r
`), h = lines[0];
        if (h !== HEADER) {
          let str = h.replace(HEADER, "").trim();
          if (str.length > 0) {
            mh._code = parseInt(str, 10), isNaN(mh._code) && (mh._code = 0);
            let scode = mh._code.toString();
            str = str.replace(scode, ""), mh._description = str.trim();
          }
        }
        return lines.length >= 1 && lines.slice(1).map((s2) => {
          if (s2) {
            let idx = s2.indexOf(":");
            if (idx > -1) {
              let k = s2.slice(0, idx), v = s2.slice(idx + 1).trim();
              mh.append(k, v);
            }
          }
        }), mh;
      }
      toString() {
        if (this.headers.size === 0 && this._code === 0)
          return "";
        let s = HEADER;
        this._code > 0 && this._description !== "" && (s += ` ${this._code} ${this._description}`);
        for (let [k, v] of this.headers)
          for (let i = 0; i < v.length; i++)
            s = `${s}\r
${k}: ${v[i]}`;
        return `${s}\r
\r
`;
      }
      encode() {
        return encoders_1.TE.encode(this.toString());
      }
      static validHeaderValue(k) {
        if (/[\r\n]/.test(k))
          throw errors_1.InvalidArgumentError.format("header", "values cannot contain \\r or \\n");
        return k.trim();
      }
      keys() {
        let keys = [];
        for (let sk of this.headers.keys())
          keys.push(sk);
        return keys;
      }
      findKeys(k, match = core_1.Match.Exact) {
        let keys = this.keys();
        switch (match) {
          case core_1.Match.Exact:
            return keys.filter((v) => v === k);
          case core_1.Match.CanonicalMIME:
            return k = canonicalMIMEHeaderKey(k), keys.filter((v) => v === k);
          default: {
            let lci = k.toLowerCase();
            return keys.filter((v) => lci === v.toLowerCase());
          }
        }
      }
      get(k, match = core_1.Match.Exact) {
        let keys = this.findKeys(k, match);
        if (keys.length) {
          let v = this.headers.get(keys[0]);
          if (v)
            return Array.isArray(v) ? v[0] : v;
        }
        return "";
      }
      last(k, match = core_1.Match.Exact) {
        let keys = this.findKeys(k, match);
        if (keys.length) {
          let v = this.headers.get(keys[0]);
          if (v)
            return Array.isArray(v) ? v[v.length - 1] : v;
        }
        return "";
      }
      has(k, match = core_1.Match.Exact) {
        return this.findKeys(k, match).length > 0;
      }
      set(k, v, match = core_1.Match.Exact) {
        this.delete(k, match), this.append(k, v, match);
      }
      append(k, v, match = core_1.Match.Exact) {
        let ck = canonicalMIMEHeaderKey(k);
        match === core_1.Match.CanonicalMIME && (k = ck);
        let keys = this.findKeys(k, match);
        k = keys.length > 0 ? keys[0] : k;
        let value = _MsgHdrsImpl.validHeaderValue(v), a = this.headers.get(k);
        a || (a = [], this.headers.set(k, a)), a.push(value);
      }
      values(k, match = core_1.Match.Exact) {
        let buf = [];
        return this.findKeys(k, match).forEach((v) => {
          let values = this.headers.get(v);
          values && buf.push(...values);
        }), buf;
      }
      delete(k, match = core_1.Match.Exact) {
        this.findKeys(k, match).forEach((v) => {
          this.headers.delete(v);
        });
      }
      get hasError() {
        return this._code >= 300;
      }
      get status() {
        return `${this._code} ${this._description}`.trim();
      }
      toRecord() {
        let data = {};
        return this.keys().forEach((v) => {
          data[v] = this.values(v);
        }), data;
      }
      get code() {
        return this._code;
      }
      get description() {
        return this._description;
      }
      static fromRecord(r) {
        let h = new _MsgHdrsImpl();
        for (let k in r) {
          let v = r[k];
          h.headers.set(k, Array.isArray(v) ? v : [`${v}`]);
        }
        return h;
      }
    };
    exports2.MsgHdrsImpl = MsgHdrsImpl;
  }
});

// node_modules/@nats-io/nats-core/lib/msg.js
var require_msg = __commonJS({
  "node_modules/@nats-io/nats-core/lib/msg.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.MsgImpl = void 0;
    var headers_1 = require_headers(), encoders_1 = require_encoders(), MsgImpl = class {
      _headers;
      _msg;
      _rdata;
      _reply;
      _subject;
      publisher;
      constructor(msg, data, publisher) {
        this._msg = msg, this._rdata = data, this.publisher = publisher;
      }
      get subject() {
        return this._subject ? this._subject : (this._subject = encoders_1.TD.decode(this._msg.subject), this._subject);
      }
      get reply() {
        return this._reply ? this._reply : (this._reply = encoders_1.TD.decode(this._msg.reply), this._reply);
      }
      get sid() {
        return this._msg.sid;
      }
      get headers() {
        if (this._msg.hdr > -1 && !this._headers) {
          let buf = this._rdata.subarray(0, this._msg.hdr);
          this._headers = headers_1.MsgHdrsImpl.decode(buf);
        }
        return this._headers;
      }
      get data() {
        return this._rdata ? this._msg.hdr > -1 ? this._rdata.subarray(this._msg.hdr) : this._rdata : new Uint8Array(0);
      }
      // eslint-ignore-next-line @typescript-eslint/no-explicit-any
      respond(data = encoders_1.Empty, opts) {
        return this.reply ? (this.publisher.publish(this.reply, data, opts), !0) : !1;
      }
      size() {
        let subj = this._msg.subject.length, reply = this._msg.reply?.length || 0, payloadAndHeaders = this._msg.size === -1 ? 0 : this._msg.size;
        return subj + reply + payloadAndHeaders;
      }
      json(reviver) {
        return JSON.parse(this.string(), reviver);
      }
      string() {
        return encoders_1.TD.decode(this.data);
      }
      requestInfo() {
        let v = this.headers?.get("Nats-Request-Info");
        return v ? JSON.parse(v, function(key, value) {
          return (key === "start" || key === "stop") && value !== "" ? new Date(Date.parse(value)) : value;
        }) : null;
      }
    };
    exports2.MsgImpl = MsgImpl;
  }
});

// node_modules/@nats-io/nats-core/lib/semver.js
var require_semver = __commonJS({
  "node_modules/@nats-io/nats-core/lib/semver.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.Features = exports2.Feature = void 0;
    exports2.parseSemVer = parseSemVer;
    exports2.compare = compare;
    function parseSemVer(s = "") {
      let m = s.match(/(\d+).(\d+).(\d+)/);
      if (m)
        return {
          major: parseInt(m[1]),
          minor: parseInt(m[2]),
          micro: parseInt(m[3])
        };
      throw new Error(`'${s}' is not a semver value`);
    }
    function compare(a, b) {
      return a.major < b.major ? -1 : a.major > b.major ? 1 : a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : a.micro < b.micro ? -1 : a.micro > b.micro ? 1 : 0;
    }
    exports2.Feature = {
      JS_KV: "js_kv",
      JS_OBJECTSTORE: "js_objectstore",
      JS_PULL_MAX_BYTES: "js_pull_max_bytes",
      JS_NEW_CONSUMER_CREATE_API: "js_new_consumer_create",
      JS_ALLOW_DIRECT: "js_allow_direct",
      JS_MULTIPLE_CONSUMER_FILTER: "js_multiple_consumer_filter",
      JS_SIMPLIFICATION: "js_simplification",
      JS_STREAM_CONSUMER_METADATA: "js_stream_consumer_metadata",
      JS_CONSUMER_FILTER_SUBJECTS: "js_consumer_filter_subjects",
      JS_STREAM_FIRST_SEQ: "js_stream_first_seq",
      JS_STREAM_SUBJECT_TRANSFORM: "js_stream_subject_transform",
      JS_STREAM_SOURCE_SUBJECT_TRANSFORM: "js_stream_source_subject_transform",
      JS_STREAM_COMPRESSION: "js_stream_compression",
      JS_DEFAULT_CONSUMER_LIMITS: "js_default_consumer_limits",
      JS_BATCH_DIRECT_GET: "js_batch_direct_get",
      JS_PRIORITY_GROUPS: "js_priority_groups",
      JS_CONSUMER_RESET: "js_consumer_reset"
    };
    var Features = class {
      server;
      features;
      disabled;
      constructor(v) {
        this.features = /* @__PURE__ */ new Map(), this.disabled = [], this.update(v);
      }
      /**
       * Removes all disabled entries
       */
      resetDisabled() {
        this.disabled.length = 0, this.update(this.server);
      }
      /**
       * Disables a particular feature.
       * @param f
       */
      disable(f) {
        this.disabled.push(f), this.update(this.server);
      }
      isDisabled(f) {
        return this.disabled.indexOf(f) !== -1;
      }
      update(v) {
        typeof v == "string" && (v = parseSemVer(v)), this.server = v, this.set(exports2.Feature.JS_KV, "2.6.2"), this.set(exports2.Feature.JS_OBJECTSTORE, "2.6.3"), this.set(exports2.Feature.JS_PULL_MAX_BYTES, "2.8.3"), this.set(exports2.Feature.JS_NEW_CONSUMER_CREATE_API, "2.9.0"), this.set(exports2.Feature.JS_ALLOW_DIRECT, "2.9.0"), this.set(exports2.Feature.JS_MULTIPLE_CONSUMER_FILTER, "2.10.0"), this.set(exports2.Feature.JS_SIMPLIFICATION, "2.9.4"), this.set(exports2.Feature.JS_STREAM_CONSUMER_METADATA, "2.10.0"), this.set(exports2.Feature.JS_CONSUMER_FILTER_SUBJECTS, "2.10.0"), this.set(exports2.Feature.JS_STREAM_FIRST_SEQ, "2.10.0"), this.set(exports2.Feature.JS_STREAM_SUBJECT_TRANSFORM, "2.10.0"), this.set(exports2.Feature.JS_STREAM_SOURCE_SUBJECT_TRANSFORM, "2.10.0"), this.set(exports2.Feature.JS_STREAM_COMPRESSION, "2.10.0"), this.set(exports2.Feature.JS_DEFAULT_CONSUMER_LIMITS, "2.10.0"), this.set(exports2.Feature.JS_BATCH_DIRECT_GET, "2.11.0"), this.set(exports2.Feature.JS_PRIORITY_GROUPS, "2.11.0"), this.set(exports2.Feature.JS_CONSUMER_RESET, "2.14.0"), this.disabled.forEach((f) => {
          this.features.delete(f);
        });
      }
      /**
       * Register a feature that requires a particular server version.
       * @param f
       * @param requires
       */
      set(f, requires) {
        this.features.set(f, {
          min: requires,
          ok: compare(this.server, parseSemVer(requires)) >= 0
        });
      }
      /**
       * Returns whether the feature is available and the min server
       * version that supports it.
       * @param f
       */
      get(f) {
        return this.features.get(f) || { min: "unknown", ok: !1 };
      }
      /**
       * Returns true if the feature is supported
       * @param f
       */
      supports(f) {
        return this.get(f)?.ok || !1;
      }
      /**
       * Returns true if the server is at least the specified version
       * @param v
       */
      require(v) {
        return typeof v == "string" && (v = parseSemVer(v)), compare(this.server, v) >= 0;
      }
    };
    exports2.Features = Features;
  }
});

// node_modules/@nats-io/nkeys/lib/crc16.js
var require_crc16 = __commonJS({
  "node_modules/@nats-io/nkeys/lib/crc16.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.crc16 = void 0;
    var crc16tab = new Uint16Array([
      0,
      4129,
      8258,
      12387,
      16516,
      20645,
      24774,
      28903,
      33032,
      37161,
      41290,
      45419,
      49548,
      53677,
      57806,
      61935,
      4657,
      528,
      12915,
      8786,
      21173,
      17044,
      29431,
      25302,
      37689,
      33560,
      45947,
      41818,
      54205,
      50076,
      62463,
      58334,
      9314,
      13379,
      1056,
      5121,
      25830,
      29895,
      17572,
      21637,
      42346,
      46411,
      34088,
      38153,
      58862,
      62927,
      50604,
      54669,
      13907,
      9842,
      5649,
      1584,
      30423,
      26358,
      22165,
      18100,
      46939,
      42874,
      38681,
      34616,
      63455,
      59390,
      55197,
      51132,
      18628,
      22757,
      26758,
      30887,
      2112,
      6241,
      10242,
      14371,
      51660,
      55789,
      59790,
      63919,
      35144,
      39273,
      43274,
      47403,
      23285,
      19156,
      31415,
      27286,
      6769,
      2640,
      14899,
      10770,
      56317,
      52188,
      64447,
      60318,
      39801,
      35672,
      47931,
      43802,
      27814,
      31879,
      19684,
      23749,
      11298,
      15363,
      3168,
      7233,
      60846,
      64911,
      52716,
      56781,
      44330,
      48395,
      36200,
      40265,
      32407,
      28342,
      24277,
      20212,
      15891,
      11826,
      7761,
      3696,
      65439,
      61374,
      57309,
      53244,
      48923,
      44858,
      40793,
      36728,
      37256,
      33193,
      45514,
      41451,
      53516,
      49453,
      61774,
      57711,
      4224,
      161,
      12482,
      8419,
      20484,
      16421,
      28742,
      24679,
      33721,
      37784,
      41979,
      46042,
      49981,
      54044,
      58239,
      62302,
      689,
      4752,
      8947,
      13010,
      16949,
      21012,
      25207,
      29270,
      46570,
      42443,
      38312,
      34185,
      62830,
      58703,
      54572,
      50445,
      13538,
      9411,
      5280,
      1153,
      29798,
      25671,
      21540,
      17413,
      42971,
      47098,
      34713,
      38840,
      59231,
      63358,
      50973,
      55100,
      9939,
      14066,
      1681,
      5808,
      26199,
      30326,
      17941,
      22068,
      55628,
      51565,
      63758,
      59695,
      39368,
      35305,
      47498,
      43435,
      22596,
      18533,
      30726,
      26663,
      6336,
      2273,
      14466,
      10403,
      52093,
      56156,
      60223,
      64286,
      35833,
      39896,
      43963,
      48026,
      19061,
      23124,
      27191,
      31254,
      2801,
      6864,
      10931,
      14994,
      64814,
      60687,
      56684,
      52557,
      48554,
      44427,
      40424,
      36297,
      31782,
      27655,
      23652,
      19525,
      15522,
      11395,
      7392,
      3265,
      61215,
      65342,
      53085,
      57212,
      44955,
      49082,
      36825,
      40952,
      28183,
      32310,
      20053,
      24180,
      11923,
      16050,
      3793,
      7920
    ]), crc16 = class _crc16 {
      // crc16 returns the crc for the data provided.
      static checksum(data) {
        let crc = 0;
        for (let i = 0; i < data.byteLength; i++) {
          let b = data[i];
          crc = crc << 8 & 65535 ^ crc16tab[(crc >> 8 ^ b) & 255];
        }
        return crc;
      }
      // validate will check the calculated crc16 checksum for data against the expected.
      static validate(data, expected) {
        return _crc16.checksum(data) == expected;
      }
    };
    exports2.crc16 = crc16;
  }
});

// node_modules/@nats-io/nkeys/lib/base32.js
var require_base32 = __commonJS({
  "node_modules/@nats-io/nkeys/lib/base32.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.base32 = void 0;
    var b32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", base32 = class {
      static encode(src) {
        let bits = 0, value = 0, a = new Uint8Array(src), buf = new Uint8Array(src.byteLength * 2), j = 0;
        for (let i = 0; i < a.byteLength; i++)
          for (value = value << 8 | a[i], bits += 8; bits >= 5; ) {
            let index = value >>> bits - 5 & 31;
            buf[j++] = b32Alphabet.charAt(index).charCodeAt(0), bits -= 5;
          }
        if (bits > 0) {
          let index = value << 5 - bits & 31;
          buf[j++] = b32Alphabet.charAt(index).charCodeAt(0);
        }
        return buf.slice(0, j);
      }
      static decode(src) {
        let bits = 0, byte = 0, j = 0, a = new Uint8Array(src), out = new Uint8Array(a.byteLength * 5 / 8 | 0);
        for (let i = 0; i < a.byteLength; i++) {
          let v = String.fromCharCode(a[i]), vv = b32Alphabet.indexOf(v);
          if (vv === -1)
            throw new Error("Illegal Base32 character: " + a[i]);
          byte = byte << 5 | vv, bits += 5, bits >= 8 && (out[j++] = byte >>> bits - 8 & 255, bits -= 8);
        }
        return out.slice(0, j);
      }
    };
    exports2.base32 = base32;
  }
});

// node_modules/@nats-io/nkeys/lib/codec.js
var require_codec = __commonJS({
  "node_modules/@nats-io/nkeys/lib/codec.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.Codec = void 0;
    var crc16_1 = require_crc16(), nkeys_1 = require_nkeys(), base32_1 = require_base32(), Codec = class _Codec {
      static encode(prefix, src) {
        if (!src || !(src instanceof Uint8Array))
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.SerializationError);
        if (!nkeys_1.Prefixes.isValidPrefix(prefix))
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.InvalidPrefixByte);
        return _Codec._encode(!1, prefix, src);
      }
      static encodeSeed(role, src) {
        if (!src)
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.ApiError);
        if (!nkeys_1.Prefixes.isValidPublicPrefix(role))
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.InvalidPrefixByte);
        if (src.byteLength !== 32)
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.InvalidSeedLen);
        return _Codec._encode(!0, role, src);
      }
      static decode(expected, src) {
        if (!nkeys_1.Prefixes.isValidPrefix(expected))
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.InvalidPrefixByte);
        let raw = _Codec._decode(src);
        if (raw[0] !== expected)
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.InvalidPrefixByte);
        return raw.slice(1);
      }
      static decodeSeed(src) {
        let raw = _Codec._decode(src), prefix = _Codec._decodePrefix(raw);
        if (prefix[0] != nkeys_1.Prefix.Seed)
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.InvalidSeed);
        if (!nkeys_1.Prefixes.isValidPublicPrefix(prefix[1]))
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.InvalidPrefixByte);
        return { buf: raw.slice(2), prefix: prefix[1] };
      }
      // unsafe encode no prefix/role validation
      static _encode(seed, role, payload) {
        let payloadOffset = seed ? 2 : 1, payloadLen = payload.byteLength, cap = payloadOffset + payloadLen + 2, checkOffset = payloadOffset + payloadLen, raw = new Uint8Array(cap);
        if (seed) {
          let encodedPrefix = _Codec._encodePrefix(nkeys_1.Prefix.Seed, role);
          raw.set(encodedPrefix);
        } else
          raw[0] = role;
        raw.set(payload, payloadOffset);
        let checksum = crc16_1.crc16.checksum(raw.slice(0, checkOffset));
        return new DataView(raw.buffer).setUint16(checkOffset, checksum, !0), base32_1.base32.encode(raw);
      }
      // unsafe decode - no prefix/role validation
      static _decode(src) {
        if (src.byteLength < 4)
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.InvalidEncoding);
        let raw;
        try {
          raw = base32_1.base32.decode(src);
        } catch (ex) {
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.InvalidEncoding, { cause: ex });
        }
        let checkOffset = raw.byteLength - 2, checksum = new DataView(raw.buffer).getUint16(checkOffset, !0), payload = raw.slice(0, checkOffset);
        if (!crc16_1.crc16.validate(payload, checksum))
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.InvalidChecksum);
        return payload;
      }
      static _encodePrefix(kind, role) {
        let b1 = kind | role >> 5, b2 = (role & 31) << 3;
        return new Uint8Array([b1, b2]);
      }
      static _decodePrefix(raw) {
        let b1 = raw[0] & 248, b2 = (raw[0] & 7) << 5 | (raw[1] & 248) >> 3;
        return new Uint8Array([b1, b2]);
      }
    };
    exports2.Codec = Codec;
  }
});

// node_modules/tweetnacl/nacl-fast.js
var require_nacl_fast = __commonJS({
  "node_modules/tweetnacl/nacl-fast.js"(exports2, module2) {
    (function(nacl) {
      "use strict";
      var gf = function(init) {
        var i, r = new Float64Array(16);
        if (init) for (i = 0; i < init.length; i++) r[i] = init[i];
        return r;
      }, randombytes = function() {
        throw new Error("no PRNG");
      }, _0 = new Uint8Array(16), _9 = new Uint8Array(32);
      _9[0] = 9;
      var gf0 = gf(), gf1 = gf([1]), _121665 = gf([56129, 1]), D = gf([30883, 4953, 19914, 30187, 55467, 16705, 2637, 112, 59544, 30585, 16505, 36039, 65139, 11119, 27886, 20995]), D2 = gf([61785, 9906, 39828, 60374, 45398, 33411, 5274, 224, 53552, 61171, 33010, 6542, 64743, 22239, 55772, 9222]), X = gf([54554, 36645, 11616, 51542, 42930, 38181, 51040, 26924, 56412, 64982, 57905, 49316, 21502, 52590, 14035, 8553]), Y = gf([26200, 26214, 26214, 26214, 26214, 26214, 26214, 26214, 26214, 26214, 26214, 26214, 26214, 26214, 26214, 26214]), I = gf([41136, 18958, 6951, 50414, 58488, 44335, 6150, 12099, 55207, 15867, 153, 11085, 57099, 20417, 9344, 11139]);
      function ts64(x, i, h, l) {
        x[i] = h >> 24 & 255, x[i + 1] = h >> 16 & 255, x[i + 2] = h >> 8 & 255, x[i + 3] = h & 255, x[i + 4] = l >> 24 & 255, x[i + 5] = l >> 16 & 255, x[i + 6] = l >> 8 & 255, x[i + 7] = l & 255;
      }
      function vn(x, xi, y, yi, n) {
        var i, d = 0;
        for (i = 0; i < n; i++) d |= x[xi + i] ^ y[yi + i];
        return (1 & d - 1 >>> 8) - 1;
      }
      function crypto_verify_16(x, xi, y, yi) {
        return vn(x, xi, y, yi, 16);
      }
      function crypto_verify_32(x, xi, y, yi) {
        return vn(x, xi, y, yi, 32);
      }
      function core_salsa20(o, p, k, c) {
        for (var j0 = c[0] & 255 | (c[1] & 255) << 8 | (c[2] & 255) << 16 | (c[3] & 255) << 24, j1 = k[0] & 255 | (k[1] & 255) << 8 | (k[2] & 255) << 16 | (k[3] & 255) << 24, j2 = k[4] & 255 | (k[5] & 255) << 8 | (k[6] & 255) << 16 | (k[7] & 255) << 24, j3 = k[8] & 255 | (k[9] & 255) << 8 | (k[10] & 255) << 16 | (k[11] & 255) << 24, j4 = k[12] & 255 | (k[13] & 255) << 8 | (k[14] & 255) << 16 | (k[15] & 255) << 24, j5 = c[4] & 255 | (c[5] & 255) << 8 | (c[6] & 255) << 16 | (c[7] & 255) << 24, j6 = p[0] & 255 | (p[1] & 255) << 8 | (p[2] & 255) << 16 | (p[3] & 255) << 24, j7 = p[4] & 255 | (p[5] & 255) << 8 | (p[6] & 255) << 16 | (p[7] & 255) << 24, j8 = p[8] & 255 | (p[9] & 255) << 8 | (p[10] & 255) << 16 | (p[11] & 255) << 24, j9 = p[12] & 255 | (p[13] & 255) << 8 | (p[14] & 255) << 16 | (p[15] & 255) << 24, j10 = c[8] & 255 | (c[9] & 255) << 8 | (c[10] & 255) << 16 | (c[11] & 255) << 24, j11 = k[16] & 255 | (k[17] & 255) << 8 | (k[18] & 255) << 16 | (k[19] & 255) << 24, j12 = k[20] & 255 | (k[21] & 255) << 8 | (k[22] & 255) << 16 | (k[23] & 255) << 24, j13 = k[24] & 255 | (k[25] & 255) << 8 | (k[26] & 255) << 16 | (k[27] & 255) << 24, j14 = k[28] & 255 | (k[29] & 255) << 8 | (k[30] & 255) << 16 | (k[31] & 255) << 24, j15 = c[12] & 255 | (c[13] & 255) << 8 | (c[14] & 255) << 16 | (c[15] & 255) << 24, x0 = j0, x1 = j1, x2 = j2, x3 = j3, x4 = j4, x5 = j5, x6 = j6, x7 = j7, x8 = j8, x9 = j9, x10 = j10, x11 = j11, x12 = j12, x13 = j13, x14 = j14, x15 = j15, u, i = 0; i < 20; i += 2)
          u = x0 + x12 | 0, x4 ^= u << 7 | u >>> 25, u = x4 + x0 | 0, x8 ^= u << 9 | u >>> 23, u = x8 + x4 | 0, x12 ^= u << 13 | u >>> 19, u = x12 + x8 | 0, x0 ^= u << 18 | u >>> 14, u = x5 + x1 | 0, x9 ^= u << 7 | u >>> 25, u = x9 + x5 | 0, x13 ^= u << 9 | u >>> 23, u = x13 + x9 | 0, x1 ^= u << 13 | u >>> 19, u = x1 + x13 | 0, x5 ^= u << 18 | u >>> 14, u = x10 + x6 | 0, x14 ^= u << 7 | u >>> 25, u = x14 + x10 | 0, x2 ^= u << 9 | u >>> 23, u = x2 + x14 | 0, x6 ^= u << 13 | u >>> 19, u = x6 + x2 | 0, x10 ^= u << 18 | u >>> 14, u = x15 + x11 | 0, x3 ^= u << 7 | u >>> 25, u = x3 + x15 | 0, x7 ^= u << 9 | u >>> 23, u = x7 + x3 | 0, x11 ^= u << 13 | u >>> 19, u = x11 + x7 | 0, x15 ^= u << 18 | u >>> 14, u = x0 + x3 | 0, x1 ^= u << 7 | u >>> 25, u = x1 + x0 | 0, x2 ^= u << 9 | u >>> 23, u = x2 + x1 | 0, x3 ^= u << 13 | u >>> 19, u = x3 + x2 | 0, x0 ^= u << 18 | u >>> 14, u = x5 + x4 | 0, x6 ^= u << 7 | u >>> 25, u = x6 + x5 | 0, x7 ^= u << 9 | u >>> 23, u = x7 + x6 | 0, x4 ^= u << 13 | u >>> 19, u = x4 + x7 | 0, x5 ^= u << 18 | u >>> 14, u = x10 + x9 | 0, x11 ^= u << 7 | u >>> 25, u = x11 + x10 | 0, x8 ^= u << 9 | u >>> 23, u = x8 + x11 | 0, x9 ^= u << 13 | u >>> 19, u = x9 + x8 | 0, x10 ^= u << 18 | u >>> 14, u = x15 + x14 | 0, x12 ^= u << 7 | u >>> 25, u = x12 + x15 | 0, x13 ^= u << 9 | u >>> 23, u = x13 + x12 | 0, x14 ^= u << 13 | u >>> 19, u = x14 + x13 | 0, x15 ^= u << 18 | u >>> 14;
        x0 = x0 + j0 | 0, x1 = x1 + j1 | 0, x2 = x2 + j2 | 0, x3 = x3 + j3 | 0, x4 = x4 + j4 | 0, x5 = x5 + j5 | 0, x6 = x6 + j6 | 0, x7 = x7 + j7 | 0, x8 = x8 + j8 | 0, x9 = x9 + j9 | 0, x10 = x10 + j10 | 0, x11 = x11 + j11 | 0, x12 = x12 + j12 | 0, x13 = x13 + j13 | 0, x14 = x14 + j14 | 0, x15 = x15 + j15 | 0, o[0] = x0 >>> 0 & 255, o[1] = x0 >>> 8 & 255, o[2] = x0 >>> 16 & 255, o[3] = x0 >>> 24 & 255, o[4] = x1 >>> 0 & 255, o[5] = x1 >>> 8 & 255, o[6] = x1 >>> 16 & 255, o[7] = x1 >>> 24 & 255, o[8] = x2 >>> 0 & 255, o[9] = x2 >>> 8 & 255, o[10] = x2 >>> 16 & 255, o[11] = x2 >>> 24 & 255, o[12] = x3 >>> 0 & 255, o[13] = x3 >>> 8 & 255, o[14] = x3 >>> 16 & 255, o[15] = x3 >>> 24 & 255, o[16] = x4 >>> 0 & 255, o[17] = x4 >>> 8 & 255, o[18] = x4 >>> 16 & 255, o[19] = x4 >>> 24 & 255, o[20] = x5 >>> 0 & 255, o[21] = x5 >>> 8 & 255, o[22] = x5 >>> 16 & 255, o[23] = x5 >>> 24 & 255, o[24] = x6 >>> 0 & 255, o[25] = x6 >>> 8 & 255, o[26] = x6 >>> 16 & 255, o[27] = x6 >>> 24 & 255, o[28] = x7 >>> 0 & 255, o[29] = x7 >>> 8 & 255, o[30] = x7 >>> 16 & 255, o[31] = x7 >>> 24 & 255, o[32] = x8 >>> 0 & 255, o[33] = x8 >>> 8 & 255, o[34] = x8 >>> 16 & 255, o[35] = x8 >>> 24 & 255, o[36] = x9 >>> 0 & 255, o[37] = x9 >>> 8 & 255, o[38] = x9 >>> 16 & 255, o[39] = x9 >>> 24 & 255, o[40] = x10 >>> 0 & 255, o[41] = x10 >>> 8 & 255, o[42] = x10 >>> 16 & 255, o[43] = x10 >>> 24 & 255, o[44] = x11 >>> 0 & 255, o[45] = x11 >>> 8 & 255, o[46] = x11 >>> 16 & 255, o[47] = x11 >>> 24 & 255, o[48] = x12 >>> 0 & 255, o[49] = x12 >>> 8 & 255, o[50] = x12 >>> 16 & 255, o[51] = x12 >>> 24 & 255, o[52] = x13 >>> 0 & 255, o[53] = x13 >>> 8 & 255, o[54] = x13 >>> 16 & 255, o[55] = x13 >>> 24 & 255, o[56] = x14 >>> 0 & 255, o[57] = x14 >>> 8 & 255, o[58] = x14 >>> 16 & 255, o[59] = x14 >>> 24 & 255, o[60] = x15 >>> 0 & 255, o[61] = x15 >>> 8 & 255, o[62] = x15 >>> 16 & 255, o[63] = x15 >>> 24 & 255;
      }
      function core_hsalsa20(o, p, k, c) {
        for (var j0 = c[0] & 255 | (c[1] & 255) << 8 | (c[2] & 255) << 16 | (c[3] & 255) << 24, j1 = k[0] & 255 | (k[1] & 255) << 8 | (k[2] & 255) << 16 | (k[3] & 255) << 24, j2 = k[4] & 255 | (k[5] & 255) << 8 | (k[6] & 255) << 16 | (k[7] & 255) << 24, j3 = k[8] & 255 | (k[9] & 255) << 8 | (k[10] & 255) << 16 | (k[11] & 255) << 24, j4 = k[12] & 255 | (k[13] & 255) << 8 | (k[14] & 255) << 16 | (k[15] & 255) << 24, j5 = c[4] & 255 | (c[5] & 255) << 8 | (c[6] & 255) << 16 | (c[7] & 255) << 24, j6 = p[0] & 255 | (p[1] & 255) << 8 | (p[2] & 255) << 16 | (p[3] & 255) << 24, j7 = p[4] & 255 | (p[5] & 255) << 8 | (p[6] & 255) << 16 | (p[7] & 255) << 24, j8 = p[8] & 255 | (p[9] & 255) << 8 | (p[10] & 255) << 16 | (p[11] & 255) << 24, j9 = p[12] & 255 | (p[13] & 255) << 8 | (p[14] & 255) << 16 | (p[15] & 255) << 24, j10 = c[8] & 255 | (c[9] & 255) << 8 | (c[10] & 255) << 16 | (c[11] & 255) << 24, j11 = k[16] & 255 | (k[17] & 255) << 8 | (k[18] & 255) << 16 | (k[19] & 255) << 24, j12 = k[20] & 255 | (k[21] & 255) << 8 | (k[22] & 255) << 16 | (k[23] & 255) << 24, j13 = k[24] & 255 | (k[25] & 255) << 8 | (k[26] & 255) << 16 | (k[27] & 255) << 24, j14 = k[28] & 255 | (k[29] & 255) << 8 | (k[30] & 255) << 16 | (k[31] & 255) << 24, j15 = c[12] & 255 | (c[13] & 255) << 8 | (c[14] & 255) << 16 | (c[15] & 255) << 24, x0 = j0, x1 = j1, x2 = j2, x3 = j3, x4 = j4, x5 = j5, x6 = j6, x7 = j7, x8 = j8, x9 = j9, x10 = j10, x11 = j11, x12 = j12, x13 = j13, x14 = j14, x15 = j15, u, i = 0; i < 20; i += 2)
          u = x0 + x12 | 0, x4 ^= u << 7 | u >>> 25, u = x4 + x0 | 0, x8 ^= u << 9 | u >>> 23, u = x8 + x4 | 0, x12 ^= u << 13 | u >>> 19, u = x12 + x8 | 0, x0 ^= u << 18 | u >>> 14, u = x5 + x1 | 0, x9 ^= u << 7 | u >>> 25, u = x9 + x5 | 0, x13 ^= u << 9 | u >>> 23, u = x13 + x9 | 0, x1 ^= u << 13 | u >>> 19, u = x1 + x13 | 0, x5 ^= u << 18 | u >>> 14, u = x10 + x6 | 0, x14 ^= u << 7 | u >>> 25, u = x14 + x10 | 0, x2 ^= u << 9 | u >>> 23, u = x2 + x14 | 0, x6 ^= u << 13 | u >>> 19, u = x6 + x2 | 0, x10 ^= u << 18 | u >>> 14, u = x15 + x11 | 0, x3 ^= u << 7 | u >>> 25, u = x3 + x15 | 0, x7 ^= u << 9 | u >>> 23, u = x7 + x3 | 0, x11 ^= u << 13 | u >>> 19, u = x11 + x7 | 0, x15 ^= u << 18 | u >>> 14, u = x0 + x3 | 0, x1 ^= u << 7 | u >>> 25, u = x1 + x0 | 0, x2 ^= u << 9 | u >>> 23, u = x2 + x1 | 0, x3 ^= u << 13 | u >>> 19, u = x3 + x2 | 0, x0 ^= u << 18 | u >>> 14, u = x5 + x4 | 0, x6 ^= u << 7 | u >>> 25, u = x6 + x5 | 0, x7 ^= u << 9 | u >>> 23, u = x7 + x6 | 0, x4 ^= u << 13 | u >>> 19, u = x4 + x7 | 0, x5 ^= u << 18 | u >>> 14, u = x10 + x9 | 0, x11 ^= u << 7 | u >>> 25, u = x11 + x10 | 0, x8 ^= u << 9 | u >>> 23, u = x8 + x11 | 0, x9 ^= u << 13 | u >>> 19, u = x9 + x8 | 0, x10 ^= u << 18 | u >>> 14, u = x15 + x14 | 0, x12 ^= u << 7 | u >>> 25, u = x12 + x15 | 0, x13 ^= u << 9 | u >>> 23, u = x13 + x12 | 0, x14 ^= u << 13 | u >>> 19, u = x14 + x13 | 0, x15 ^= u << 18 | u >>> 14;
        o[0] = x0 >>> 0 & 255, o[1] = x0 >>> 8 & 255, o[2] = x0 >>> 16 & 255, o[3] = x0 >>> 24 & 255, o[4] = x5 >>> 0 & 255, o[5] = x5 >>> 8 & 255, o[6] = x5 >>> 16 & 255, o[7] = x5 >>> 24 & 255, o[8] = x10 >>> 0 & 255, o[9] = x10 >>> 8 & 255, o[10] = x10 >>> 16 & 255, o[11] = x10 >>> 24 & 255, o[12] = x15 >>> 0 & 255, o[13] = x15 >>> 8 & 255, o[14] = x15 >>> 16 & 255, o[15] = x15 >>> 24 & 255, o[16] = x6 >>> 0 & 255, o[17] = x6 >>> 8 & 255, o[18] = x6 >>> 16 & 255, o[19] = x6 >>> 24 & 255, o[20] = x7 >>> 0 & 255, o[21] = x7 >>> 8 & 255, o[22] = x7 >>> 16 & 255, o[23] = x7 >>> 24 & 255, o[24] = x8 >>> 0 & 255, o[25] = x8 >>> 8 & 255, o[26] = x8 >>> 16 & 255, o[27] = x8 >>> 24 & 255, o[28] = x9 >>> 0 & 255, o[29] = x9 >>> 8 & 255, o[30] = x9 >>> 16 & 255, o[31] = x9 >>> 24 & 255;
      }
      function crypto_core_salsa20(out, inp, k, c) {
        core_salsa20(out, inp, k, c);
      }
      function crypto_core_hsalsa20(out, inp, k, c) {
        core_hsalsa20(out, inp, k, c);
      }
      var sigma = new Uint8Array([101, 120, 112, 97, 110, 100, 32, 51, 50, 45, 98, 121, 116, 101, 32, 107]);
      function crypto_stream_salsa20_xor(c, cpos, m, mpos, b, n, k) {
        var z = new Uint8Array(16), x = new Uint8Array(64), u, i;
        for (i = 0; i < 16; i++) z[i] = 0;
        for (i = 0; i < 8; i++) z[i] = n[i];
        for (; b >= 64; ) {
          for (crypto_core_salsa20(x, z, k, sigma), i = 0; i < 64; i++) c[cpos + i] = m[mpos + i] ^ x[i];
          for (u = 1, i = 8; i < 16; i++)
            u = u + (z[i] & 255) | 0, z[i] = u & 255, u >>>= 8;
          b -= 64, cpos += 64, mpos += 64;
        }
        if (b > 0)
          for (crypto_core_salsa20(x, z, k, sigma), i = 0; i < b; i++) c[cpos + i] = m[mpos + i] ^ x[i];
        return 0;
      }
      function crypto_stream_salsa20(c, cpos, b, n, k) {
        var z = new Uint8Array(16), x = new Uint8Array(64), u, i;
        for (i = 0; i < 16; i++) z[i] = 0;
        for (i = 0; i < 8; i++) z[i] = n[i];
        for (; b >= 64; ) {
          for (crypto_core_salsa20(x, z, k, sigma), i = 0; i < 64; i++) c[cpos + i] = x[i];
          for (u = 1, i = 8; i < 16; i++)
            u = u + (z[i] & 255) | 0, z[i] = u & 255, u >>>= 8;
          b -= 64, cpos += 64;
        }
        if (b > 0)
          for (crypto_core_salsa20(x, z, k, sigma), i = 0; i < b; i++) c[cpos + i] = x[i];
        return 0;
      }
      function crypto_stream(c, cpos, d, n, k) {
        var s = new Uint8Array(32);
        crypto_core_hsalsa20(s, n, k, sigma);
        for (var sn = new Uint8Array(8), i = 0; i < 8; i++) sn[i] = n[i + 16];
        return crypto_stream_salsa20(c, cpos, d, sn, s);
      }
      function crypto_stream_xor(c, cpos, m, mpos, d, n, k) {
        var s = new Uint8Array(32);
        crypto_core_hsalsa20(s, n, k, sigma);
        for (var sn = new Uint8Array(8), i = 0; i < 8; i++) sn[i] = n[i + 16];
        return crypto_stream_salsa20_xor(c, cpos, m, mpos, d, sn, s);
      }
      var poly1305 = function(key) {
        this.buffer = new Uint8Array(16), this.r = new Uint16Array(10), this.h = new Uint16Array(10), this.pad = new Uint16Array(8), this.leftover = 0, this.fin = 0;
        var t0, t1, t2, t3, t4, t5, t6, t7;
        t0 = key[0] & 255 | (key[1] & 255) << 8, this.r[0] = t0 & 8191, t1 = key[2] & 255 | (key[3] & 255) << 8, this.r[1] = (t0 >>> 13 | t1 << 3) & 8191, t2 = key[4] & 255 | (key[5] & 255) << 8, this.r[2] = (t1 >>> 10 | t2 << 6) & 7939, t3 = key[6] & 255 | (key[7] & 255) << 8, this.r[3] = (t2 >>> 7 | t3 << 9) & 8191, t4 = key[8] & 255 | (key[9] & 255) << 8, this.r[4] = (t3 >>> 4 | t4 << 12) & 255, this.r[5] = t4 >>> 1 & 8190, t5 = key[10] & 255 | (key[11] & 255) << 8, this.r[6] = (t4 >>> 14 | t5 << 2) & 8191, t6 = key[12] & 255 | (key[13] & 255) << 8, this.r[7] = (t5 >>> 11 | t6 << 5) & 8065, t7 = key[14] & 255 | (key[15] & 255) << 8, this.r[8] = (t6 >>> 8 | t7 << 8) & 8191, this.r[9] = t7 >>> 5 & 127, this.pad[0] = key[16] & 255 | (key[17] & 255) << 8, this.pad[1] = key[18] & 255 | (key[19] & 255) << 8, this.pad[2] = key[20] & 255 | (key[21] & 255) << 8, this.pad[3] = key[22] & 255 | (key[23] & 255) << 8, this.pad[4] = key[24] & 255 | (key[25] & 255) << 8, this.pad[5] = key[26] & 255 | (key[27] & 255) << 8, this.pad[6] = key[28] & 255 | (key[29] & 255) << 8, this.pad[7] = key[30] & 255 | (key[31] & 255) << 8;
      };
      poly1305.prototype.blocks = function(m, mpos, bytes) {
        for (var hibit = this.fin ? 0 : 2048, t0, t1, t2, t3, t4, t5, t6, t7, c, d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, h0 = this.h[0], h1 = this.h[1], h2 = this.h[2], h3 = this.h[3], h4 = this.h[4], h5 = this.h[5], h6 = this.h[6], h7 = this.h[7], h8 = this.h[8], h9 = this.h[9], r0 = this.r[0], r1 = this.r[1], r2 = this.r[2], r3 = this.r[3], r4 = this.r[4], r5 = this.r[5], r6 = this.r[6], r7 = this.r[7], r8 = this.r[8], r9 = this.r[9]; bytes >= 16; )
          t0 = m[mpos + 0] & 255 | (m[mpos + 1] & 255) << 8, h0 += t0 & 8191, t1 = m[mpos + 2] & 255 | (m[mpos + 3] & 255) << 8, h1 += (t0 >>> 13 | t1 << 3) & 8191, t2 = m[mpos + 4] & 255 | (m[mpos + 5] & 255) << 8, h2 += (t1 >>> 10 | t2 << 6) & 8191, t3 = m[mpos + 6] & 255 | (m[mpos + 7] & 255) << 8, h3 += (t2 >>> 7 | t3 << 9) & 8191, t4 = m[mpos + 8] & 255 | (m[mpos + 9] & 255) << 8, h4 += (t3 >>> 4 | t4 << 12) & 8191, h5 += t4 >>> 1 & 8191, t5 = m[mpos + 10] & 255 | (m[mpos + 11] & 255) << 8, h6 += (t4 >>> 14 | t5 << 2) & 8191, t6 = m[mpos + 12] & 255 | (m[mpos + 13] & 255) << 8, h7 += (t5 >>> 11 | t6 << 5) & 8191, t7 = m[mpos + 14] & 255 | (m[mpos + 15] & 255) << 8, h8 += (t6 >>> 8 | t7 << 8) & 8191, h9 += t7 >>> 5 | hibit, c = 0, d0 = c, d0 += h0 * r0, d0 += h1 * (5 * r9), d0 += h2 * (5 * r8), d0 += h3 * (5 * r7), d0 += h4 * (5 * r6), c = d0 >>> 13, d0 &= 8191, d0 += h5 * (5 * r5), d0 += h6 * (5 * r4), d0 += h7 * (5 * r3), d0 += h8 * (5 * r2), d0 += h9 * (5 * r1), c += d0 >>> 13, d0 &= 8191, d1 = c, d1 += h0 * r1, d1 += h1 * r0, d1 += h2 * (5 * r9), d1 += h3 * (5 * r8), d1 += h4 * (5 * r7), c = d1 >>> 13, d1 &= 8191, d1 += h5 * (5 * r6), d1 += h6 * (5 * r5), d1 += h7 * (5 * r4), d1 += h8 * (5 * r3), d1 += h9 * (5 * r2), c += d1 >>> 13, d1 &= 8191, d2 = c, d2 += h0 * r2, d2 += h1 * r1, d2 += h2 * r0, d2 += h3 * (5 * r9), d2 += h4 * (5 * r8), c = d2 >>> 13, d2 &= 8191, d2 += h5 * (5 * r7), d2 += h6 * (5 * r6), d2 += h7 * (5 * r5), d2 += h8 * (5 * r4), d2 += h9 * (5 * r3), c += d2 >>> 13, d2 &= 8191, d3 = c, d3 += h0 * r3, d3 += h1 * r2, d3 += h2 * r1, d3 += h3 * r0, d3 += h4 * (5 * r9), c = d3 >>> 13, d3 &= 8191, d3 += h5 * (5 * r8), d3 += h6 * (5 * r7), d3 += h7 * (5 * r6), d3 += h8 * (5 * r5), d3 += h9 * (5 * r4), c += d3 >>> 13, d3 &= 8191, d4 = c, d4 += h0 * r4, d4 += h1 * r3, d4 += h2 * r2, d4 += h3 * r1, d4 += h4 * r0, c = d4 >>> 13, d4 &= 8191, d4 += h5 * (5 * r9), d4 += h6 * (5 * r8), d4 += h7 * (5 * r7), d4 += h8 * (5 * r6), d4 += h9 * (5 * r5), c += d4 >>> 13, d4 &= 8191, d5 = c, d5 += h0 * r5, d5 += h1 * r4, d5 += h2 * r3, d5 += h3 * r2, d5 += h4 * r1, c = d5 >>> 13, d5 &= 8191, d5 += h5 * r0, d5 += h6 * (5 * r9), d5 += h7 * (5 * r8), d5 += h8 * (5 * r7), d5 += h9 * (5 * r6), c += d5 >>> 13, d5 &= 8191, d6 = c, d6 += h0 * r6, d6 += h1 * r5, d6 += h2 * r4, d6 += h3 * r3, d6 += h4 * r2, c = d6 >>> 13, d6 &= 8191, d6 += h5 * r1, d6 += h6 * r0, d6 += h7 * (5 * r9), d6 += h8 * (5 * r8), d6 += h9 * (5 * r7), c += d6 >>> 13, d6 &= 8191, d7 = c, d7 += h0 * r7, d7 += h1 * r6, d7 += h2 * r5, d7 += h3 * r4, d7 += h4 * r3, c = d7 >>> 13, d7 &= 8191, d7 += h5 * r2, d7 += h6 * r1, d7 += h7 * r0, d7 += h8 * (5 * r9), d7 += h9 * (5 * r8), c += d7 >>> 13, d7 &= 8191, d8 = c, d8 += h0 * r8, d8 += h1 * r7, d8 += h2 * r6, d8 += h3 * r5, d8 += h4 * r4, c = d8 >>> 13, d8 &= 8191, d8 += h5 * r3, d8 += h6 * r2, d8 += h7 * r1, d8 += h8 * r0, d8 += h9 * (5 * r9), c += d8 >>> 13, d8 &= 8191, d9 = c, d9 += h0 * r9, d9 += h1 * r8, d9 += h2 * r7, d9 += h3 * r6, d9 += h4 * r5, c = d9 >>> 13, d9 &= 8191, d9 += h5 * r4, d9 += h6 * r3, d9 += h7 * r2, d9 += h8 * r1, d9 += h9 * r0, c += d9 >>> 13, d9 &= 8191, c = (c << 2) + c | 0, c = c + d0 | 0, d0 = c & 8191, c = c >>> 13, d1 += c, h0 = d0, h1 = d1, h2 = d2, h3 = d3, h4 = d4, h5 = d5, h6 = d6, h7 = d7, h8 = d8, h9 = d9, mpos += 16, bytes -= 16;
        this.h[0] = h0, this.h[1] = h1, this.h[2] = h2, this.h[3] = h3, this.h[4] = h4, this.h[5] = h5, this.h[6] = h6, this.h[7] = h7, this.h[8] = h8, this.h[9] = h9;
      }, poly1305.prototype.finish = function(mac, macpos) {
        var g = new Uint16Array(10), c, mask, f, i;
        if (this.leftover) {
          for (i = this.leftover, this.buffer[i++] = 1; i < 16; i++) this.buffer[i] = 0;
          this.fin = 1, this.blocks(this.buffer, 0, 16);
        }
        for (c = this.h[1] >>> 13, this.h[1] &= 8191, i = 2; i < 10; i++)
          this.h[i] += c, c = this.h[i] >>> 13, this.h[i] &= 8191;
        for (this.h[0] += c * 5, c = this.h[0] >>> 13, this.h[0] &= 8191, this.h[1] += c, c = this.h[1] >>> 13, this.h[1] &= 8191, this.h[2] += c, g[0] = this.h[0] + 5, c = g[0] >>> 13, g[0] &= 8191, i = 1; i < 10; i++)
          g[i] = this.h[i] + c, c = g[i] >>> 13, g[i] &= 8191;
        for (g[9] -= 8192, mask = (c ^ 1) - 1, i = 0; i < 10; i++) g[i] &= mask;
        for (mask = ~mask, i = 0; i < 10; i++) this.h[i] = this.h[i] & mask | g[i];
        for (this.h[0] = (this.h[0] | this.h[1] << 13) & 65535, this.h[1] = (this.h[1] >>> 3 | this.h[2] << 10) & 65535, this.h[2] = (this.h[2] >>> 6 | this.h[3] << 7) & 65535, this.h[3] = (this.h[3] >>> 9 | this.h[4] << 4) & 65535, this.h[4] = (this.h[4] >>> 12 | this.h[5] << 1 | this.h[6] << 14) & 65535, this.h[5] = (this.h[6] >>> 2 | this.h[7] << 11) & 65535, this.h[6] = (this.h[7] >>> 5 | this.h[8] << 8) & 65535, this.h[7] = (this.h[8] >>> 8 | this.h[9] << 5) & 65535, f = this.h[0] + this.pad[0], this.h[0] = f & 65535, i = 1; i < 8; i++)
          f = (this.h[i] + this.pad[i] | 0) + (f >>> 16) | 0, this.h[i] = f & 65535;
        mac[macpos + 0] = this.h[0] >>> 0 & 255, mac[macpos + 1] = this.h[0] >>> 8 & 255, mac[macpos + 2] = this.h[1] >>> 0 & 255, mac[macpos + 3] = this.h[1] >>> 8 & 255, mac[macpos + 4] = this.h[2] >>> 0 & 255, mac[macpos + 5] = this.h[2] >>> 8 & 255, mac[macpos + 6] = this.h[3] >>> 0 & 255, mac[macpos + 7] = this.h[3] >>> 8 & 255, mac[macpos + 8] = this.h[4] >>> 0 & 255, mac[macpos + 9] = this.h[4] >>> 8 & 255, mac[macpos + 10] = this.h[5] >>> 0 & 255, mac[macpos + 11] = this.h[5] >>> 8 & 255, mac[macpos + 12] = this.h[6] >>> 0 & 255, mac[macpos + 13] = this.h[6] >>> 8 & 255, mac[macpos + 14] = this.h[7] >>> 0 & 255, mac[macpos + 15] = this.h[7] >>> 8 & 255;
      }, poly1305.prototype.update = function(m, mpos, bytes) {
        var i, want;
        if (this.leftover) {
          for (want = 16 - this.leftover, want > bytes && (want = bytes), i = 0; i < want; i++)
            this.buffer[this.leftover + i] = m[mpos + i];
          if (bytes -= want, mpos += want, this.leftover += want, this.leftover < 16)
            return;
          this.blocks(this.buffer, 0, 16), this.leftover = 0;
        }
        if (bytes >= 16 && (want = bytes - bytes % 16, this.blocks(m, mpos, want), mpos += want, bytes -= want), bytes) {
          for (i = 0; i < bytes; i++)
            this.buffer[this.leftover + i] = m[mpos + i];
          this.leftover += bytes;
        }
      };
      function crypto_onetimeauth(out, outpos, m, mpos, n, k) {
        var s = new poly1305(k);
        return s.update(m, mpos, n), s.finish(out, outpos), 0;
      }
      function crypto_onetimeauth_verify(h, hpos, m, mpos, n, k) {
        var x = new Uint8Array(16);
        return crypto_onetimeauth(x, 0, m, mpos, n, k), crypto_verify_16(h, hpos, x, 0);
      }
      function crypto_secretbox(c, m, d, n, k) {
        var i;
        if (d < 32) return -1;
        for (crypto_stream_xor(c, 0, m, 0, d, n, k), crypto_onetimeauth(c, 16, c, 32, d - 32, c), i = 0; i < 16; i++) c[i] = 0;
        return 0;
      }
      function crypto_secretbox_open(m, c, d, n, k) {
        var i, x = new Uint8Array(32);
        if (d < 32 || (crypto_stream(x, 0, 32, n, k), crypto_onetimeauth_verify(c, 16, c, 32, d - 32, x) !== 0)) return -1;
        for (crypto_stream_xor(m, 0, c, 0, d, n, k), i = 0; i < 32; i++) m[i] = 0;
        return 0;
      }
      function set25519(r, a) {
        var i;
        for (i = 0; i < 16; i++) r[i] = a[i] | 0;
      }
      function car25519(o) {
        var i, v, c = 1;
        for (i = 0; i < 16; i++)
          v = o[i] + c + 65535, c = Math.floor(v / 65536), o[i] = v - c * 65536;
        o[0] += c - 1 + 37 * (c - 1);
      }
      function sel25519(p, q, b) {
        for (var t, c = ~(b - 1), i = 0; i < 16; i++)
          t = c & (p[i] ^ q[i]), p[i] ^= t, q[i] ^= t;
      }
      function pack25519(o, n) {
        var i, j, b, m = gf(), t = gf();
        for (i = 0; i < 16; i++) t[i] = n[i];
        for (car25519(t), car25519(t), car25519(t), j = 0; j < 2; j++) {
          for (m[0] = t[0] - 65517, i = 1; i < 15; i++)
            m[i] = t[i] - 65535 - (m[i - 1] >> 16 & 1), m[i - 1] &= 65535;
          m[15] = t[15] - 32767 - (m[14] >> 16 & 1), b = m[15] >> 16 & 1, m[14] &= 65535, sel25519(t, m, 1 - b);
        }
        for (i = 0; i < 16; i++)
          o[2 * i] = t[i] & 255, o[2 * i + 1] = t[i] >> 8;
      }
      function neq25519(a, b) {
        var c = new Uint8Array(32), d = new Uint8Array(32);
        return pack25519(c, a), pack25519(d, b), crypto_verify_32(c, 0, d, 0);
      }
      function par25519(a) {
        var d = new Uint8Array(32);
        return pack25519(d, a), d[0] & 1;
      }
      function unpack25519(o, n) {
        var i;
        for (i = 0; i < 16; i++) o[i] = n[2 * i] + (n[2 * i + 1] << 8);
        o[15] &= 32767;
      }
      function A(o, a, b) {
        for (var i = 0; i < 16; i++) o[i] = a[i] + b[i];
      }
      function Z(o, a, b) {
        for (var i = 0; i < 16; i++) o[i] = a[i] - b[i];
      }
      function M(o, a, b) {
        var v, c, t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, t6 = 0, t7 = 0, t8 = 0, t9 = 0, t10 = 0, t11 = 0, t12 = 0, t13 = 0, t14 = 0, t15 = 0, t16 = 0, t17 = 0, t18 = 0, t19 = 0, t20 = 0, t21 = 0, t22 = 0, t23 = 0, t24 = 0, t25 = 0, t26 = 0, t27 = 0, t28 = 0, t29 = 0, t30 = 0, b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3], b4 = b[4], b5 = b[5], b6 = b[6], b7 = b[7], b8 = b[8], b9 = b[9], b10 = b[10], b11 = b[11], b12 = b[12], b13 = b[13], b14 = b[14], b15 = b[15];
        v = a[0], t0 += v * b0, t1 += v * b1, t2 += v * b2, t3 += v * b3, t4 += v * b4, t5 += v * b5, t6 += v * b6, t7 += v * b7, t8 += v * b8, t9 += v * b9, t10 += v * b10, t11 += v * b11, t12 += v * b12, t13 += v * b13, t14 += v * b14, t15 += v * b15, v = a[1], t1 += v * b0, t2 += v * b1, t3 += v * b2, t4 += v * b3, t5 += v * b4, t6 += v * b5, t7 += v * b6, t8 += v * b7, t9 += v * b8, t10 += v * b9, t11 += v * b10, t12 += v * b11, t13 += v * b12, t14 += v * b13, t15 += v * b14, t16 += v * b15, v = a[2], t2 += v * b0, t3 += v * b1, t4 += v * b2, t5 += v * b3, t6 += v * b4, t7 += v * b5, t8 += v * b6, t9 += v * b7, t10 += v * b8, t11 += v * b9, t12 += v * b10, t13 += v * b11, t14 += v * b12, t15 += v * b13, t16 += v * b14, t17 += v * b15, v = a[3], t3 += v * b0, t4 += v * b1, t5 += v * b2, t6 += v * b3, t7 += v * b4, t8 += v * b5, t9 += v * b6, t10 += v * b7, t11 += v * b8, t12 += v * b9, t13 += v * b10, t14 += v * b11, t15 += v * b12, t16 += v * b13, t17 += v * b14, t18 += v * b15, v = a[4], t4 += v * b0, t5 += v * b1, t6 += v * b2, t7 += v * b3, t8 += v * b4, t9 += v * b5, t10 += v * b6, t11 += v * b7, t12 += v * b8, t13 += v * b9, t14 += v * b10, t15 += v * b11, t16 += v * b12, t17 += v * b13, t18 += v * b14, t19 += v * b15, v = a[5], t5 += v * b0, t6 += v * b1, t7 += v * b2, t8 += v * b3, t9 += v * b4, t10 += v * b5, t11 += v * b6, t12 += v * b7, t13 += v * b8, t14 += v * b9, t15 += v * b10, t16 += v * b11, t17 += v * b12, t18 += v * b13, t19 += v * b14, t20 += v * b15, v = a[6], t6 += v * b0, t7 += v * b1, t8 += v * b2, t9 += v * b3, t10 += v * b4, t11 += v * b5, t12 += v * b6, t13 += v * b7, t14 += v * b8, t15 += v * b9, t16 += v * b10, t17 += v * b11, t18 += v * b12, t19 += v * b13, t20 += v * b14, t21 += v * b15, v = a[7], t7 += v * b0, t8 += v * b1, t9 += v * b2, t10 += v * b3, t11 += v * b4, t12 += v * b5, t13 += v * b6, t14 += v * b7, t15 += v * b8, t16 += v * b9, t17 += v * b10, t18 += v * b11, t19 += v * b12, t20 += v * b13, t21 += v * b14, t22 += v * b15, v = a[8], t8 += v * b0, t9 += v * b1, t10 += v * b2, t11 += v * b3, t12 += v * b4, t13 += v * b5, t14 += v * b6, t15 += v * b7, t16 += v * b8, t17 += v * b9, t18 += v * b10, t19 += v * b11, t20 += v * b12, t21 += v * b13, t22 += v * b14, t23 += v * b15, v = a[9], t9 += v * b0, t10 += v * b1, t11 += v * b2, t12 += v * b3, t13 += v * b4, t14 += v * b5, t15 += v * b6, t16 += v * b7, t17 += v * b8, t18 += v * b9, t19 += v * b10, t20 += v * b11, t21 += v * b12, t22 += v * b13, t23 += v * b14, t24 += v * b15, v = a[10], t10 += v * b0, t11 += v * b1, t12 += v * b2, t13 += v * b3, t14 += v * b4, t15 += v * b5, t16 += v * b6, t17 += v * b7, t18 += v * b8, t19 += v * b9, t20 += v * b10, t21 += v * b11, t22 += v * b12, t23 += v * b13, t24 += v * b14, t25 += v * b15, v = a[11], t11 += v * b0, t12 += v * b1, t13 += v * b2, t14 += v * b3, t15 += v * b4, t16 += v * b5, t17 += v * b6, t18 += v * b7, t19 += v * b8, t20 += v * b9, t21 += v * b10, t22 += v * b11, t23 += v * b12, t24 += v * b13, t25 += v * b14, t26 += v * b15, v = a[12], t12 += v * b0, t13 += v * b1, t14 += v * b2, t15 += v * b3, t16 += v * b4, t17 += v * b5, t18 += v * b6, t19 += v * b7, t20 += v * b8, t21 += v * b9, t22 += v * b10, t23 += v * b11, t24 += v * b12, t25 += v * b13, t26 += v * b14, t27 += v * b15, v = a[13], t13 += v * b0, t14 += v * b1, t15 += v * b2, t16 += v * b3, t17 += v * b4, t18 += v * b5, t19 += v * b6, t20 += v * b7, t21 += v * b8, t22 += v * b9, t23 += v * b10, t24 += v * b11, t25 += v * b12, t26 += v * b13, t27 += v * b14, t28 += v * b15, v = a[14], t14 += v * b0, t15 += v * b1, t16 += v * b2, t17 += v * b3, t18 += v * b4, t19 += v * b5, t20 += v * b6, t21 += v * b7, t22 += v * b8, t23 += v * b9, t24 += v * b10, t25 += v * b11, t26 += v * b12, t27 += v * b13, t28 += v * b14, t29 += v * b15, v = a[15], t15 += v * b0, t16 += v * b1, t17 += v * b2, t18 += v * b3, t19 += v * b4, t20 += v * b5, t21 += v * b6, t22 += v * b7, t23 += v * b8, t24 += v * b9, t25 += v * b10, t26 += v * b11, t27 += v * b12, t28 += v * b13, t29 += v * b14, t30 += v * b15, t0 += 38 * t16, t1 += 38 * t17, t2 += 38 * t18, t3 += 38 * t19, t4 += 38 * t20, t5 += 38 * t21, t6 += 38 * t22, t7 += 38 * t23, t8 += 38 * t24, t9 += 38 * t25, t10 += 38 * t26, t11 += 38 * t27, t12 += 38 * t28, t13 += 38 * t29, t14 += 38 * t30, c = 1, v = t0 + c + 65535, c = Math.floor(v / 65536), t0 = v - c * 65536, v = t1 + c + 65535, c = Math.floor(v / 65536), t1 = v - c * 65536, v = t2 + c + 65535, c = Math.floor(v / 65536), t2 = v - c * 65536, v = t3 + c + 65535, c = Math.floor(v / 65536), t3 = v - c * 65536, v = t4 + c + 65535, c = Math.floor(v / 65536), t4 = v - c * 65536, v = t5 + c + 65535, c = Math.floor(v / 65536), t5 = v - c * 65536, v = t6 + c + 65535, c = Math.floor(v / 65536), t6 = v - c * 65536, v = t7 + c + 65535, c = Math.floor(v / 65536), t7 = v - c * 65536, v = t8 + c + 65535, c = Math.floor(v / 65536), t8 = v - c * 65536, v = t9 + c + 65535, c = Math.floor(v / 65536), t9 = v - c * 65536, v = t10 + c + 65535, c = Math.floor(v / 65536), t10 = v - c * 65536, v = t11 + c + 65535, c = Math.floor(v / 65536), t11 = v - c * 65536, v = t12 + c + 65535, c = Math.floor(v / 65536), t12 = v - c * 65536, v = t13 + c + 65535, c = Math.floor(v / 65536), t13 = v - c * 65536, v = t14 + c + 65535, c = Math.floor(v / 65536), t14 = v - c * 65536, v = t15 + c + 65535, c = Math.floor(v / 65536), t15 = v - c * 65536, t0 += c - 1 + 37 * (c - 1), c = 1, v = t0 + c + 65535, c = Math.floor(v / 65536), t0 = v - c * 65536, v = t1 + c + 65535, c = Math.floor(v / 65536), t1 = v - c * 65536, v = t2 + c + 65535, c = Math.floor(v / 65536), t2 = v - c * 65536, v = t3 + c + 65535, c = Math.floor(v / 65536), t3 = v - c * 65536, v = t4 + c + 65535, c = Math.floor(v / 65536), t4 = v - c * 65536, v = t5 + c + 65535, c = Math.floor(v / 65536), t5 = v - c * 65536, v = t6 + c + 65535, c = Math.floor(v / 65536), t6 = v - c * 65536, v = t7 + c + 65535, c = Math.floor(v / 65536), t7 = v - c * 65536, v = t8 + c + 65535, c = Math.floor(v / 65536), t8 = v - c * 65536, v = t9 + c + 65535, c = Math.floor(v / 65536), t9 = v - c * 65536, v = t10 + c + 65535, c = Math.floor(v / 65536), t10 = v - c * 65536, v = t11 + c + 65535, c = Math.floor(v / 65536), t11 = v - c * 65536, v = t12 + c + 65535, c = Math.floor(v / 65536), t12 = v - c * 65536, v = t13 + c + 65535, c = Math.floor(v / 65536), t13 = v - c * 65536, v = t14 + c + 65535, c = Math.floor(v / 65536), t14 = v - c * 65536, v = t15 + c + 65535, c = Math.floor(v / 65536), t15 = v - c * 65536, t0 += c - 1 + 37 * (c - 1), o[0] = t0, o[1] = t1, o[2] = t2, o[3] = t3, o[4] = t4, o[5] = t5, o[6] = t6, o[7] = t7, o[8] = t8, o[9] = t9, o[10] = t10, o[11] = t11, o[12] = t12, o[13] = t13, o[14] = t14, o[15] = t15;
      }
      function S(o, a) {
        M(o, a, a);
      }
      function inv25519(o, i) {
        var c = gf(), a;
        for (a = 0; a < 16; a++) c[a] = i[a];
        for (a = 253; a >= 0; a--)
          S(c, c), a !== 2 && a !== 4 && M(c, c, i);
        for (a = 0; a < 16; a++) o[a] = c[a];
      }
      function pow2523(o, i) {
        var c = gf(), a;
        for (a = 0; a < 16; a++) c[a] = i[a];
        for (a = 250; a >= 0; a--)
          S(c, c), a !== 1 && M(c, c, i);
        for (a = 0; a < 16; a++) o[a] = c[a];
      }
      function crypto_scalarmult(q, n, p) {
        var z = new Uint8Array(32), x = new Float64Array(80), r, i, a = gf(), b = gf(), c = gf(), d = gf(), e = gf(), f = gf();
        for (i = 0; i < 31; i++) z[i] = n[i];
        for (z[31] = n[31] & 127 | 64, z[0] &= 248, unpack25519(x, p), i = 0; i < 16; i++)
          b[i] = x[i], d[i] = a[i] = c[i] = 0;
        for (a[0] = d[0] = 1, i = 254; i >= 0; --i)
          r = z[i >>> 3] >>> (i & 7) & 1, sel25519(a, b, r), sel25519(c, d, r), A(e, a, c), Z(a, a, c), A(c, b, d), Z(b, b, d), S(d, e), S(f, a), M(a, c, a), M(c, b, e), A(e, a, c), Z(a, a, c), S(b, a), Z(c, d, f), M(a, c, _121665), A(a, a, d), M(c, c, a), M(a, d, f), M(d, b, x), S(b, e), sel25519(a, b, r), sel25519(c, d, r);
        for (i = 0; i < 16; i++)
          x[i + 16] = a[i], x[i + 32] = c[i], x[i + 48] = b[i], x[i + 64] = d[i];
        var x32 = x.subarray(32), x16 = x.subarray(16);
        return inv25519(x32, x32), M(x16, x16, x32), pack25519(q, x16), 0;
      }
      function crypto_scalarmult_base(q, n) {
        return crypto_scalarmult(q, n, _9);
      }
      function crypto_box_keypair(y, x) {
        return randombytes(x, 32), crypto_scalarmult_base(y, x);
      }
      function crypto_box_beforenm(k, y, x) {
        var s = new Uint8Array(32);
        return crypto_scalarmult(s, x, y), crypto_core_hsalsa20(k, _0, s, sigma);
      }
      var crypto_box_afternm = crypto_secretbox, crypto_box_open_afternm = crypto_secretbox_open;
      function crypto_box(c, m, d, n, y, x) {
        var k = new Uint8Array(32);
        return crypto_box_beforenm(k, y, x), crypto_box_afternm(c, m, d, n, k);
      }
      function crypto_box_open(m, c, d, n, y, x) {
        var k = new Uint8Array(32);
        return crypto_box_beforenm(k, y, x), crypto_box_open_afternm(m, c, d, n, k);
      }
      var K = [
        1116352408,
        3609767458,
        1899447441,
        602891725,
        3049323471,
        3964484399,
        3921009573,
        2173295548,
        961987163,
        4081628472,
        1508970993,
        3053834265,
        2453635748,
        2937671579,
        2870763221,
        3664609560,
        3624381080,
        2734883394,
        310598401,
        1164996542,
        607225278,
        1323610764,
        1426881987,
        3590304994,
        1925078388,
        4068182383,
        2162078206,
        991336113,
        2614888103,
        633803317,
        3248222580,
        3479774868,
        3835390401,
        2666613458,
        4022224774,
        944711139,
        264347078,
        2341262773,
        604807628,
        2007800933,
        770255983,
        1495990901,
        1249150122,
        1856431235,
        1555081692,
        3175218132,
        1996064986,
        2198950837,
        2554220882,
        3999719339,
        2821834349,
        766784016,
        2952996808,
        2566594879,
        3210313671,
        3203337956,
        3336571891,
        1034457026,
        3584528711,
        2466948901,
        113926993,
        3758326383,
        338241895,
        168717936,
        666307205,
        1188179964,
        773529912,
        1546045734,
        1294757372,
        1522805485,
        1396182291,
        2643833823,
        1695183700,
        2343527390,
        1986661051,
        1014477480,
        2177026350,
        1206759142,
        2456956037,
        344077627,
        2730485921,
        1290863460,
        2820302411,
        3158454273,
        3259730800,
        3505952657,
        3345764771,
        106217008,
        3516065817,
        3606008344,
        3600352804,
        1432725776,
        4094571909,
        1467031594,
        275423344,
        851169720,
        430227734,
        3100823752,
        506948616,
        1363258195,
        659060556,
        3750685593,
        883997877,
        3785050280,
        958139571,
        3318307427,
        1322822218,
        3812723403,
        1537002063,
        2003034995,
        1747873779,
        3602036899,
        1955562222,
        1575990012,
        2024104815,
        1125592928,
        2227730452,
        2716904306,
        2361852424,
        442776044,
        2428436474,
        593698344,
        2756734187,
        3733110249,
        3204031479,
        2999351573,
        3329325298,
        3815920427,
        3391569614,
        3928383900,
        3515267271,
        566280711,
        3940187606,
        3454069534,
        4118630271,
        4000239992,
        116418474,
        1914138554,
        174292421,
        2731055270,
        289380356,
        3203993006,
        460393269,
        320620315,
        685471733,
        587496836,
        852142971,
        1086792851,
        1017036298,
        365543100,
        1126000580,
        2618297676,
        1288033470,
        3409855158,
        1501505948,
        4234509866,
        1607167915,
        987167468,
        1816402316,
        1246189591
      ];
      function crypto_hashblocks_hl(hh, hl, m, n) {
        for (var wh = new Int32Array(16), wl = new Int32Array(16), bh0, bh1, bh2, bh3, bh4, bh5, bh6, bh7, bl0, bl1, bl2, bl3, bl4, bl5, bl6, bl7, th, tl, i, j, h, l, a, b, c, d, ah0 = hh[0], ah1 = hh[1], ah2 = hh[2], ah3 = hh[3], ah4 = hh[4], ah5 = hh[5], ah6 = hh[6], ah7 = hh[7], al0 = hl[0], al1 = hl[1], al2 = hl[2], al3 = hl[3], al4 = hl[4], al5 = hl[5], al6 = hl[6], al7 = hl[7], pos = 0; n >= 128; ) {
          for (i = 0; i < 16; i++)
            j = 8 * i + pos, wh[i] = m[j + 0] << 24 | m[j + 1] << 16 | m[j + 2] << 8 | m[j + 3], wl[i] = m[j + 4] << 24 | m[j + 5] << 16 | m[j + 6] << 8 | m[j + 7];
          for (i = 0; i < 80; i++)
            if (bh0 = ah0, bh1 = ah1, bh2 = ah2, bh3 = ah3, bh4 = ah4, bh5 = ah5, bh6 = ah6, bh7 = ah7, bl0 = al0, bl1 = al1, bl2 = al2, bl3 = al3, bl4 = al4, bl5 = al5, bl6 = al6, bl7 = al7, h = ah7, l = al7, a = l & 65535, b = l >>> 16, c = h & 65535, d = h >>> 16, h = (ah4 >>> 14 | al4 << 18) ^ (ah4 >>> 18 | al4 << 14) ^ (al4 >>> 9 | ah4 << 23), l = (al4 >>> 14 | ah4 << 18) ^ (al4 >>> 18 | ah4 << 14) ^ (ah4 >>> 9 | al4 << 23), a += l & 65535, b += l >>> 16, c += h & 65535, d += h >>> 16, h = ah4 & ah5 ^ ~ah4 & ah6, l = al4 & al5 ^ ~al4 & al6, a += l & 65535, b += l >>> 16, c += h & 65535, d += h >>> 16, h = K[i * 2], l = K[i * 2 + 1], a += l & 65535, b += l >>> 16, c += h & 65535, d += h >>> 16, h = wh[i % 16], l = wl[i % 16], a += l & 65535, b += l >>> 16, c += h & 65535, d += h >>> 16, b += a >>> 16, c += b >>> 16, d += c >>> 16, th = c & 65535 | d << 16, tl = a & 65535 | b << 16, h = th, l = tl, a = l & 65535, b = l >>> 16, c = h & 65535, d = h >>> 16, h = (ah0 >>> 28 | al0 << 4) ^ (al0 >>> 2 | ah0 << 30) ^ (al0 >>> 7 | ah0 << 25), l = (al0 >>> 28 | ah0 << 4) ^ (ah0 >>> 2 | al0 << 30) ^ (ah0 >>> 7 | al0 << 25), a += l & 65535, b += l >>> 16, c += h & 65535, d += h >>> 16, h = ah0 & ah1 ^ ah0 & ah2 ^ ah1 & ah2, l = al0 & al1 ^ al0 & al2 ^ al1 & al2, a += l & 65535, b += l >>> 16, c += h & 65535, d += h >>> 16, b += a >>> 16, c += b >>> 16, d += c >>> 16, bh7 = c & 65535 | d << 16, bl7 = a & 65535 | b << 16, h = bh3, l = bl3, a = l & 65535, b = l >>> 16, c = h & 65535, d = h >>> 16, h = th, l = tl, a += l & 65535, b += l >>> 16, c += h & 65535, d += h >>> 16, b += a >>> 16, c += b >>> 16, d += c >>> 16, bh3 = c & 65535 | d << 16, bl3 = a & 65535 | b << 16, ah1 = bh0, ah2 = bh1, ah3 = bh2, ah4 = bh3, ah5 = bh4, ah6 = bh5, ah7 = bh6, ah0 = bh7, al1 = bl0, al2 = bl1, al3 = bl2, al4 = bl3, al5 = bl4, al6 = bl5, al7 = bl6, al0 = bl7, i % 16 === 15)
              for (j = 0; j < 16; j++)
                h = wh[j], l = wl[j], a = l & 65535, b = l >>> 16, c = h & 65535, d = h >>> 16, h = wh[(j + 9) % 16], l = wl[(j + 9) % 16], a += l & 65535, b += l >>> 16, c += h & 65535, d += h >>> 16, th = wh[(j + 1) % 16], tl = wl[(j + 1) % 16], h = (th >>> 1 | tl << 31) ^ (th >>> 8 | tl << 24) ^ th >>> 7, l = (tl >>> 1 | th << 31) ^ (tl >>> 8 | th << 24) ^ (tl >>> 7 | th << 25), a += l & 65535, b += l >>> 16, c += h & 65535, d += h >>> 16, th = wh[(j + 14) % 16], tl = wl[(j + 14) % 16], h = (th >>> 19 | tl << 13) ^ (tl >>> 29 | th << 3) ^ th >>> 6, l = (tl >>> 19 | th << 13) ^ (th >>> 29 | tl << 3) ^ (tl >>> 6 | th << 26), a += l & 65535, b += l >>> 16, c += h & 65535, d += h >>> 16, b += a >>> 16, c += b >>> 16, d += c >>> 16, wh[j] = c & 65535 | d << 16, wl[j] = a & 65535 | b << 16;
          h = ah0, l = al0, a = l & 65535, b = l >>> 16, c = h & 65535, d = h >>> 16, h = hh[0], l = hl[0], a += l & 65535, b += l >>> 16, c += h & 65535, d += h >>> 16, b += a >>> 16, c += b >>> 16, d += c >>> 16, hh[0] = ah0 = c & 65535 | d << 16, hl[0] = al0 = a & 65535 | b << 16, h = ah1, l = al1, a = l & 65535, b = l >>> 16, c = h & 65535, d = h >>> 16, h = hh[1], l = hl[1], a += l & 65535, b += l >>> 16, c += h & 65535, d += h >>> 16, b += a >>> 16, c += b >>> 16, d += c >>> 16, hh[1] = ah1 = c & 65535 | d << 16, hl[1] = al1 = a & 65535 | b << 16, h = ah2, l = al2, a = l & 65535, b = l >>> 16, c = h & 65535, d = h >>> 16, h = hh[2], l = hl[2], a += l & 65535, b += l >>> 16, c += h & 65535, d += h >>> 16, b += a >>> 16, c += b >>> 16, d += c >>> 16, hh[2] = ah2 = c & 65535 | d << 16, hl[2] = al2 = a & 65535 | b << 16, h = ah3, l = al3, a = l & 65535, b = l >>> 16, c = h & 65535, d = h >>> 16, h = hh[3], l = hl[3], a += l & 65535, b += l >>> 16, c += h & 65535, d += h >>> 16, b += a >>> 16, c += b >>> 16, d += c >>> 16, hh[3] = ah3 = c & 65535 | d << 16, hl[3] = al3 = a & 65535 | b << 16, h = ah4, l = al4, a = l & 65535, b = l >>> 16, c = h & 65535, d = h >>> 16, h = hh[4], l = hl[4], a += l & 65535, b += l >>> 16, c += h & 65535, d += h >>> 16, b += a >>> 16, c += b >>> 16, d += c >>> 16, hh[4] = ah4 = c & 65535 | d << 16, hl[4] = al4 = a & 65535 | b << 16, h = ah5, l = al5, a = l & 65535, b = l >>> 16, c = h & 65535, d = h >>> 16, h = hh[5], l = hl[5], a += l & 65535, b += l >>> 16, c += h & 65535, d += h >>> 16, b += a >>> 16, c += b >>> 16, d += c >>> 16, hh[5] = ah5 = c & 65535 | d << 16, hl[5] = al5 = a & 65535 | b << 16, h = ah6, l = al6, a = l & 65535, b = l >>> 16, c = h & 65535, d = h >>> 16, h = hh[6], l = hl[6], a += l & 65535, b += l >>> 16, c += h & 65535, d += h >>> 16, b += a >>> 16, c += b >>> 16, d += c >>> 16, hh[6] = ah6 = c & 65535 | d << 16, hl[6] = al6 = a & 65535 | b << 16, h = ah7, l = al7, a = l & 65535, b = l >>> 16, c = h & 65535, d = h >>> 16, h = hh[7], l = hl[7], a += l & 65535, b += l >>> 16, c += h & 65535, d += h >>> 16, b += a >>> 16, c += b >>> 16, d += c >>> 16, hh[7] = ah7 = c & 65535 | d << 16, hl[7] = al7 = a & 65535 | b << 16, pos += 128, n -= 128;
        }
        return n;
      }
      function crypto_hash(out, m, n) {
        var hh = new Int32Array(8), hl = new Int32Array(8), x = new Uint8Array(256), i, b = n;
        for (hh[0] = 1779033703, hh[1] = 3144134277, hh[2] = 1013904242, hh[3] = 2773480762, hh[4] = 1359893119, hh[5] = 2600822924, hh[6] = 528734635, hh[7] = 1541459225, hl[0] = 4089235720, hl[1] = 2227873595, hl[2] = 4271175723, hl[3] = 1595750129, hl[4] = 2917565137, hl[5] = 725511199, hl[6] = 4215389547, hl[7] = 327033209, crypto_hashblocks_hl(hh, hl, m, n), n %= 128, i = 0; i < n; i++) x[i] = m[b - n + i];
        for (x[n] = 128, n = 256 - 128 * (n < 112 ? 1 : 0), x[n - 9] = 0, ts64(x, n - 8, b / 536870912 | 0, b << 3), crypto_hashblocks_hl(hh, hl, x, n), i = 0; i < 8; i++) ts64(out, 8 * i, hh[i], hl[i]);
        return 0;
      }
      function add(p, q) {
        var a = gf(), b = gf(), c = gf(), d = gf(), e = gf(), f = gf(), g = gf(), h = gf(), t = gf();
        Z(a, p[1], p[0]), Z(t, q[1], q[0]), M(a, a, t), A(b, p[0], p[1]), A(t, q[0], q[1]), M(b, b, t), M(c, p[3], q[3]), M(c, c, D2), M(d, p[2], q[2]), A(d, d, d), Z(e, b, a), Z(f, d, c), A(g, d, c), A(h, b, a), M(p[0], e, f), M(p[1], h, g), M(p[2], g, f), M(p[3], e, h);
      }
      function cswap(p, q, b) {
        var i;
        for (i = 0; i < 4; i++)
          sel25519(p[i], q[i], b);
      }
      function pack(r, p) {
        var tx = gf(), ty = gf(), zi = gf();
        inv25519(zi, p[2]), M(tx, p[0], zi), M(ty, p[1], zi), pack25519(r, ty), r[31] ^= par25519(tx) << 7;
      }
      function scalarmult(p, q, s) {
        var b, i;
        for (set25519(p[0], gf0), set25519(p[1], gf1), set25519(p[2], gf1), set25519(p[3], gf0), i = 255; i >= 0; --i)
          b = s[i / 8 | 0] >> (i & 7) & 1, cswap(p, q, b), add(q, p), add(p, p), cswap(p, q, b);
      }
      function scalarbase(p, s) {
        var q = [gf(), gf(), gf(), gf()];
        set25519(q[0], X), set25519(q[1], Y), set25519(q[2], gf1), M(q[3], X, Y), scalarmult(p, q, s);
      }
      function crypto_sign_keypair(pk, sk, seeded) {
        var d = new Uint8Array(64), p = [gf(), gf(), gf(), gf()], i;
        for (seeded || randombytes(sk, 32), crypto_hash(d, sk, 32), d[0] &= 248, d[31] &= 127, d[31] |= 64, scalarbase(p, d), pack(pk, p), i = 0; i < 32; i++) sk[i + 32] = pk[i];
        return 0;
      }
      var L = new Float64Array([237, 211, 245, 92, 26, 99, 18, 88, 214, 156, 247, 162, 222, 249, 222, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16]);
      function modL(r, x) {
        var carry, i, j, k;
        for (i = 63; i >= 32; --i) {
          for (carry = 0, j = i - 32, k = i - 12; j < k; ++j)
            x[j] += carry - 16 * x[i] * L[j - (i - 32)], carry = Math.floor((x[j] + 128) / 256), x[j] -= carry * 256;
          x[j] += carry, x[i] = 0;
        }
        for (carry = 0, j = 0; j < 32; j++)
          x[j] += carry - (x[31] >> 4) * L[j], carry = x[j] >> 8, x[j] &= 255;
        for (j = 0; j < 32; j++) x[j] -= carry * L[j];
        for (i = 0; i < 32; i++)
          x[i + 1] += x[i] >> 8, r[i] = x[i] & 255;
      }
      function reduce(r) {
        var x = new Float64Array(64), i;
        for (i = 0; i < 64; i++) x[i] = r[i];
        for (i = 0; i < 64; i++) r[i] = 0;
        modL(r, x);
      }
      function crypto_sign(sm, m, n, sk) {
        var d = new Uint8Array(64), h = new Uint8Array(64), r = new Uint8Array(64), i, j, x = new Float64Array(64), p = [gf(), gf(), gf(), gf()];
        crypto_hash(d, sk, 32), d[0] &= 248, d[31] &= 127, d[31] |= 64;
        var smlen = n + 64;
        for (i = 0; i < n; i++) sm[64 + i] = m[i];
        for (i = 0; i < 32; i++) sm[32 + i] = d[32 + i];
        for (crypto_hash(r, sm.subarray(32), n + 32), reduce(r), scalarbase(p, r), pack(sm, p), i = 32; i < 64; i++) sm[i] = sk[i];
        for (crypto_hash(h, sm, n + 64), reduce(h), i = 0; i < 64; i++) x[i] = 0;
        for (i = 0; i < 32; i++) x[i] = r[i];
        for (i = 0; i < 32; i++)
          for (j = 0; j < 32; j++)
            x[i + j] += h[i] * d[j];
        return modL(sm.subarray(32), x), smlen;
      }
      function unpackneg(r, p) {
        var t = gf(), chk = gf(), num = gf(), den = gf(), den2 = gf(), den4 = gf(), den6 = gf();
        return set25519(r[2], gf1), unpack25519(r[1], p), S(num, r[1]), M(den, num, D), Z(num, num, r[2]), A(den, r[2], den), S(den2, den), S(den4, den2), M(den6, den4, den2), M(t, den6, num), M(t, t, den), pow2523(t, t), M(t, t, num), M(t, t, den), M(t, t, den), M(r[0], t, den), S(chk, r[0]), M(chk, chk, den), neq25519(chk, num) && M(r[0], r[0], I), S(chk, r[0]), M(chk, chk, den), neq25519(chk, num) ? -1 : (par25519(r[0]) === p[31] >> 7 && Z(r[0], gf0, r[0]), M(r[3], r[0], r[1]), 0);
      }
      function crypto_sign_open(m, sm, n, pk) {
        var i, t = new Uint8Array(32), h = new Uint8Array(64), p = [gf(), gf(), gf(), gf()], q = [gf(), gf(), gf(), gf()];
        if (n < 64 || unpackneg(q, pk)) return -1;
        for (i = 0; i < n; i++) m[i] = sm[i];
        for (i = 0; i < 32; i++) m[i + 32] = pk[i];
        if (crypto_hash(h, m, n), reduce(h), scalarmult(p, q, h), scalarbase(q, sm.subarray(32)), add(p, q), pack(t, p), n -= 64, crypto_verify_32(sm, 0, t, 0)) {
          for (i = 0; i < n; i++) m[i] = 0;
          return -1;
        }
        for (i = 0; i < n; i++) m[i] = sm[i + 64];
        return n;
      }
      var crypto_secretbox_KEYBYTES = 32, crypto_secretbox_NONCEBYTES = 24, crypto_secretbox_ZEROBYTES = 32, crypto_secretbox_BOXZEROBYTES = 16, crypto_scalarmult_BYTES = 32, crypto_scalarmult_SCALARBYTES = 32, crypto_box_PUBLICKEYBYTES = 32, crypto_box_SECRETKEYBYTES = 32, crypto_box_BEFORENMBYTES = 32, crypto_box_NONCEBYTES = crypto_secretbox_NONCEBYTES, crypto_box_ZEROBYTES = crypto_secretbox_ZEROBYTES, crypto_box_BOXZEROBYTES = crypto_secretbox_BOXZEROBYTES, crypto_sign_BYTES = 64, crypto_sign_PUBLICKEYBYTES = 32, crypto_sign_SECRETKEYBYTES = 64, crypto_sign_SEEDBYTES = 32, crypto_hash_BYTES = 64;
      nacl.lowlevel = {
        crypto_core_hsalsa20,
        crypto_stream_xor,
        crypto_stream,
        crypto_stream_salsa20_xor,
        crypto_stream_salsa20,
        crypto_onetimeauth,
        crypto_onetimeauth_verify,
        crypto_verify_16,
        crypto_verify_32,
        crypto_secretbox,
        crypto_secretbox_open,
        crypto_scalarmult,
        crypto_scalarmult_base,
        crypto_box_beforenm,
        crypto_box_afternm,
        crypto_box,
        crypto_box_open,
        crypto_box_keypair,
        crypto_hash,
        crypto_sign,
        crypto_sign_keypair,
        crypto_sign_open,
        crypto_secretbox_KEYBYTES,
        crypto_secretbox_NONCEBYTES,
        crypto_secretbox_ZEROBYTES,
        crypto_secretbox_BOXZEROBYTES,
        crypto_scalarmult_BYTES,
        crypto_scalarmult_SCALARBYTES,
        crypto_box_PUBLICKEYBYTES,
        crypto_box_SECRETKEYBYTES,
        crypto_box_BEFORENMBYTES,
        crypto_box_NONCEBYTES,
        crypto_box_ZEROBYTES,
        crypto_box_BOXZEROBYTES,
        crypto_sign_BYTES,
        crypto_sign_PUBLICKEYBYTES,
        crypto_sign_SECRETKEYBYTES,
        crypto_sign_SEEDBYTES,
        crypto_hash_BYTES,
        gf,
        D,
        L,
        pack25519,
        unpack25519,
        M,
        A,
        S,
        Z,
        pow2523,
        add,
        set25519,
        modL,
        scalarmult,
        scalarbase
      };
      function checkLengths(k, n) {
        if (k.length !== crypto_secretbox_KEYBYTES) throw new Error("bad key size");
        if (n.length !== crypto_secretbox_NONCEBYTES) throw new Error("bad nonce size");
      }
      function checkBoxLengths(pk, sk) {
        if (pk.length !== crypto_box_PUBLICKEYBYTES) throw new Error("bad public key size");
        if (sk.length !== crypto_box_SECRETKEYBYTES) throw new Error("bad secret key size");
      }
      function checkArrayTypes() {
        for (var i = 0; i < arguments.length; i++)
          if (!(arguments[i] instanceof Uint8Array))
            throw new TypeError("unexpected type, use Uint8Array");
      }
      function cleanup(arr) {
        for (var i = 0; i < arr.length; i++) arr[i] = 0;
      }
      nacl.randomBytes = function(n) {
        var b = new Uint8Array(n);
        return randombytes(b, n), b;
      }, nacl.secretbox = function(msg, nonce, key) {
        checkArrayTypes(msg, nonce, key), checkLengths(key, nonce);
        for (var m = new Uint8Array(crypto_secretbox_ZEROBYTES + msg.length), c = new Uint8Array(m.length), i = 0; i < msg.length; i++) m[i + crypto_secretbox_ZEROBYTES] = msg[i];
        return crypto_secretbox(c, m, m.length, nonce, key), c.subarray(crypto_secretbox_BOXZEROBYTES);
      }, nacl.secretbox.open = function(box, nonce, key) {
        checkArrayTypes(box, nonce, key), checkLengths(key, nonce);
        for (var c = new Uint8Array(crypto_secretbox_BOXZEROBYTES + box.length), m = new Uint8Array(c.length), i = 0; i < box.length; i++) c[i + crypto_secretbox_BOXZEROBYTES] = box[i];
        return c.length < 32 || crypto_secretbox_open(m, c, c.length, nonce, key) !== 0 ? null : m.subarray(crypto_secretbox_ZEROBYTES);
      }, nacl.secretbox.keyLength = crypto_secretbox_KEYBYTES, nacl.secretbox.nonceLength = crypto_secretbox_NONCEBYTES, nacl.secretbox.overheadLength = crypto_secretbox_BOXZEROBYTES, nacl.scalarMult = function(n, p) {
        if (checkArrayTypes(n, p), n.length !== crypto_scalarmult_SCALARBYTES) throw new Error("bad n size");
        if (p.length !== crypto_scalarmult_BYTES) throw new Error("bad p size");
        var q = new Uint8Array(crypto_scalarmult_BYTES);
        return crypto_scalarmult(q, n, p), q;
      }, nacl.scalarMult.base = function(n) {
        if (checkArrayTypes(n), n.length !== crypto_scalarmult_SCALARBYTES) throw new Error("bad n size");
        var q = new Uint8Array(crypto_scalarmult_BYTES);
        return crypto_scalarmult_base(q, n), q;
      }, nacl.scalarMult.scalarLength = crypto_scalarmult_SCALARBYTES, nacl.scalarMult.groupElementLength = crypto_scalarmult_BYTES, nacl.box = function(msg, nonce, publicKey, secretKey) {
        var k = nacl.box.before(publicKey, secretKey);
        return nacl.secretbox(msg, nonce, k);
      }, nacl.box.before = function(publicKey, secretKey) {
        checkArrayTypes(publicKey, secretKey), checkBoxLengths(publicKey, secretKey);
        var k = new Uint8Array(crypto_box_BEFORENMBYTES);
        return crypto_box_beforenm(k, publicKey, secretKey), k;
      }, nacl.box.after = nacl.secretbox, nacl.box.open = function(msg, nonce, publicKey, secretKey) {
        var k = nacl.box.before(publicKey, secretKey);
        return nacl.secretbox.open(msg, nonce, k);
      }, nacl.box.open.after = nacl.secretbox.open, nacl.box.keyPair = function() {
        var pk = new Uint8Array(crypto_box_PUBLICKEYBYTES), sk = new Uint8Array(crypto_box_SECRETKEYBYTES);
        return crypto_box_keypair(pk, sk), { publicKey: pk, secretKey: sk };
      }, nacl.box.keyPair.fromSecretKey = function(secretKey) {
        if (checkArrayTypes(secretKey), secretKey.length !== crypto_box_SECRETKEYBYTES)
          throw new Error("bad secret key size");
        var pk = new Uint8Array(crypto_box_PUBLICKEYBYTES);
        return crypto_scalarmult_base(pk, secretKey), { publicKey: pk, secretKey: new Uint8Array(secretKey) };
      }, nacl.box.publicKeyLength = crypto_box_PUBLICKEYBYTES, nacl.box.secretKeyLength = crypto_box_SECRETKEYBYTES, nacl.box.sharedKeyLength = crypto_box_BEFORENMBYTES, nacl.box.nonceLength = crypto_box_NONCEBYTES, nacl.box.overheadLength = nacl.secretbox.overheadLength, nacl.sign = function(msg, secretKey) {
        if (checkArrayTypes(msg, secretKey), secretKey.length !== crypto_sign_SECRETKEYBYTES)
          throw new Error("bad secret key size");
        var signedMsg = new Uint8Array(crypto_sign_BYTES + msg.length);
        return crypto_sign(signedMsg, msg, msg.length, secretKey), signedMsg;
      }, nacl.sign.open = function(signedMsg, publicKey) {
        if (checkArrayTypes(signedMsg, publicKey), publicKey.length !== crypto_sign_PUBLICKEYBYTES)
          throw new Error("bad public key size");
        var tmp = new Uint8Array(signedMsg.length), mlen = crypto_sign_open(tmp, signedMsg, signedMsg.length, publicKey);
        if (mlen < 0) return null;
        for (var m = new Uint8Array(mlen), i = 0; i < m.length; i++) m[i] = tmp[i];
        return m;
      }, nacl.sign.detached = function(msg, secretKey) {
        for (var signedMsg = nacl.sign(msg, secretKey), sig = new Uint8Array(crypto_sign_BYTES), i = 0; i < sig.length; i++) sig[i] = signedMsg[i];
        return sig;
      }, nacl.sign.detached.verify = function(msg, sig, publicKey) {
        if (checkArrayTypes(msg, sig, publicKey), sig.length !== crypto_sign_BYTES)
          throw new Error("bad signature size");
        if (publicKey.length !== crypto_sign_PUBLICKEYBYTES)
          throw new Error("bad public key size");
        var sm = new Uint8Array(crypto_sign_BYTES + msg.length), m = new Uint8Array(crypto_sign_BYTES + msg.length), i;
        for (i = 0; i < crypto_sign_BYTES; i++) sm[i] = sig[i];
        for (i = 0; i < msg.length; i++) sm[i + crypto_sign_BYTES] = msg[i];
        return crypto_sign_open(m, sm, sm.length, publicKey) >= 0;
      }, nacl.sign.keyPair = function() {
        var pk = new Uint8Array(crypto_sign_PUBLICKEYBYTES), sk = new Uint8Array(crypto_sign_SECRETKEYBYTES);
        return crypto_sign_keypair(pk, sk), { publicKey: pk, secretKey: sk };
      }, nacl.sign.keyPair.fromSecretKey = function(secretKey) {
        if (checkArrayTypes(secretKey), secretKey.length !== crypto_sign_SECRETKEYBYTES)
          throw new Error("bad secret key size");
        for (var pk = new Uint8Array(crypto_sign_PUBLICKEYBYTES), i = 0; i < pk.length; i++) pk[i] = secretKey[32 + i];
        return { publicKey: pk, secretKey: new Uint8Array(secretKey) };
      }, nacl.sign.keyPair.fromSeed = function(seed) {
        if (checkArrayTypes(seed), seed.length !== crypto_sign_SEEDBYTES)
          throw new Error("bad seed size");
        for (var pk = new Uint8Array(crypto_sign_PUBLICKEYBYTES), sk = new Uint8Array(crypto_sign_SECRETKEYBYTES), i = 0; i < 32; i++) sk[i] = seed[i];
        return crypto_sign_keypair(pk, sk, !0), { publicKey: pk, secretKey: sk };
      }, nacl.sign.publicKeyLength = crypto_sign_PUBLICKEYBYTES, nacl.sign.secretKeyLength = crypto_sign_SECRETKEYBYTES, nacl.sign.seedLength = crypto_sign_SEEDBYTES, nacl.sign.signatureLength = crypto_sign_BYTES, nacl.hash = function(msg) {
        checkArrayTypes(msg);
        var h = new Uint8Array(crypto_hash_BYTES);
        return crypto_hash(h, msg, msg.length), h;
      }, nacl.hash.hashLength = crypto_hash_BYTES, nacl.verify = function(x, y) {
        return checkArrayTypes(x, y), x.length === 0 || y.length === 0 || x.length !== y.length ? !1 : vn(x, 0, y, 0, x.length) === 0;
      }, nacl.setPRNG = function(fn) {
        randombytes = fn;
      }, (function() {
        var crypto = typeof self < "u" ? self.crypto || self.msCrypto : null;
        if (crypto && crypto.getRandomValues) {
          var QUOTA = 65536;
          nacl.setPRNG(function(x, n) {
            var i, v = new Uint8Array(n);
            for (i = 0; i < n; i += QUOTA)
              crypto.getRandomValues(v.subarray(i, i + Math.min(n - i, QUOTA)));
            for (i = 0; i < n; i++) x[i] = v[i];
            cleanup(v);
          });
        } else typeof require < "u" && (crypto = require("crypto"), crypto && crypto.randomBytes && nacl.setPRNG(function(x, n) {
          var i, v = crypto.randomBytes(n);
          for (i = 0; i < n; i++) x[i] = v[i];
          cleanup(v);
        }));
      })();
    })(typeof module2 < "u" && module2.exports ? module2.exports : self.nacl = self.nacl || {});
  }
});

// node_modules/@nats-io/nkeys/lib/nacl.js
var require_nacl = __commonJS({
  "node_modules/@nats-io/nkeys/lib/nacl.js"(exports2) {
    "use strict";
    var __importDefault = exports2 && exports2.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { default: mod };
    };
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    var tweetnacl_1 = __importDefault(require_nacl_fast());
    exports2.default = tweetnacl_1.default;
  }
});

// node_modules/@nats-io/nkeys/lib/kp.js
var require_kp = __commonJS({
  "node_modules/@nats-io/nkeys/lib/kp.js"(exports2) {
    "use strict";
    var __importDefault = exports2 && exports2.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { default: mod };
    };
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.KP = void 0;
    var codec_1 = require_codec(), nkeys_1 = require_nkeys(), nacl_1 = __importDefault(require_nacl()), KP = class {
      seed;
      constructor(seed) {
        this.seed = seed;
      }
      getRawSeed() {
        if (!this.seed)
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.ClearedPair);
        return codec_1.Codec.decodeSeed(this.seed).buf;
      }
      getSeed() {
        if (!this.seed)
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.ClearedPair);
        return this.seed;
      }
      getPublicKey() {
        if (!this.seed)
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.ClearedPair);
        let sd = codec_1.Codec.decodeSeed(this.seed), kp = nacl_1.default.sign.keyPair.fromSeed(this.getRawSeed()), buf = codec_1.Codec.encode(sd.prefix, kp.publicKey);
        return new TextDecoder().decode(buf);
      }
      getPrivateKey() {
        if (!this.seed)
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.ClearedPair);
        let kp = nacl_1.default.sign.keyPair.fromSeed(this.getRawSeed());
        return codec_1.Codec.encode(nkeys_1.Prefix.Private, kp.secretKey);
      }
      sign(input) {
        if (!this.seed)
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.ClearedPair);
        let kp = nacl_1.default.sign.keyPair.fromSeed(this.getRawSeed());
        return nacl_1.default.sign.detached(input, kp.secretKey);
      }
      verify(input, sig) {
        if (!this.seed)
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.ClearedPair);
        let kp = nacl_1.default.sign.keyPair.fromSeed(this.getRawSeed());
        return nacl_1.default.sign.detached.verify(input, sig, kp.publicKey);
      }
      clear() {
        this.seed && (this.seed.fill(0), this.seed = void 0);
      }
      seal(_, _recipient, _nonce) {
        throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.InvalidNKeyOperation);
      }
      open(_, _sender) {
        throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.InvalidNKeyOperation);
      }
    };
    exports2.KP = KP;
  }
});

// node_modules/@nats-io/nkeys/lib/public.js
var require_public = __commonJS({
  "node_modules/@nats-io/nkeys/lib/public.js"(exports2) {
    "use strict";
    var __importDefault = exports2 && exports2.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { default: mod };
    };
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.PublicKey = void 0;
    var codec_1 = require_codec(), nkeys_1 = require_nkeys(), nacl_1 = __importDefault(require_nacl()), PublicKey = class {
      publicKey;
      constructor(publicKey) {
        this.publicKey = publicKey;
      }
      getPublicKey() {
        if (!this.publicKey)
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.ClearedPair);
        return new TextDecoder().decode(this.publicKey);
      }
      getPrivateKey() {
        throw this.publicKey ? new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.PublicKeyOnly) : new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.ClearedPair);
      }
      getSeed() {
        throw this.publicKey ? new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.PublicKeyOnly) : new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.ClearedPair);
      }
      sign(_) {
        throw this.publicKey ? new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.CannotSign) : new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.ClearedPair);
      }
      verify(input, sig) {
        if (!this.publicKey)
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.ClearedPair);
        let buf = codec_1.Codec._decode(this.publicKey);
        return nacl_1.default.sign.detached.verify(input, sig, buf.slice(1));
      }
      clear() {
        this.publicKey && (this.publicKey.fill(0), this.publicKey = void 0);
      }
      seal(_, _recipient, _nonce) {
        throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.InvalidNKeyOperation);
      }
      open(_, _sender) {
        throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.InvalidNKeyOperation);
      }
    };
    exports2.PublicKey = PublicKey;
  }
});

// node_modules/@nats-io/nkeys/lib/curve.js
var require_curve = __commonJS({
  "node_modules/@nats-io/nkeys/lib/curve.js"(exports2) {
    "use strict";
    var __importDefault = exports2 && exports2.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { default: mod };
    };
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.CurveKP = exports2.curveNonceLen = exports2.curveKeyLen = void 0;
    var nkeys_1 = require_nkeys(), nacl_1 = __importDefault(require_nacl()), codec_1 = require_codec(), nkeys_2 = require_nkeys(), base32_1 = require_base32(), crc16_1 = require_crc16();
    exports2.curveKeyLen = 32;
    var curveDecodeLen = 35;
    exports2.curveNonceLen = 24;
    var XKeyVersionV1 = [120, 107, 118, 49], CurveKP = class {
      seed;
      constructor(seed) {
        this.seed = seed;
      }
      clear() {
        this.seed && (this.seed.fill(0), this.seed = void 0);
      }
      getPrivateKey() {
        if (!this.seed)
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.ClearedPair);
        return codec_1.Codec.encode(nkeys_2.Prefix.Private, this.seed);
      }
      getPublicKey() {
        if (!this.seed)
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.ClearedPair);
        let pub = nacl_1.default.scalarMult.base(this.seed), buf = codec_1.Codec.encode(nkeys_2.Prefix.Curve, pub);
        return new TextDecoder().decode(buf);
      }
      getSeed() {
        if (!this.seed)
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.ClearedPair);
        return codec_1.Codec.encodeSeed(nkeys_2.Prefix.Curve, this.seed);
      }
      sign() {
        throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.InvalidCurveOperation);
      }
      verify() {
        throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.InvalidCurveOperation);
      }
      decodePubCurveKey(src) {
        try {
          let raw = base32_1.base32.decode(new TextEncoder().encode(src));
          if (raw.byteLength !== curveDecodeLen)
            throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.InvalidCurveKey);
          if (raw[0] !== nkeys_2.Prefix.Curve)
            throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.InvalidPublicKey);
          let checkOffset = raw.byteLength - 2, checksum = new DataView(raw.buffer).getUint16(checkOffset, !0), payload = raw.slice(0, checkOffset);
          if (!crc16_1.crc16.validate(payload, checksum))
            throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.InvalidChecksum);
          return payload.slice(1);
        } catch (ex) {
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.InvalidRecipient, { cause: ex });
        }
      }
      seal(message, recipient, nonce) {
        if (!this.seed)
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.ClearedPair);
        nonce || (nonce = nacl_1.default.randomBytes(exports2.curveNonceLen));
        let pub = this.decodePubCurveKey(recipient), out = new Uint8Array(XKeyVersionV1.length + exports2.curveNonceLen);
        out.set(XKeyVersionV1, 0), out.set(nonce, XKeyVersionV1.length);
        let encrypted = nacl_1.default.box(message, nonce, pub, this.seed), fullMessage = new Uint8Array(out.length + encrypted.length);
        return fullMessage.set(out), fullMessage.set(encrypted, out.length), fullMessage;
      }
      open(message, sender) {
        if (!this.seed)
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.ClearedPair);
        if (message.length <= exports2.curveNonceLen + XKeyVersionV1.length)
          throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.InvalidEncrypted);
        for (let i = 0; i < XKeyVersionV1.length; i++)
          if (message[i] !== XKeyVersionV1[i])
            throw new nkeys_1.NKeysError(nkeys_1.NKeysErrorCode.InvalidEncrypted);
        let pub = this.decodePubCurveKey(sender);
        message = message.slice(XKeyVersionV1.length);
        let nonce = message.slice(0, exports2.curveNonceLen);
        return message = message.slice(exports2.curveNonceLen), nacl_1.default.box.open(message, nonce, pub, this.seed);
      }
    };
    exports2.CurveKP = CurveKP;
  }
});

// node_modules/@nats-io/nkeys/lib/nkeys.js
var require_nkeys = __commonJS({
  "node_modules/@nats-io/nkeys/lib/nkeys.js"(exports2) {
    "use strict";
    var __importDefault = exports2 && exports2.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { default: mod };
    };
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.NKeysError = exports2.NKeysErrorCode = exports2.Prefixes = exports2.Prefix = void 0;
    exports2.createPair = createPair;
    exports2.createOperator = createOperator;
    exports2.createAccount = createAccount;
    exports2.createUser = createUser;
    exports2.createCluster = createCluster;
    exports2.createServer = createServer;
    exports2.createCurve = createCurve;
    exports2.fromPublic = fromPublic;
    exports2.fromCurveSeed = fromCurveSeed;
    exports2.fromSeed = fromSeed;
    var kp_1 = require_kp(), public_1 = require_public(), codec_1 = require_codec(), curve_1 = require_curve(), nacl_1 = __importDefault(require_nacl());
    function createPair(prefix) {
      let len = prefix === Prefix.Curve ? curve_1.curveKeyLen : 32, rawSeed = nacl_1.default.randomBytes(len), str = codec_1.Codec.encodeSeed(prefix, new Uint8Array(rawSeed));
      return prefix === Prefix.Curve ? new curve_1.CurveKP(new Uint8Array(rawSeed)) : new kp_1.KP(str);
    }
    function createOperator() {
      return createPair(Prefix.Operator);
    }
    function createAccount() {
      return createPair(Prefix.Account);
    }
    function createUser() {
      return createPair(Prefix.User);
    }
    function createCluster() {
      return createPair(Prefix.Cluster);
    }
    function createServer() {
      return createPair(Prefix.Server);
    }
    function createCurve() {
      return createPair(Prefix.Curve);
    }
    function fromPublic(src) {
      let ba = new TextEncoder().encode(src), raw = codec_1.Codec._decode(ba), prefix = Prefixes.parsePrefix(raw[0]);
      if (Prefixes.isValidPublicPrefix(prefix))
        return new public_1.PublicKey(ba);
      throw new NKeysError(NKeysErrorCode.InvalidPublicKey);
    }
    function fromCurveSeed(src) {
      let sd = codec_1.Codec.decodeSeed(src);
      if (sd.prefix !== Prefix.Curve)
        throw new NKeysError(NKeysErrorCode.InvalidCurveSeed);
      if (sd.buf.byteLength !== curve_1.curveKeyLen)
        throw new NKeysError(NKeysErrorCode.InvalidSeedLen);
      return new curve_1.CurveKP(sd.buf);
    }
    function fromSeed(src) {
      return codec_1.Codec.decodeSeed(src).prefix === Prefix.Curve ? fromCurveSeed(src) : new kp_1.KP(src);
    }
    var Prefix;
    (function(Prefix2) {
      Prefix2[Prefix2.Unknown = -1] = "Unknown", Prefix2[Prefix2.Seed = 144] = "Seed", Prefix2[Prefix2.Private = 120] = "Private", Prefix2[Prefix2.Operator = 112] = "Operator", Prefix2[Prefix2.Server = 104] = "Server", Prefix2[Prefix2.Cluster = 16] = "Cluster", Prefix2[Prefix2.Account = 0] = "Account", Prefix2[Prefix2.User = 160] = "User", Prefix2[Prefix2.Curve = 184] = "Curve";
    })(Prefix || (exports2.Prefix = Prefix = {}));
    var Prefixes = class {
      static isValidPublicPrefix(prefix) {
        return prefix == Prefix.Server || prefix == Prefix.Operator || prefix == Prefix.Cluster || prefix == Prefix.Account || prefix == Prefix.User || prefix == Prefix.Curve;
      }
      static startsWithValidPrefix(s) {
        let c = s[0];
        return c == "S" || c == "P" || c == "O" || c == "N" || c == "C" || c == "A" || c == "U" || c == "X";
      }
      static isValidPrefix(prefix) {
        return this.parsePrefix(prefix) !== Prefix.Unknown;
      }
      static parsePrefix(v) {
        switch (v) {
          case Prefix.Seed:
            return Prefix.Seed;
          case Prefix.Private:
            return Prefix.Private;
          case Prefix.Operator:
            return Prefix.Operator;
          case Prefix.Server:
            return Prefix.Server;
          case Prefix.Cluster:
            return Prefix.Cluster;
          case Prefix.Account:
            return Prefix.Account;
          case Prefix.User:
            return Prefix.User;
          case Prefix.Curve:
            return Prefix.Curve;
          default:
            return Prefix.Unknown;
        }
      }
    };
    exports2.Prefixes = Prefixes;
    var NKeysErrorCode;
    (function(NKeysErrorCode2) {
      NKeysErrorCode2.InvalidPrefixByte = "nkeys: invalid prefix byte", NKeysErrorCode2.InvalidKey = "nkeys: invalid key", NKeysErrorCode2.InvalidPublicKey = "nkeys: invalid public key", NKeysErrorCode2.InvalidSeedLen = "nkeys: invalid seed length", NKeysErrorCode2.InvalidSeed = "nkeys: invalid seed", NKeysErrorCode2.InvalidCurveSeed = "nkeys: invalid curve seed", NKeysErrorCode2.InvalidCurveKey = "nkeys: not a valid curve key", NKeysErrorCode2.InvalidCurveOperation = "nkeys: curve key is not valid for sign/verify", NKeysErrorCode2.InvalidNKeyOperation = "keys: only curve key can seal/open", NKeysErrorCode2.InvalidEncoding = "nkeys: invalid encoded key", NKeysErrorCode2.InvalidRecipient = "nkeys: not a valid recipient public curve key", NKeysErrorCode2.InvalidEncrypted = "nkeys: encrypted input is not valid", NKeysErrorCode2.CannotSign = "nkeys: cannot sign, no private key available", NKeysErrorCode2.PublicKeyOnly = "nkeys: no seed or private key available", NKeysErrorCode2.InvalidChecksum = "nkeys: invalid checksum", NKeysErrorCode2.SerializationError = "nkeys: serialization error", NKeysErrorCode2.ApiError = "nkeys: api error", NKeysErrorCode2.ClearedPair = "nkeys: pair is cleared";
    })(NKeysErrorCode || (exports2.NKeysErrorCode = NKeysErrorCode = {}));
    var NKeysError = class extends Error {
      code;
      constructor(code, options) {
        super(code, options), this.code = code;
      }
    };
    exports2.NKeysError = NKeysError;
  }
});

// node_modules/@nats-io/nkeys/lib/util.js
var require_util2 = __commonJS({
  "node_modules/@nats-io/nkeys/lib/util.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.encode = encode2;
    exports2.decode = decode2;
    exports2.dump = dump;
    function encode2(bytes) {
      return btoa(String.fromCharCode(...bytes));
    }
    function decode2(b64str) {
      let bin = atob(b64str), bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++)
        bytes[i] = bin.charCodeAt(i);
      return bytes;
    }
    function dump(buf, msg) {
      msg && console.log(msg);
      let a = [];
      for (let i = 0; i < buf.byteLength; i++) {
        i % 8 === 0 && a.push(`
`);
        let v = buf[i].toString(16);
        v.length === 1 && (v = "0" + v), a.push(v);
      }
      console.log(a.join("  "));
    }
  }
});

// node_modules/@nats-io/nkeys/lib/version.js
var require_version = __commonJS({
  "node_modules/@nats-io/nkeys/lib/version.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.version = void 0;
    exports2.version = "2.0.3";
  }
});

// node_modules/@nats-io/nkeys/lib/mod.js
var require_mod2 = __commonJS({
  "node_modules/@nats-io/nkeys/lib/mod.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.version = exports2.encode = exports2.decode = exports2.Prefixes = exports2.Prefix = exports2.NKeysErrorCode = exports2.NKeysError = exports2.fromSeed = exports2.fromPublic = exports2.fromCurveSeed = exports2.createUser = exports2.createServer = exports2.createPair = exports2.createOperator = exports2.createCurve = exports2.createCluster = exports2.createAccount = void 0;
    var nkeys_1 = require_nkeys();
    Object.defineProperty(exports2, "createAccount", { enumerable: !0, get: function() {
      return nkeys_1.createAccount;
    } });
    Object.defineProperty(exports2, "createCluster", { enumerable: !0, get: function() {
      return nkeys_1.createCluster;
    } });
    Object.defineProperty(exports2, "createCurve", { enumerable: !0, get: function() {
      return nkeys_1.createCurve;
    } });
    Object.defineProperty(exports2, "createOperator", { enumerable: !0, get: function() {
      return nkeys_1.createOperator;
    } });
    Object.defineProperty(exports2, "createPair", { enumerable: !0, get: function() {
      return nkeys_1.createPair;
    } });
    Object.defineProperty(exports2, "createServer", { enumerable: !0, get: function() {
      return nkeys_1.createServer;
    } });
    Object.defineProperty(exports2, "createUser", { enumerable: !0, get: function() {
      return nkeys_1.createUser;
    } });
    Object.defineProperty(exports2, "fromCurveSeed", { enumerable: !0, get: function() {
      return nkeys_1.fromCurveSeed;
    } });
    Object.defineProperty(exports2, "fromPublic", { enumerable: !0, get: function() {
      return nkeys_1.fromPublic;
    } });
    Object.defineProperty(exports2, "fromSeed", { enumerable: !0, get: function() {
      return nkeys_1.fromSeed;
    } });
    Object.defineProperty(exports2, "NKeysError", { enumerable: !0, get: function() {
      return nkeys_1.NKeysError;
    } });
    Object.defineProperty(exports2, "NKeysErrorCode", { enumerable: !0, get: function() {
      return nkeys_1.NKeysErrorCode;
    } });
    Object.defineProperty(exports2, "Prefix", { enumerable: !0, get: function() {
      return nkeys_1.Prefix;
    } });
    Object.defineProperty(exports2, "Prefixes", { enumerable: !0, get: function() {
      return nkeys_1.Prefixes;
    } });
    var util_1 = require_util2();
    Object.defineProperty(exports2, "decode", { enumerable: !0, get: function() {
      return util_1.decode;
    } });
    Object.defineProperty(exports2, "encode", { enumerable: !0, get: function() {
      return util_1.encode;
    } });
    var version_1 = require_version();
    Object.defineProperty(exports2, "version", { enumerable: !0, get: function() {
      return version_1.version;
    } });
  }
});

// node_modules/@nats-io/nats-core/lib/nkeys.js
var require_nkeys2 = __commonJS({
  "node_modules/@nats-io/nats-core/lib/nkeys.js"(exports2) {
    "use strict";
    var __createBinding = exports2 && exports2.__createBinding || (Object.create ? (function(o, m, k, k2) {
      k2 === void 0 && (k2 = k);
      var desc = Object.getOwnPropertyDescriptor(m, k);
      (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) && (desc = { enumerable: !0, get: function() {
        return m[k];
      } }), Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      k2 === void 0 && (k2 = k), o[k2] = m[k];
    })), __setModuleDefault = exports2 && exports2.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: !0, value: v });
    }) : function(o, v) {
      o.default = v;
    }), __importStar = exports2 && exports2.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = function(o) {
        return ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) Object.prototype.hasOwnProperty.call(o2, k) && (ar[ar.length] = k);
          return ar;
        }, ownKeys(o);
      };
      return function(mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) k[i] !== "default" && __createBinding(result, mod, k[i]);
        return __setModuleDefault(result, mod), result;
      };
    })();
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.nkeys = void 0;
    exports2.nkeys = __importStar(require_mod2());
  }
});

// node_modules/@nats-io/nats-core/lib/authenticator.js
var require_authenticator = __commonJS({
  "node_modules/@nats-io/nats-core/lib/authenticator.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.multiAuthenticator = multiAuthenticator;
    exports2.noAuthFn = noAuthFn;
    exports2.usernamePasswordAuthenticator = usernamePasswordAuthenticator2;
    exports2.tokenAuthenticator = tokenAuthenticator;
    exports2.nkeyAuthenticator = nkeyAuthenticator2;
    exports2.jwtAuthenticator = jwtAuthenticator;
    exports2.credsAuthenticator = credsAuthenticator2;
    var nkeys_1 = require_nkeys2(), encoders_1 = require_encoders();
    function multiAuthenticator(authenticators) {
      return (nonce) => {
        let auth = {};
        return authenticators.forEach((a) => {
          let args = a(nonce) || {};
          auth = Object.assign(auth, args);
        }), auth;
      };
    }
    function noAuthFn() {
      return () => {
      };
    }
    function usernamePasswordAuthenticator2(user, pass) {
      return () => {
        let u = typeof user == "function" ? user() : user, p = typeof pass == "function" ? pass() : pass;
        return { user: u, pass: p };
      };
    }
    function tokenAuthenticator(token2) {
      return () => ({ auth_token: typeof token2 == "function" ? token2() : token2 });
    }
    function nkeyAuthenticator2(seed) {
      return (nonce) => {
        let s = typeof seed == "function" ? seed() : seed, kp = s ? nkeys_1.nkeys.fromSeed(s) : void 0, nkey = kp ? kp.getPublicKey() : "", challenge = encoders_1.TE.encode(nonce || ""), sigBytes = kp !== void 0 && nonce ? kp.sign(challenge) : void 0, sig = sigBytes ? nkeys_1.nkeys.encode(sigBytes) : "";
        return { nkey, sig };
      };
    }
    function jwtAuthenticator(ajwt, seed) {
      return (nonce) => {
        let jwt = typeof ajwt == "function" ? ajwt() : ajwt, fn = nkeyAuthenticator2(seed), { nkey, sig } = fn(nonce);
        return { jwt, nkey, sig };
      };
    }
    function credsAuthenticator2(creds) {
      let fn = typeof creds != "function" ? () => creds : creds, parse = () => {
        let CREDS = /\s*(?:(?:[-]{3,}[^\n]*[-]{3,}\n)(.+)(?:\n\s*[-]{3,}[^\n]*[-]{3,}\n))/ig, s = encoders_1.TD.decode(fn()), m = CREDS.exec(s);
        if (!m)
          throw new Error("unable to parse credentials");
        let jwt = m[1].trim();
        if (m = CREDS.exec(s), !m)
          throw new Error("unable to parse credentials");
        let seed = encoders_1.TE.encode(m[1].trim());
        return { jwt, seed };
      };
      return jwtAuthenticator(() => {
        let { jwt } = parse();
        return jwt;
      }, () => {
        let { seed } = parse();
        return seed;
      });
    }
  }
});

// node_modules/@nats-io/nats-core/lib/options.js
var require_options = __commonJS({
  "node_modules/@nats-io/nats-core/lib/options.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.DEFAULT_RECONNECT_TIME_WAIT = exports2.DEFAULT_MAX_PING_OUT = exports2.DEFAULT_PING_INTERVAL = exports2.DEFAULT_JITTER_TLS = exports2.DEFAULT_JITTER = exports2.DEFAULT_MAX_RECONNECT_ATTEMPTS = void 0;
    exports2.defaultOptions = defaultOptions;
    exports2.hasWsProtocol = hasWsProtocol;
    exports2.buildAuthenticator = buildAuthenticator;
    exports2.parseOptions = parseOptions;
    exports2.checkOptions = checkOptions;
    exports2.checkUnsupportedOption = checkUnsupportedOption;
    var util_1 = require_util(), transport_1 = require_transport(), core_1 = require_core(), authenticator_1 = require_authenticator(), errors_1 = require_errors();
    exports2.DEFAULT_MAX_RECONNECT_ATTEMPTS = 10;
    exports2.DEFAULT_JITTER = 100;
    exports2.DEFAULT_JITTER_TLS = 1e3;
    exports2.DEFAULT_PING_INTERVAL = 120 * 1e3;
    exports2.DEFAULT_MAX_PING_OUT = 2;
    exports2.DEFAULT_RECONNECT_TIME_WAIT = 2 * 1e3;
    function defaultOptions() {
      return {
        maxPingOut: exports2.DEFAULT_MAX_PING_OUT,
        maxReconnectAttempts: exports2.DEFAULT_MAX_RECONNECT_ATTEMPTS,
        noRandomize: !1,
        pedantic: !1,
        pingInterval: exports2.DEFAULT_PING_INTERVAL,
        reconnect: !0,
        reconnectJitter: exports2.DEFAULT_JITTER,
        reconnectJitterTLS: exports2.DEFAULT_JITTER_TLS,
        reconnectTimeWait: exports2.DEFAULT_RECONNECT_TIME_WAIT,
        tls: void 0,
        verbose: !1,
        waitOnFirstConnect: !1,
        ignoreAuthErrorAbort: !1
      };
    }
    function hasWsProtocol(opts) {
      if (opts) {
        let { servers } = opts;
        if (typeof servers == "string" && (servers = [servers]), servers)
          for (let i = 0; i < servers.length; i++) {
            let s = servers[i].toLowerCase();
            if (s.startsWith("ws://") || s.startsWith("wss://"))
              return !0;
          }
      }
      return !1;
    }
    function buildAuthenticator(opts) {
      let buf = [];
      return typeof opts.authenticator == "function" && buf.push(opts.authenticator), Array.isArray(opts.authenticator) && buf.push(...opts.authenticator), opts.token && buf.push((0, authenticator_1.tokenAuthenticator)(opts.token)), opts.user && buf.push((0, authenticator_1.usernamePasswordAuthenticator)(opts.user, opts.pass)), buf.length === 0 ? (0, authenticator_1.noAuthFn)() : (0, authenticator_1.multiAuthenticator)(buf);
    }
    function parseOptions(opts) {
      let dhp = `${core_1.DEFAULT_HOST}:${(0, transport_1.defaultPort)()}`;
      if (opts = opts || { servers: [dhp] }, opts.servers = opts.servers || [], typeof opts.servers == "string" && (opts.servers = [opts.servers]), opts.servers.length > 0 && opts.port)
        throw errors_1.InvalidArgumentError.format(["servers", "port"], "are mutually exclusive");
      opts.servers.length === 0 && opts.port && (opts.servers = [`${core_1.DEFAULT_HOST}:${opts.port}`]), opts.servers && opts.servers.length === 0 && (opts.servers = [dhp]);
      let options = (0, util_1.extend)(defaultOptions(), opts);
      if (options.authenticator = buildAuthenticator(options), ["reconnectDelayHandler", "authenticator"].forEach((n) => {
        if (options[n] && typeof options[n] != "function")
          throw TypeError(`'${n}' must be a function`);
      }), options.reconnectDelayHandler || (options.reconnectDelayHandler = () => {
        let extra = options.tls ? options.reconnectJitterTLS : options.reconnectJitter;
        return extra && (extra++, extra = Math.floor(Math.random() * extra)), options.reconnectTimeWait + extra;
      }), options.inboxPrefix && (0, core_1.createInbox)(options.inboxPrefix), options.resolve === void 0 && (options.resolve = typeof (0, transport_1.getResolveFn)() == "function"), options.resolve && typeof (0, transport_1.getResolveFn)() != "function")
        throw errors_1.InvalidArgumentError.format("resolve", "is not supported in the current runtime");
      return options;
    }
    function checkOptions(info, options) {
      let { proto, tls_required: tlsRequired, tls_available: tlsAvailable } = info;
      if ((proto === void 0 || proto < 1) && options.noEcho)
        throw new errors_1.errors.ConnectionError("server does not support 'noEcho'");
      let tls = tlsRequired || tlsAvailable || !1;
      if (options.tls && !tls)
        throw new errors_1.errors.ConnectionError("server does not support 'tls'");
    }
    function checkUnsupportedOption(prop, v) {
      if (v)
        throw errors_1.InvalidArgumentError.format(prop, "is not supported");
    }
  }
});

// node_modules/@nats-io/nats-core/lib/protocol.js
var require_protocol = __commonJS({
  "node_modules/@nats-io/nats-core/lib/protocol.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.ProtocolHandler = exports2.Subscriptions = exports2.SubscriptionImpl = exports2.Connect = exports2.INFO = void 0;
    var encoders_1 = require_encoders(), transport_1 = require_transport(), util_1 = require_util(), databuffer_1 = require_databuffer(), servers_1 = require_servers(), queued_iterator_1 = require_queued_iterator(), muxsubscription_1 = require_muxsubscription(), heartbeats_1 = require_heartbeats(), parser_1 = require_parser(), msg_1 = require_msg(), semver_1 = require_semver(), options_1 = require_options(), errors_1 = require_errors(), FLUSH_THRESHOLD = 1024 * 32;
    exports2.INFO = /^INFO\s+([^\r\n]+)\r\n/i;
    var PONG_CMD = (0, encoders_1.encode)(`PONG\r
`), PING_CMD = (0, encoders_1.encode)(`PING\r
`), ERR_RECONNECT_HANDLER_FAILED = "client option reconnectToServer handler failed", ERR_RECONNECT_HANDLER_NOT_IN_POOL = "returned server is not in the pool";
    function isDelayedServer(x) {
      return x !== null && typeof x == "object" && "server" in x && "delay" in x;
    }
    var Connect = class {
      echo;
      no_responders;
      protocol;
      verbose;
      pedantic;
      jwt;
      nkey;
      sig;
      user;
      pass;
      auth_token;
      tls_required;
      name;
      lang;
      version;
      headers;
      constructor(transport, opts, nonce) {
        this.protocol = 1, this.version = transport.version, this.lang = transport.lang, this.echo = opts.noEcho ? !1 : void 0, this.verbose = opts.verbose, this.pedantic = opts.pedantic, this.tls_required = opts.tls ? !0 : void 0, this.name = opts.name;
        let creds = (opts && typeof opts.authenticator == "function" ? opts.authenticator(nonce) : {}) || {};
        (0, util_1.extend)(this, creds);
      }
    };
    exports2.Connect = Connect;
    var SlowNotifier = class {
      slow;
      cb;
      notified;
      constructor(slow, cb) {
        this.slow = slow, this.cb = cb, this.notified = !1;
      }
      maybeNotify(pending) {
        pending <= this.slow ? this.notified = !1 : this.notified || (this.cb(pending), this.notified = !0);
      }
    }, SubscriptionImpl = class extends queued_iterator_1.QueuedIteratorImpl {
      sid;
      queue;
      draining;
      max;
      subject;
      drained;
      protocol;
      timer;
      info;
      cleanupFn;
      closed;
      requestSubject;
      slow;
      constructor(protocol, subject, opts = {}) {
        super(), (0, util_1.extend)(this, opts), this.protocol = protocol, this.subject = subject, this.draining = !1, this.noIterator = typeof opts.callback == "function", this.closed = (0, util_1.deferred)();
        let asyncTraces = !protocol.options?.noAsyncTraces;
        opts.timeout && (this.timer = (0, util_1.timeout)(opts.timeout, asyncTraces), this.timer.then(() => {
          this.timer = void 0;
        }).catch((err) => {
          this.stop(err), this.noIterator && this.callback(err, {});
        })), this.noIterator || this.iterClosed.then((err) => {
          this.closed.resolve(err), this.unsubscribe();
        });
      }
      setSlowNotificationFn(slow, fn) {
        if (this.slow = void 0, fn) {
          if (this.noIterator)
            throw new Error("callbacks don't support slow notifications");
          this.slow = new SlowNotifier(slow, fn);
        }
      }
      callback(err, msg) {
        this.cancelTimeout(), err ? this.stop(err) : this.push(msg), !err && this.slow && this.slow.maybeNotify(this.getPending());
      }
      close(err) {
        if (!this.isClosed()) {
          this.cancelTimeout();
          let fn = () => {
            if (this.stop(), this.cleanupFn)
              try {
                this.cleanupFn(this, this.info);
              } catch {
              }
            this.closed.resolve(err);
          };
          this.noIterator ? fn() : this.push(fn);
        }
      }
      unsubscribe(max) {
        this.protocol.unsubscribe(this, max);
      }
      cancelTimeout() {
        this.timer && (this.timer.cancel(), this.timer = void 0);
      }
      drain() {
        return this.protocol.isClosed() ? Promise.reject(new errors_1.errors.ClosedConnectionError()) : this.isClosed() ? Promise.reject(new errors_1.errors.InvalidOperationError("subscription is already closed")) : (this.drained || (this.draining = !0, this.protocol.unsub(this), this.drained = this.protocol.flush((0, util_1.deferred)()).then(() => {
          this.protocol.subscriptions.cancel(this);
        }).catch(() => {
          this.protocol.subscriptions.cancel(this);
        })), this.drained);
      }
      async [Symbol.asyncDispose]() {
        if (!(this.protocol.isClosed() || this.isClosed())) {
          if (this.drained) {
            await this.drained;
            return;
          }
          await this.drain();
        }
      }
      isDraining() {
        return this.draining;
      }
      isClosed() {
        return this.done;
      }
      getSubject() {
        return this.subject;
      }
      getMax() {
        return this.max;
      }
      getID() {
        return this.sid;
      }
    };
    exports2.SubscriptionImpl = SubscriptionImpl;
    var Subscriptions = class {
      mux;
      subs;
      sidCounter;
      constructor() {
        this.sidCounter = 0, this.mux = null, this.subs = /* @__PURE__ */ new Map();
      }
      size() {
        return this.subs.size;
      }
      add(s) {
        return this.sidCounter++, s.sid = this.sidCounter, this.subs.set(s.sid, s), s;
      }
      setMux(s) {
        return this.mux = s, s;
      }
      getMux() {
        return this.mux;
      }
      get(sid) {
        return this.subs.get(sid);
      }
      resub(s) {
        return this.sidCounter++, this.subs.delete(s.sid), s.sid = this.sidCounter, this.subs.set(s.sid, s), s;
      }
      all() {
        return Array.from(this.subs.values());
      }
      cancel(s) {
        s && (s.close(), this.subs.delete(s.sid));
      }
      handleError(err) {
        let subs = this.all(), sub;
        return err.operation === "subscription" ? sub = subs.find((s) => s.subject === err.subject && s.queue === err.queue) : err.operation === "publish" && (sub = subs.find((s) => s.requestSubject === err.subject)), sub ? (sub.callback(err, {}), sub.close(err), this.subs.delete(sub.sid), sub !== this.mux) : !1;
      }
      close() {
        this.subs.forEach((sub) => {
          sub.close();
        });
      }
    };
    exports2.Subscriptions = Subscriptions;
    var ProtocolHandler = class _ProtocolHandler {
      connected;
      connectedOnce;
      infoReceived;
      info;
      muxSubscriptions;
      options;
      outbound;
      pongs;
      subscriptions;
      transport;
      noMorePublishing;
      connectError;
      publisher;
      _closed;
      closed;
      listeners;
      heartbeats;
      parser;
      outMsgs;
      inMsgs;
      outBytes;
      inBytes;
      pendingLimit;
      lastError;
      abortReconnect;
      whyClosed;
      servers;
      server;
      features;
      connectPromise;
      dialDelay;
      raceTimer;
      constructor(options, publisher) {
        this._closed = !1, this.connected = !1, this.connectedOnce = !1, this.infoReceived = !1, this.noMorePublishing = !1, this.abortReconnect = !1, this.listeners = [], this.pendingLimit = FLUSH_THRESHOLD, this.outMsgs = 0, this.inMsgs = 0, this.outBytes = 0, this.inBytes = 0, this.options = options, this.publisher = publisher, this.subscriptions = new Subscriptions(), this.muxSubscriptions = new muxsubscription_1.MuxSubscription(), this.outbound = new databuffer_1.DataBuffer(), this.pongs = [], this.whyClosed = "", this.pendingLimit = options.pendingLimit || this.pendingLimit, this.features = new semver_1.Features({ major: 0, minor: 0, micro: 0 }), this.connectPromise = null, this.dialDelay = null;
        let servers = typeof options.servers == "string" ? [options.servers] : options.servers;
        this.servers = new servers_1.Servers({
          randomize: !options.noRandomize
        }), this.servers.setServers(servers), this.closed = (0, util_1.deferred)(), this.parser = new parser_1.Parser(this), this.heartbeats = new heartbeats_1.Heartbeat(this, this.options.pingInterval || options_1.DEFAULT_PING_INTERVAL, this.options.maxPingOut || options_1.DEFAULT_MAX_PING_OUT);
      }
      resetOutbound() {
        this.outbound.reset();
        let pongs = this.pongs;
        this.pongs = [];
        let err = new errors_1.errors.RequestError("connection disconnected");
        err.stack = "", pongs.forEach((p) => {
          p.reject(err);
        }), this.parser = new parser_1.Parser(this), this.infoReceived = !1;
      }
      dispatchStatus(status) {
        this.listeners.forEach((q) => {
          q.push(status);
        });
      }
      prepare() {
        this.transport && this.transport.discard(), this.info = void 0, this.resetOutbound();
        let pong = (0, util_1.deferred)();
        return pong.catch(() => {
        }), this.pongs.unshift(pong), this.connectError = (err) => {
          pong.reject(err);
        }, this.transport = (0, transport_1.newTransport)(), this.transport.closed().then(async (_err) => {
          if (this.connected = !1, !this.isClosed()) {
            await this.disconnected(this.transport.closeError || this.lastError);
            return;
          }
        }), pong;
      }
      disconnect() {
        this.dispatchStatus({ type: "staleConnection" }), this.transport.disconnect();
      }
      reconnect() {
        return this.connected && (this.dispatchStatus({
          type: "forceReconnect"
        }), this.transport.disconnect()), Promise.resolve();
      }
      async disconnected(err) {
        this.dispatchStatus({
          type: "disconnect",
          server: this.servers.getCurrentServer().toString()
        }), this.options.reconnect ? await this.dialLoop().then(() => {
          this.dispatchStatus({
            type: "reconnect",
            server: this.servers.getCurrentServer().toString()
          }), this.lastError instanceof errors_1.errors.UserAuthenticationExpiredError && (this.lastError = void 0);
        }).catch((err2) => {
          this.close(err2).catch();
        }) : await this.close(err).catch();
      }
      async dial(srv) {
        let pong = this.prepare();
        try {
          this.raceTimer = (0, util_1.timeout)(this.options.timeout || 2e4);
          let cp = this.transport.connect(srv, this.options);
          await Promise.race([cp, this.raceTimer]), (async () => {
            try {
              for await (let b of this.transport)
                this.parser.parse(b);
            } catch (err) {
              console.log("reader closed", err);
            }
          })().then();
        } catch (err) {
          pong.reject(err);
        }
        try {
          await Promise.race([this.raceTimer, pong]), this.raceTimer?.cancel(), this.connected = !0, this.connectError = void 0, this.sendSubscriptions(), this.connectedOnce = !0, this.server.didConnect = !0, this.server.reconnects = 0, this.flushPending(), this.heartbeats.start();
        } catch (err) {
          throw this.raceTimer?.cancel(), await this.transport.close(err), err;
        }
      }
      async _doDial(srv) {
        let { resolve } = this.options, alts = await srv.resolve({
          fn: (0, transport_1.getResolveFn)(),
          debug: this.options.debug,
          randomize: !this.options.noRandomize,
          resolve
        }), lastErr = null;
        for (let a of alts)
          try {
            lastErr = null, this.dispatchStatus({ type: "reconnecting" }), await this.dial(a);
            return;
          } catch (err) {
            lastErr = err;
          }
        throw lastErr;
      }
      dialLoop() {
        return this.connectPromise === null && (this.connectPromise = this.dodialLoop(), this.connectPromise.then(() => {
        }).catch(() => {
        }).finally(() => {
          this.connectPromise = null;
        })), this.connectPromise;
      }
      async dodialLoop() {
        let lastError;
        for (; ; ) {
          this._closed && this.servers.clear();
          let wait = this.options.reconnectDelayHandler ? this.options.reconnectDelayHandler() : options_1.DEFAULT_RECONNECT_TIME_WAIT, maxWait = wait, srv = this.selectServer();
          if (!srv || this.abortReconnect)
            throw lastError || (this.lastError ? this.lastError : new errors_1.errors.ConnectionError("connection refused"));
          let now = Date.now();
          if (srv.lastConnect === 0 || srv.lastConnect + wait <= now) {
            let target = srv, extraDelay = 0;
            if (this.options.reconnectToServer)
              try {
                let snap = this.servers.snapshotForHandler(), r = this.options.reconnectToServer(snap, this.info ?? null), picked;
                if (isDelayedServer(r) ? (picked = r.server, extraDelay = Number.isFinite(r.delay) && r.delay > 0 ? Math.floor(r.delay) : 0) : picked = r, picked !== null) {
                  let found = this.servers.find(picked);
                  if (!found)
                    throw new Error(ERR_RECONNECT_HANDLER_NOT_IN_POOL);
                  found !== srv && (target = found, this.servers.setCurrent(target), this.server = target);
                }
              } catch (cause) {
                let c = cause instanceof Error ? cause : new Error(String(cause));
                throw new errors_1.errors.ConnectionError(`${ERR_RECONNECT_HANDLER_FAILED}: ${c.message}`, { cause: c });
              }
            extraDelay > 0 && (this.dialDelay = (0, util_1.delay)(extraDelay), await this.dialDelay), target.lastConnect = Date.now();
            try {
              await this._doDial(target);
              break;
            } catch (err) {
              if (lastError = err, !this.connectedOnce) {
                if (this.options.waitOnFirstConnect)
                  continue;
                this.servers.removeCurrentServer();
              }
              target.reconnects++;
              let mra = this.options.maxReconnectAttempts || 0;
              mra !== -1 && target.reconnects >= mra && this.servers.removeCurrentServer();
            }
          } else
            maxWait = Math.min(maxWait, srv.lastConnect + wait - now), this.dialDelay = (0, util_1.delay)(maxWait), await this.dialDelay;
        }
      }
      static async connect(options, publisher) {
        let h = new _ProtocolHandler(options, publisher);
        return await h.dialLoop(), h;
      }
      static toError(s) {
        let err = errors_1.errors.PermissionViolationError.parse(s);
        return err || (err = errors_1.errors.UserAuthenticationExpiredError.parse(s), err) || (err = errors_1.errors.AuthorizationError.parse(s), err) ? err : new errors_1.errors.ProtocolError(s);
      }
      processMsg(msg, data) {
        if (this.inMsgs++, this.inBytes += data.length, !this.subscriptions.sidCounter)
          return;
        let sub = this.subscriptions.get(msg.sid);
        sub && (sub.received += 1, sub.callback && sub.callback(null, new msg_1.MsgImpl(msg, data, this)), sub.max !== void 0 && sub.received >= sub.max && sub.unsubscribe());
      }
      processError(m) {
        let s = (0, encoders_1.decode)(m);
        s.startsWith("'") && s.endsWith("'") && (s = s.slice(1, s.length - 1));
        let err = _ProtocolHandler.toError(s);
        if (err.constructor === errors_1.errors.PermissionViolationError) {
          let pe = err, mux = this.subscriptions.getMux(), isMuxPermission = mux ? pe.subject === mux.subject : !1;
          this.subscriptions.handleError(pe), this.muxSubscriptions.handleError(isMuxPermission, pe), isMuxPermission && this.subscriptions.setMux(null);
        }
        this.dispatchStatus({ type: "error", error: err }), this.handleError(err);
      }
      handleError(err) {
        (err instanceof errors_1.errors.UserAuthenticationExpiredError || err instanceof errors_1.errors.AuthorizationError) && this.handleAuthError(err), err instanceof errors_1.errors.PermissionViolationError || (this.lastError = err);
      }
      handleAuthError(err) {
        (this.lastError instanceof errors_1.errors.UserAuthenticationExpiredError || this.lastError instanceof errors_1.errors.AuthorizationError) && this.options.ignoreAuthErrorAbort === !1 && (this.abortReconnect = !0), this.connectError ? this.connectError(err) : this.disconnect();
      }
      processPing() {
        this.transport.send(PONG_CMD);
      }
      processPong() {
        let cb = this.pongs.shift();
        cb && cb.resolve();
      }
      processInfo(m) {
        let info = JSON.parse((0, encoders_1.decode)(m));
        this.info = info;
        let updates = this.options && this.options.ignoreClusterUpdates ? void 0 : this.servers.update(info, this.transport.isEncrypted());
        if (!this.infoReceived) {
          this.features.update((0, semver_1.parseSemVer)(info.version)), this.infoReceived = !0, this.transport.isEncrypted() && this.servers.updateTLSName();
          let { version, lang } = this.transport;
          try {
            let c = new Connect({ version, lang }, this.options, info.nonce);
            info.headers && (c.headers = !0, c.no_responders = !0);
            let cs = JSON.stringify(c);
            this.transport.send((0, encoders_1.encode)(`CONNECT ${cs}${transport_1.CR_LF}`)), this.transport.send(PING_CMD);
          } catch (err) {
            this.close(err).catch();
          }
        }
        if (updates) {
          let { added, deleted } = updates;
          this.dispatchStatus({ type: "update", added, deleted });
        }
        info.ldm !== void 0 && info.ldm && this.dispatchStatus({
          type: "ldm",
          server: this.servers.getCurrentServer().toString()
        });
      }
      push(e) {
        switch (e.kind) {
          case parser_1.Kind.MSG: {
            let { msg, data } = e;
            this.processMsg(msg, data);
            break;
          }
          case parser_1.Kind.OK:
            break;
          case parser_1.Kind.ERR:
            this.processError(e.data);
            break;
          case parser_1.Kind.PING:
            this.processPing();
            break;
          case parser_1.Kind.PONG:
            this.processPong();
            break;
          case parser_1.Kind.INFO:
            this.processInfo(e.data);
            break;
        }
      }
      sendCommand(cmd, ...payloads) {
        let len = this.outbound.length(), buf;
        typeof cmd == "string" ? buf = (0, encoders_1.encode)(cmd) : buf = cmd, this.outbound.fill(buf, ...payloads), len === 0 ? queueMicrotask(() => {
          this.flushPending();
        }) : this.outbound.size() >= this.pendingLimit && this.flushPending();
      }
      publish(subject, payload = encoders_1.Empty, options) {
        let data;
        if (payload instanceof Uint8Array)
          data = payload;
        else if (typeof payload == "string")
          data = encoders_1.TE.encode(payload);
        else
          throw new TypeError("payload types can be strings or Uint8Array");
        let len = data.length;
        options = options || {}, options.reply = options.reply || "";
        let headers = encoders_1.Empty, hlen = 0;
        if (options.headers && (this.info && !this.info.headers && errors_1.InvalidArgumentError.format("headers", "are not available on this server"), headers = options.headers.encode(), hlen = headers.length, len = data.length + hlen), this.info && len > this.info.max_payload)
          throw errors_1.InvalidArgumentError.format("payload", "max_payload size exceeded");
        this.outBytes += len, this.outMsgs++;
        let proto;
        options.headers ? (options.reply ? proto = `HPUB ${subject} ${options.reply} ${hlen} ${len}\r
` : proto = `HPUB ${subject} ${hlen} ${len}\r
`, this.sendCommand(proto, headers, data, transport_1.CRLF)) : (options.reply ? proto = `PUB ${subject} ${options.reply} ${len}\r
` : proto = `PUB ${subject} ${len}\r
`, this.sendCommand(proto, data, transport_1.CRLF));
      }
      request(r) {
        return this.initMux(), this.muxSubscriptions.add(r), r;
      }
      subscribe(s) {
        return this.subscriptions.add(s), this._subunsub(s), s;
      }
      _sub(s) {
        s.queue ? this.sendCommand(`SUB ${s.subject} ${s.queue} ${s.sid}\r
`) : this.sendCommand(`SUB ${s.subject} ${s.sid}\r
`);
      }
      _subunsub(s) {
        return this._sub(s), s.max && this.unsubscribe(s, s.max), s;
      }
      unsubscribe(s, max) {
        this.unsub(s, max), (s.max === void 0 || s.received >= s.max) && this.subscriptions.cancel(s);
      }
      unsub(s, max) {
        !s || this.isClosed() || (max ? this.sendCommand(`UNSUB ${s.sid} ${max}\r
`) : this.sendCommand(`UNSUB ${s.sid}\r
`), s.max = max);
      }
      resub(s, subject) {
        !s || this.isClosed() || (this.unsub(s), s.subject = subject, this.subscriptions.resub(s), this._sub(s));
      }
      flush(p) {
        return p || (p = (0, util_1.deferred)()), this.pongs.push(p), this.outbound.fill(PING_CMD), this.flushPending(), p;
      }
      sendSubscriptions() {
        let cmds = [];
        this.subscriptions.all().forEach((s) => {
          let sub = s;
          sub.queue ? cmds.push(`SUB ${sub.subject} ${sub.queue} ${sub.sid}${transport_1.CR_LF}`) : cmds.push(`SUB ${sub.subject} ${sub.sid}${transport_1.CR_LF}`);
        }), cmds.length && this.transport.send((0, encoders_1.encode)(cmds.join("")));
      }
      async close(err) {
        if (this._closed)
          return;
        this.whyClosed = new Error("close trace").stack || "", this.heartbeats.cancel(), this.connectError && (this.connectError(err), this.connectError = void 0), this.muxSubscriptions.close(), this.subscriptions.close();
        let proms = [];
        for (let i = 0; i < this.listeners.length; i++) {
          let qi = this.listeners[i];
          qi && (qi.push({ type: "close" }), qi.stop(), proms.push(qi.iterClosed));
        }
        proms.length && await Promise.all(proms), this._closed = !0, await this.transport.close(err), this.raceTimer?.cancel(), this.dialDelay?.cancel(), this.closed.resolve(err);
      }
      isClosed() {
        return this._closed;
      }
      async drain() {
        let subs = this.subscriptions.all(), promises = [];
        subs.forEach((sub) => {
          promises.push(sub.drain());
        });
        try {
          await Promise.allSettled(promises);
        } catch {
        } finally {
          this.noMorePublishing = !0, await this.flush();
        }
        return this.close();
      }
      flushPending() {
        if (!(!this.infoReceived || !this.connected) && this.outbound.size()) {
          let d = this.outbound.drain();
          this.transport.send(d);
        }
      }
      initMux() {
        if (!this.subscriptions.getMux()) {
          let inbox = this.muxSubscriptions.init(this.options.inboxPrefix), sub = new SubscriptionImpl(this, `${inbox}*`);
          sub.callback = this.muxSubscriptions.dispatcher(), this.subscriptions.setMux(sub), this.subscribe(sub);
        }
      }
      selectServer() {
        let server = this.servers.selectServer();
        if (server !== void 0)
          return this.server = server, this.server;
      }
      getServer() {
        return this.server;
      }
    };
    exports2.ProtocolHandler = ProtocolHandler;
  }
});

// node_modules/@nats-io/nats-core/lib/request.js
var require_request = __commonJS({
  "node_modules/@nats-io/nats-core/lib/request.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.RequestOne = exports2.RequestMany = exports2.BaseRequest = void 0;
    var util_1 = require_util(), errors_1 = require_errors(), BaseRequest = class {
      token;
      received;
      ctx;
      requestSubject;
      mux;
      constructor(mux, requestSubject, asyncTraces = !0) {
        this.mux = mux, this.requestSubject = requestSubject, this.received = 0, this.token = (0, util_1.randomToken)(), asyncTraces && (this.ctx = new errors_1.RequestError());
      }
    };
    exports2.BaseRequest = BaseRequest;
    var RequestMany = class extends BaseRequest {
      callback;
      done;
      timer;
      max;
      opts;
      constructor(mux, requestSubject, opts = { maxWait: 1e3 }) {
        if (super(mux, requestSubject), this.opts = opts, typeof this.opts.callback != "function")
          throw new TypeError("callback must be a function");
        this.callback = this.opts.callback, this.max = typeof opts.maxMessages == "number" && opts.maxMessages > 0 ? opts.maxMessages : -1, this.done = (0, util_1.deferred)(), this.done.then(() => {
          this.callback(null, null);
        }), this.timer = setTimeout(() => {
          this.cancel();
        }, opts.maxWait);
      }
      cancel(err) {
        err && this.callback(err, null), clearTimeout(this.timer), this.mux.cancel(this), this.done.resolve();
      }
      resolver(err, msg) {
        err ? (this.ctx && (err.stack += `

${this.ctx.stack}`), this.cancel(err)) : (this.callback(null, msg), this.opts.strategy === "count" && (this.max--, this.max === 0 && this.cancel()), this.opts.strategy === "stall" && (clearTimeout(this.timer), this.timer = setTimeout(() => {
          this.cancel();
        }, this.opts.stall || 300)), this.opts.strategy === "sentinel" && msg && msg.data.length === 0 && this.cancel());
      }
    };
    exports2.RequestMany = RequestMany;
    var RequestOne = class extends BaseRequest {
      deferred;
      timer;
      constructor(mux, requestSubject, opts = { timeout: 1e3 }, asyncTraces = !0) {
        super(mux, requestSubject, asyncTraces), this.deferred = (0, util_1.deferred)(), this.timer = (0, util_1.timeout)(opts.timeout, asyncTraces);
      }
      resolver(err, msg) {
        this.timer && this.timer.cancel(), err ? (err instanceof errors_1.TimeoutError || (this.ctx ? (this.ctx.message = err.message, this.ctx.cause = err, err = this.ctx) : err = new errors_1.errors.RequestError(err.message, { cause: err })), this.deferred.reject(err)) : this.deferred.resolve(msg), this.cancel();
      }
      cancel(err) {
        this.timer && this.timer.cancel(), this.mux.cancel(this), this.deferred.reject(err || new errors_1.RequestError("cancelled"));
      }
    };
    exports2.RequestOne = RequestOne;
  }
});

// node_modules/@nats-io/nats-core/lib/nats.js
var require_nats = __commonJS({
  "node_modules/@nats-io/nats-core/lib/nats.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.NatsConnectionImpl = void 0;
    var util_1 = require_util(), protocol_1 = require_protocol(), encoders_1 = require_encoders(), headers_1 = require_headers(), semver_1 = require_semver(), options_1 = require_options(), queued_iterator_1 = require_queued_iterator(), request_1 = require_request(), core_1 = require_core(), errors_1 = require_errors(), whitespaceRegex = /[ \n\r\t]/, NatsConnectionImpl = class _NatsConnectionImpl {
      options;
      protocol;
      draining;
      closeListeners;
      constructor(opts) {
        this.draining = !1, this.options = (0, options_1.parseOptions)(opts);
      }
      static connect(opts = {}) {
        return new Promise((resolve, reject) => {
          let nc = new _NatsConnectionImpl(opts);
          protocol_1.ProtocolHandler.connect(nc.options, nc).then((ph) => {
            nc.protocol = ph, resolve(nc);
          }).catch((err) => {
            reject(err);
          });
        });
      }
      closed() {
        return this.protocol.closed;
      }
      async close() {
        await this.protocol.close();
      }
      _check(subject, sub, pub) {
        if (this.isClosed())
          throw new errors_1.errors.ClosedConnectionError();
        if (sub && this.isDraining())
          throw new errors_1.errors.DrainingConnectionError();
        if (pub && this.protocol.noMorePublishing)
          throw new errors_1.errors.DrainingConnectionError();
        if (subject = subject || "", subject.length === 0 || whitespaceRegex.test(subject))
          throw new errors_1.errors.InvalidSubjectError(subject);
      }
      publish(subject, data, options) {
        if (this._check(subject, !1, !0), options?.reply && this._check(options.reply, !1, !0), typeof options?.traceOnly == "boolean") {
          let hdrs = options.headers || (0, headers_1.headers)();
          hdrs.set("Nats-Trace-Only", "true"), options.headers = hdrs;
        }
        if (typeof options?.traceDestination == "string") {
          let hdrs = options.headers || (0, headers_1.headers)();
          hdrs.set("Nats-Trace-Dest", options.traceDestination), options.headers = hdrs;
        }
        this.protocol.publish(subject, data, options);
      }
      publishMessage(msg) {
        return this.publish(msg.subject, msg.data, {
          reply: msg.reply,
          headers: msg.headers
        });
      }
      respondMessage(msg) {
        return msg.reply ? (this.publish(msg.reply, msg.data, {
          reply: msg.reply,
          headers: msg.headers
        }), !0) : !1;
      }
      subscribe(subject, opts = {}) {
        this._check(subject, !0, !1);
        let sub = new protocol_1.SubscriptionImpl(this.protocol, subject, opts);
        return typeof opts.callback != "function" && typeof opts.slow == "number" && sub.setSlowNotificationFn(opts.slow, (pending) => {
          this.protocol.dispatchStatus({
            type: "slowConsumer",
            sub,
            pending
          });
        }), this.protocol.subscribe(sub), sub;
      }
      _resub(s, subject, max) {
        this._check(subject, !0, !1);
        let si = s;
        si.max = max, max && (si.max = max + si.received), this.protocol.resub(si, subject);
      }
      // possibilities are:
      // stop on error or any non-100 status
      // AND:
      // - wait for timer
      // - wait for n messages or timer
      // - wait for unknown messages, done when empty or reset timer expires (with possible alt wait)
      // - wait for unknown messages, done when an empty payload is received or timer expires (with possible alt wait)
      requestMany(subject, data = encoders_1.Empty, opts = { maxWait: 1e3, maxMessages: -1 }) {
        let asyncTraces = !this.protocol.options.noAsyncTraces;
        try {
          this._check(subject, !0, !0);
        } catch (err) {
          return Promise.reject(err);
        }
        if (opts.strategy = opts.strategy || "timer", opts.maxWait = opts.maxWait || 1e3, opts.maxWait < 1)
          return Promise.reject(errors_1.InvalidArgumentError.format("timeout", "must be greater than 0"));
        let qi = new queued_iterator_1.QueuedIteratorImpl();
        function stop(err) {
          qi.push(() => {
            qi.stop(err);
          });
        }
        function callback(err, msg) {
          err || msg === null ? stop(err === null ? void 0 : err) : qi.push(msg);
        }
        if (opts.noMux) {
          let stack = asyncTraces ? new Error().stack : null, max = typeof opts.maxMessages == "number" && opts.maxMessages > 0 ? opts.maxMessages : -1, sub = this.subscribe((0, core_1.createInbox)(this.options.inboxPrefix), {
            callback: (err, msg) => {
              if (msg?.data?.length === 0 && msg?.headers?.status === "503" && (err = new errors_1.errors.NoRespondersError(subject)), err) {
                stack && (err.stack += `

${stack}`), cancel(err);
                return;
              }
              callback(null, msg), opts.strategy === "count" && (max--, max === 0 && cancel()), opts.strategy === "stall" && (clearTimers(), timer = setTimeout(() => {
                cancel();
              }, 300)), opts.strategy === "sentinel" && msg && msg.data.length === 0 && cancel();
            }
          });
          sub.requestSubject = subject, sub.closed.then(() => {
            stop();
          }).catch((err) => {
            qi.stop(err);
          });
          let cancel = (err) => {
            err && qi.push(() => {
              throw err;
            }), clearTimers(), sub.drain().then(() => {
              stop();
            }).catch((_err) => {
              stop();
            });
          };
          qi.iterClosed.then(() => {
            clearTimers(), sub?.unsubscribe();
          }).catch((_err) => {
            clearTimers(), sub?.unsubscribe();
          });
          let { headers, traceDestination, traceOnly } = opts;
          try {
            this.publish(subject, data, {
              reply: sub.getSubject(),
              headers,
              traceDestination,
              traceOnly
            });
          } catch (err) {
            cancel(err);
          }
          let timer = setTimeout(() => {
            cancel();
          }, opts.maxWait), clearTimers = () => {
            timer && clearTimeout(timer);
          };
        } else {
          let rmo = opts;
          rmo.callback = callback, qi.iterClosed.then(() => {
            r.cancel();
          }).catch((err) => {
            r.cancel(err);
          });
          let r = new request_1.RequestMany(this.protocol.muxSubscriptions, subject, rmo);
          this.protocol.request(r);
          let { headers, traceDestination, traceOnly } = opts;
          try {
            this.publish(subject, data, {
              reply: `${this.protocol.muxSubscriptions.baseInbox}${r.token}`,
              headers,
              traceDestination,
              traceOnly
            });
          } catch (err) {
            r.cancel(err);
          }
        }
        return Promise.resolve(qi);
      }
      request(subject, data, opts = { timeout: 1e3, noMux: !1 }) {
        try {
          this._check(subject, !0, !0);
        } catch (err) {
          return Promise.reject(err);
        }
        let asyncTraces = !this.protocol.options.noAsyncTraces;
        if (opts.timeout = opts.timeout || 1e3, opts.timeout < 1)
          return Promise.reject(errors_1.InvalidArgumentError.format("timeout", "must be greater than 0"));
        if (!opts.noMux && opts.reply)
          return Promise.reject(errors_1.InvalidArgumentError.format(["reply", "noMux"], "are mutually exclusive"));
        if (opts.noMux) {
          let inbox = opts.reply ? opts.reply : (0, core_1.createInbox)(this.options.inboxPrefix), d = (0, util_1.deferred)(), errCtx = asyncTraces ? new errors_1.errors.RequestError("") : null, sub = this.subscribe(inbox, {
            max: 1,
            timeout: opts.timeout,
            callback: (err, msg) => {
              msg && msg.data?.length === 0 && msg.headers?.code === 503 && (err = new errors_1.errors.NoRespondersError(subject)), err ? (err instanceof errors_1.TimeoutError || (errCtx ? (errCtx.message = err.message, errCtx.cause = err, err = errCtx) : err = new errors_1.errors.RequestError(err.message, { cause: err })), d.reject(err), sub.unsubscribe()) : d.resolve(msg);
            }
          });
          return sub.requestSubject = subject, this.protocol.publish(subject, data, {
            reply: inbox,
            headers: opts.headers
          }), d;
        } else {
          let r = new request_1.RequestOne(this.protocol.muxSubscriptions, subject, opts, asyncTraces);
          this.protocol.request(r);
          let { headers, traceDestination, traceOnly } = opts;
          try {
            this.publish(subject, data, {
              reply: `${this.protocol.muxSubscriptions.baseInbox}${r.token}`,
              headers,
              traceDestination,
              traceOnly
            });
          } catch (err) {
            r.cancel(err);
          }
          let p = Promise.race([r.timer, r.deferred]);
          return p.catch(() => {
            r.cancel();
          }), p;
        }
      }
      /** *
       * Flushes to the server. Promise resolves when round-trip completes.
       * @returns {Promise<void>}
       */
      flush() {
        return this.isClosed() ? Promise.reject(new errors_1.errors.ClosedConnectionError()) : this.protocol.flush();
      }
      drain() {
        return this.isClosed() ? Promise.reject(new errors_1.errors.ClosedConnectionError()) : this.isDraining() ? Promise.reject(new errors_1.errors.DrainingConnectionError()) : (this.draining = !0, this.protocol.drain());
      }
      async [Symbol.asyncDispose]() {
        if (!this.isClosed()) {
          if (this.isDraining()) {
            await this.closed();
            return;
          }
          await this.drain();
        }
      }
      isClosed() {
        return this.protocol.isClosed();
      }
      isDraining() {
        return this.draining;
      }
      getServer() {
        let srv = this.protocol.getServer();
        return srv ? srv.listen : "";
      }
      setServers(servers) {
        this.protocol.servers.setServers(servers);
      }
      getServers() {
        return this.protocol.servers.snapshot();
      }
      status() {
        let iter = new queued_iterator_1.QueuedIteratorImpl();
        return iter.iterClosed.then(() => {
          let idx = this.protocol.listeners.indexOf(iter);
          idx > -1 && this.protocol.listeners.splice(idx, 1);
        }), this.protocol.listeners.push(iter), iter;
      }
      get info() {
        return this.protocol.isClosed() ? void 0 : this.protocol.info;
      }
      async context() {
        return (await this.request("$SYS.REQ.USER.INFO")).json((key, value) => key === "time" ? new Date(Date.parse(value)) : value);
      }
      stats() {
        return {
          inBytes: this.protocol.inBytes,
          outBytes: this.protocol.outBytes,
          inMsgs: this.protocol.inMsgs,
          outMsgs: this.protocol.outMsgs
        };
      }
      getServerVersion() {
        let info = this.info;
        return info ? (0, semver_1.parseSemVer)(info.version) : void 0;
      }
      async rtt() {
        if (this.isClosed())
          throw new errors_1.errors.ClosedConnectionError();
        if (!this.protocol.connected)
          throw new errors_1.errors.RequestError("connection disconnected");
        let start = Date.now();
        return await this.flush(), Date.now() - start;
      }
      get features() {
        return this.protocol.features;
      }
      reconnect() {
        return this.isClosed() ? Promise.reject(new errors_1.errors.ClosedConnectionError()) : this.isDraining() ? Promise.reject(new errors_1.errors.DrainingConnectionError()) : this.protocol.reconnect();
      }
      // internal
      addCloseListener(listener) {
        this.closeListeners === void 0 && (this.closeListeners = new CloseListeners(this.closed())), this.closeListeners.add(listener);
      }
      // internal
      removeCloseListener(listener) {
        this.closeListeners && this.closeListeners.remove(listener);
      }
    };
    exports2.NatsConnectionImpl = NatsConnectionImpl;
    var CloseListeners = class {
      listeners;
      constructor(closed) {
        this.listeners = [], closed.then((err) => {
          this.notify(err);
        });
      }
      add(listener) {
        this.listeners.push(listener);
      }
      remove(listener) {
        this.listeners = this.listeners.filter((l) => l !== listener);
      }
      notify(err) {
        this.listeners.forEach((l) => {
          if (typeof l.connectionClosedCallback == "function")
            try {
              l.connectionClosedCallback(err);
            } catch {
            }
        }), this.listeners = [];
      }
    };
  }
});

// node_modules/@nats-io/nats-core/lib/types.js
var require_types = __commonJS({
  "node_modules/@nats-io/nats-core/lib/types.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.Empty = void 0;
    var encoders_1 = require_encoders();
    Object.defineProperty(exports2, "Empty", { enumerable: !0, get: function() {
      return encoders_1.Empty;
    } });
  }
});

// node_modules/@nats-io/nats-core/lib/bench.js
var require_bench = __commonJS({
  "node_modules/@nats-io/nats-core/lib/bench.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.Bench = exports2.Metric = void 0;
    exports2.throughput = throughput;
    exports2.msgThroughput = msgThroughput;
    exports2.humanizeBytes = humanizeBytes;
    var types_1 = require_types(), nuid_1 = require_nuid2(), util_1 = require_util(), Metric = class {
      name;
      duration;
      date;
      payload;
      msgs;
      lang;
      version;
      bytes;
      asyncRequests;
      min;
      max;
      constructor(name, duration) {
        this.name = name, this.duration = duration, this.date = Date.now(), this.payload = 0, this.msgs = 0, this.bytes = 0;
      }
      toString() {
        let sec = this.duration / 1e3, mps = Math.round(this.msgs / sec), label = this.asyncRequests ? "asyncRequests" : "", minmax = "";
        return this.max && (minmax = `${this.min}/${this.max}`), `${this.name}${label ? " [asyncRequests]" : ""} ${humanizeNumber(mps)} msgs/sec - [${sec.toFixed(2)} secs] ~ ${throughput(this.bytes, sec)} ${minmax}`;
      }
      toCsv() {
        return `"${this.name}",${new Date(this.date).toISOString()},${this.lang},${this.version},${this.msgs},${this.payload},${this.bytes},${this.duration},${this.asyncRequests ? this.asyncRequests : !1}
`;
      }
      static header() {
        return `Test,Date,Lang,Version,Count,MsgPayload,Bytes,Millis,Async
`;
      }
    };
    exports2.Metric = Metric;
    var Bench = class {
      nc;
      callbacks;
      msgs;
      size;
      subject;
      asyncRequests;
      pub;
      sub;
      req;
      rep;
      perf;
      payload;
      constructor(nc, opts = {
        msgs: 1e5,
        size: 128,
        subject: "",
        asyncRequests: !1,
        pub: !1,
        sub: !1,
        req: !1,
        rep: !1
      }) {
        if (this.nc = nc, this.callbacks = opts.callbacks || !1, this.msgs = opts.msgs || 0, this.size = opts.size || 0, this.subject = opts.subject || nuid_1.nuid.next(), this.asyncRequests = opts.asyncRequests || !1, this.pub = opts.pub || !1, this.sub = opts.sub || !1, this.req = opts.req || !1, this.rep = opts.rep || !1, this.perf = new util_1.Perf(), this.payload = this.size ? new Uint8Array(this.size) : types_1.Empty, !this.pub && !this.sub && !this.req && !this.rep)
          throw new Error("no options selected");
      }
      async run() {
        return this.nc.closed().then((err) => {
          if (err)
            throw err;
        }), this.callbacks ? await this.runCallbacks() : await this.runAsync(), this.processMetrics();
      }
      processMetrics() {
        let nc = this.nc, { lang, version } = nc.protocol.transport;
        this.pub && this.sub && this.perf.measure("pubsub", "pubStart", "subStop"), this.req && this.rep && this.perf.measure("reqrep", "reqStart", "reqStop");
        let measures = this.perf.getEntries(), pubsub = measures.find((m) => m.name === "pubsub"), reqrep = measures.find((m) => m.name === "reqrep"), req = measures.find((m) => m.name === "req"), rep = measures.find((m) => m.name === "rep"), pub = measures.find((m) => m.name === "pub"), sub = measures.find((m) => m.name === "sub"), stats = this.nc.stats(), metrics = [];
        if (pubsub) {
          let { name, duration } = pubsub, m = new Metric(name, duration);
          m.msgs = this.msgs * 2, m.bytes = stats.inBytes + stats.outBytes, m.lang = lang, m.version = version, m.payload = this.payload.length, metrics.push(m);
        }
        if (reqrep) {
          let { name, duration } = reqrep, m = new Metric(name, duration);
          m.msgs = this.msgs * 2, m.bytes = stats.inBytes + stats.outBytes, m.lang = lang, m.version = version, m.payload = this.payload.length, metrics.push(m);
        }
        if (pub) {
          let { name, duration } = pub, m = new Metric(name, duration);
          m.msgs = this.msgs, m.bytes = stats.outBytes, m.lang = lang, m.version = version, m.payload = this.payload.length, metrics.push(m);
        }
        if (sub) {
          let { name, duration } = sub, m = new Metric(name, duration);
          m.msgs = this.msgs, m.bytes = stats.inBytes, m.lang = lang, m.version = version, m.payload = this.payload.length, metrics.push(m);
        }
        if (rep) {
          let { name, duration } = rep, m = new Metric(name, duration);
          m.msgs = this.msgs, m.bytes = stats.inBytes + stats.outBytes, m.lang = lang, m.version = version, m.payload = this.payload.length, metrics.push(m);
        }
        if (req) {
          let { name, duration } = req, m = new Metric(name, duration);
          m.msgs = this.msgs, m.bytes = stats.inBytes + stats.outBytes, m.lang = lang, m.version = version, m.payload = this.payload.length, metrics.push(m);
        }
        return metrics;
      }
      async runCallbacks() {
        let jobs = [];
        if (this.sub) {
          let d = (0, util_1.deferred)();
          jobs.push(d);
          let i = 0;
          this.nc.subscribe(this.subject, {
            max: this.msgs,
            callback: () => {
              i++, i === 1 && this.perf.mark("subStart"), i === this.msgs && (this.perf.mark("subStop"), this.perf.measure("sub", "subStart", "subStop"), d.resolve());
            }
          });
        }
        if (this.rep) {
          let d = (0, util_1.deferred)();
          jobs.push(d);
          let i = 0;
          this.nc.subscribe(this.subject, {
            max: this.msgs,
            callback: (_, m) => {
              m.respond(this.payload), i++, i === 1 && this.perf.mark("repStart"), i === this.msgs && (this.perf.mark("repStop"), this.perf.measure("rep", "repStart", "repStop"), d.resolve());
            }
          });
        }
        if (this.pub) {
          let job = (async () => {
            this.perf.mark("pubStart");
            for (let i = 0; i < this.msgs; i++)
              this.nc.publish(this.subject, this.payload);
            await this.nc.flush(), this.perf.mark("pubStop"), this.perf.measure("pub", "pubStart", "pubStop");
          })();
          jobs.push(job);
        }
        if (this.req) {
          let job = (async () => {
            if (this.asyncRequests) {
              this.perf.mark("reqStart");
              let a = [];
              for (let i = 0; i < this.msgs; i++)
                a.push(this.nc.request(this.subject, this.payload, { timeout: 2e4 }));
              await Promise.all(a), this.perf.mark("reqStop"), this.perf.measure("req", "reqStart", "reqStop");
            } else {
              this.perf.mark("reqStart");
              for (let i = 0; i < this.msgs; i++)
                await this.nc.request(this.subject);
              this.perf.mark("reqStop"), this.perf.measure("req", "reqStart", "reqStop");
            }
          })();
          jobs.push(job);
        }
        await Promise.all(jobs);
      }
      async runAsync() {
        let jobs = [];
        if (this.rep) {
          let first = !1, sub = this.nc.subscribe(this.subject, { max: this.msgs }), job = (async () => {
            for await (let m of sub)
              first || (this.perf.mark("repStart"), first = !0), m.respond(this.payload);
            await this.nc.flush(), this.perf.mark("repStop"), this.perf.measure("rep", "repStart", "repStop");
          })();
          jobs.push(job);
        }
        if (this.sub) {
          let first = !1, sub = this.nc.subscribe(this.subject, { max: this.msgs }), job = (async () => {
            for await (let _m of sub)
              first || (this.perf.mark("subStart"), first = !0);
            this.perf.mark("subStop"), this.perf.measure("sub", "subStart", "subStop");
          })();
          jobs.push(job);
        }
        if (this.pub) {
          let job = (async () => {
            this.perf.mark("pubStart");
            for (let i = 0; i < this.msgs; i++)
              this.nc.publish(this.subject, this.payload);
            await this.nc.flush(), this.perf.mark("pubStop"), this.perf.measure("pub", "pubStart", "pubStop");
          })();
          jobs.push(job);
        }
        if (this.req) {
          let job = (async () => {
            if (this.asyncRequests) {
              this.perf.mark("reqStart");
              let a = [];
              for (let i = 0; i < this.msgs; i++)
                a.push(this.nc.request(this.subject, this.payload, { timeout: 2e4 }));
              await Promise.all(a), this.perf.mark("reqStop"), this.perf.measure("req", "reqStart", "reqStop");
            } else {
              this.perf.mark("reqStart");
              for (let i = 0; i < this.msgs; i++)
                await this.nc.request(this.subject);
              this.perf.mark("reqStop"), this.perf.measure("req", "reqStart", "reqStop");
            }
          })();
          jobs.push(job);
        }
        await Promise.all(jobs);
      }
    };
    exports2.Bench = Bench;
    function throughput(bytes, seconds) {
      return `${humanizeBytes(bytes / seconds)}/sec`;
    }
    function msgThroughput(msgs, seconds) {
      return `${Math.floor(msgs / seconds)} msgs/sec`;
    }
    function humanizeBytes(bytes, si = !1) {
      let base = si ? 1e3 : 1024, pre = si ? ["k", "M", "G", "T", "P", "E"] : ["K", "M", "G", "T", "P", "E"], post = si ? "iB" : "B";
      if (bytes < base)
        return `${bytes.toFixed(2)} ${post}`;
      let exp = parseInt(Math.log(bytes) / Math.log(base) + ""), index = parseInt(exp - 1 + "");
      return `${(bytes / Math.pow(base, exp)).toFixed(2)} ${pre[index]}${post}`;
    }
    function humanizeNumber(n) {
      return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    }
  }
});

// node_modules/@nats-io/nats-core/lib/idleheartbeat_monitor.js
var require_idleheartbeat_monitor = __commonJS({
  "node_modules/@nats-io/nats-core/lib/idleheartbeat_monitor.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.IdleHeartbeatMonitor = void 0;
    var IdleHeartbeatMonitor = class {
      interval;
      maxOut;
      cancelAfter;
      timer;
      autoCancelTimer;
      last;
      missed;
      count;
      callback;
      /**
       * Constructor
       * @param interval in millis to check
       * @param cb a callback to report when heartbeats are missed
       * @param opts monitor options @see IdleHeartbeatOptions
       */
      constructor(interval, cb, opts = { maxOut: 2 }) {
        this.interval = interval, this.maxOut = opts?.maxOut || 2, this.cancelAfter = opts?.cancelAfter || 0, this.last = Date.now(), this.missed = 0, this.count = 0, this.callback = cb, this._schedule();
      }
      /**
       * cancel monitoring
       */
      cancel() {
        this.autoCancelTimer && clearTimeout(this.autoCancelTimer), this.timer && clearInterval(this.timer), this.timer = 0, this.autoCancelTimer = 0, this.missed = 0;
      }
      /**
       * work signals that there was work performed
       */
      work() {
        this.last = Date.now(), this.missed = 0;
      }
      /**
       * internal api to change the interval, cancelAfter and maxOut
       * @param interval
       * @param cancelAfter
       * @param maxOut
       */
      _change(interval, cancelAfter = 0, maxOut = 2) {
        this.interval = interval, this.maxOut = maxOut, this.cancelAfter = cancelAfter, this.restart();
      }
      /**
       * cancels and restarts the monitoring
       */
      restart() {
        this.cancel(), this._schedule();
      }
      /**
       * internal api called to start monitoring
       */
      _schedule() {
        this.cancelAfter > 0 && (this.autoCancelTimer = setTimeout(() => {
          this.cancel();
        }, this.cancelAfter)), this.timer = setInterval(() => {
          if (this.count++, Date.now() - this.last > this.interval && this.missed++, this.missed >= this.maxOut)
            try {
              this.callback(this.missed) === !0 && this.cancel();
            } catch (err) {
              console.log(err);
            }
        }, this.interval);
      }
    };
    exports2.IdleHeartbeatMonitor = IdleHeartbeatMonitor;
  }
});

// node_modules/@nats-io/nats-core/lib/version.js
var require_version2 = __commonJS({
  "node_modules/@nats-io/nats-core/lib/version.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.version = void 0;
    exports2.version = "3.4.0";
  }
});

// node_modules/@nats-io/nats-core/lib/ws_transport.js
var require_ws_transport = __commonJS({
  "node_modules/@nats-io/nats-core/lib/ws_transport.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.WsTransport = void 0;
    exports2.wsUrlParseFn = wsUrlParseFn;
    exports2.wsconnect = wsconnect;
    var util_1 = require_util(), transport_1 = require_transport(), options_1 = require_options(), databuffer_1 = require_databuffer(), protocol_1 = require_protocol(), nats_1 = require_nats(), version_1 = require_version2(), errors_1 = require_errors(), VERSION = version_1.version, LANG = "nats.ws", WsTransport = class {
      version;
      lang;
      closeError;
      connected;
      done;
      // @ts-ignore: expecting global WebSocket
      socket;
      options;
      socketClosed;
      encrypted;
      peeked;
      yields;
      signal;
      closedNotification;
      constructor() {
        this.version = VERSION, this.lang = LANG, this.connected = !1, this.done = !1, this.socketClosed = !1, this.encrypted = !1, this.peeked = !1, this.yields = [], this.signal = (0, util_1.deferred)(), this.closedNotification = (0, util_1.deferred)();
      }
      async connect(server, options) {
        let ok = (0, util_1.deferred)();
        this.options = options;
        let u = server.src;
        if (options.wsFactory) {
          let { socket, encrypted } = await options.wsFactory(server.src, options);
          this.socket = socket, this.encrypted = encrypted;
        } else
          this.encrypted = u.indexOf("wss://") === 0, this.socket = new WebSocket(u);
        return this.socket.binaryType = "arraybuffer", this.socket.onopen = () => {
          this.done && this._closed(new Error("aborted"));
        }, this.socket.onmessage = (me) => {
          if (this.done)
            return;
          if (this.yields.push(new Uint8Array(me.data)), this.peeked) {
            this.signal.resolve();
            return;
          }
          let t = databuffer_1.DataBuffer.concat(...this.yields), pm = (0, transport_1.extractProtocolMessage)(t);
          if (pm !== "") {
            let m = protocol_1.INFO.exec(pm);
            if (!m) {
              options.debug && console.error("!!!", (0, util_1.render)(t)), ok.reject(new Error("unexpected response from server"));
              return;
            }
            try {
              let info = JSON.parse(m[1]);
              (0, options_1.checkOptions)(info, this.options), this.peeked = !0, this.connected = !0, this.signal.resolve(), ok.resolve();
            } catch (err) {
              ok.reject(err);
              return;
            }
          }
        }, this.socket.onclose = (evt) => {
          let reason;
          !evt.wasClean && evt.reason !== "" && (reason = new Error(evt.reason)), this._closed(reason), this._cleanup();
        }, this.socket.onerror = (e) => {
          if (this.done)
            return;
          let evt = e, err = new errors_1.errors.ConnectionError(evt.message);
          ok.reject(err), this._cleanup();
        }, ok;
      }
      _cleanup() {
        this.socketClosed === !1 && (this.socketClosed = !0, this.socket.onopen = null, this.socket.onmessage = null, this.socket.onerror = null, this.socket.onclose = null, this.closedNotification.resolve(this.closeError));
      }
      disconnect() {
        this._closed(void 0, !0);
      }
      async _closed(err, _internal = !0) {
        if (this.done) {
          try {
            this.socket.close();
          } catch {
          }
          return;
        }
        if (this.closeError = err, !err)
          for (; !this.socketClosed && this.socket.bufferedAmount > 0; )
            await (0, util_1.delay)(100);
        this.done = !0;
        try {
          this.socket.close();
        } catch {
        }
        return this.closedNotification;
      }
      get isClosed() {
        return this.done;
      }
      [Symbol.asyncIterator]() {
        return this.iterate();
      }
      async *iterate() {
        for (; ; ) {
          if (this.done)
            return;
          this.yields.length === 0 && await this.signal;
          let yields = this.yields;
          this.yields = [];
          for (let i = 0; i < yields.length; i++)
            this.options.debug && console.info(`> ${(0, util_1.render)(yields[i])}`), yield yields[i];
          if (this.done)
            break;
          this.yields.length === 0 && (yields.length = 0, this.yields = yields, this.signal = (0, util_1.deferred)());
        }
      }
      isEncrypted() {
        return this.connected && this.encrypted;
      }
      send(frame) {
        if (!this.done)
          try {
            this.socket.send(frame.buffer), this.options.debug && console.info(`< ${(0, util_1.render)(frame)}`);
            return;
          } catch (err) {
            this.options.debug && console.error(`!!! ${(0, util_1.render)(frame)}: ${err}`);
          }
      }
      close(err) {
        return this._closed(err, !1);
      }
      closed() {
        return this.closedNotification;
      }
      // this is to allow a force discard on a connection
      // if the connection fails during the handshake protocol.
      // Firefox for example, will keep connections going,
      // so eventually if it succeeds, the client will have
      // an additional transport running. With this
      discard() {
        this.socket?.close();
      }
    };
    exports2.WsTransport = WsTransport;
    function wsUrlParseFn(u, encrypted) {
      /^(.*:\/\/)(.*)/.test(u) || (typeof encrypted == "boolean" ? u = `${encrypted === !0 ? "https" : "http"}://${u}` : u = `https://${u}`);
      let url = new URL(u), srcProto = url.protocol.toLowerCase();
      srcProto === "ws:" && (encrypted = !1), srcProto === "wss:" && (encrypted = !0), srcProto !== "https:" && srcProto !== "http" && (u = u.replace(/^(.*:\/\/)(.*)/gm, "$2"), url = new URL(`http://${u}`));
      let protocol, port, host = url.hostname, path = url.pathname, search = url.search || "";
      switch (srcProto) {
        case "http:":
        case "ws:":
        case "nats:":
          port = url.port || "80", protocol = "ws:";
          break;
        case "https:":
        case "wss:":
        case "tls:":
          port = url.port || "443", protocol = "wss:";
          break;
        default:
          port = url.port || encrypted === !0 ? "443" : "80", protocol = encrypted === !0 ? "wss:" : "ws:";
          break;
      }
      return `${protocol}//${host}:${port}${path}${search}`;
    }
    function wsconnect(opts = {}) {
      return (0, transport_1.setTransportFactory)({
        defaultPort: 443,
        urlParseFn: wsUrlParseFn,
        factory: () => {
          if (opts.tls)
            throw errors_1.InvalidArgumentError.format("tls", "is not configurable on w3c websocket connections");
          return new WsTransport();
        }
      }), nats_1.NatsConnectionImpl.connect(opts);
    }
  }
});

// node_modules/@nats-io/nats-core/lib/internal_mod.js
var require_internal_mod = __commonJS({
  "node_modules/@nats-io/nats-core/lib/internal_mod.js"(exports2) {
    "use strict";
    var __createBinding = exports2 && exports2.__createBinding || (Object.create ? (function(o, m, k, k2) {
      k2 === void 0 && (k2 = k);
      var desc = Object.getOwnPropertyDescriptor(m, k);
      (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) && (desc = { enumerable: !0, get: function() {
        return m[k];
      } }), Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      k2 === void 0 && (k2 = k), o[k2] = m[k];
    })), __exportStar = exports2 && exports2.__exportStar || function(m, exports3) {
      for (var p in m) p !== "default" && !Object.prototype.hasOwnProperty.call(exports3, p) && __createBinding(exports3, m, p);
    };
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.Metric = exports2.Bench = exports2.writeAll = exports2.readAll = exports2.MAX_SIZE = exports2.DenoBuffer = exports2.State = exports2.Parser = exports2.Kind = exports2.describe = exports2.QueuedIteratorImpl = exports2.usernamePasswordAuthenticator = exports2.tokenAuthenticator = exports2.nkeyAuthenticator = exports2.jwtAuthenticator = exports2.credsAuthenticator = exports2.RequestOne = exports2.parseOptions = exports2.hasWsProtocol = exports2.defaultOptions = exports2.DEFAULT_MAX_RECONNECT_ATTEMPTS = exports2.checkUnsupportedOption = exports2.checkOptions = exports2.buildAuthenticator = exports2.DataBuffer = exports2.MuxSubscription = exports2.Heartbeat = exports2.MsgHdrsImpl = exports2.headers = exports2.canonicalMIMEHeaderKey = exports2.timeout = exports2.SimpleMutex = exports2.render = exports2.nanos = exports2.millis = exports2.extend = exports2.delay = exports2.deferred = exports2.deadline = exports2.collect = exports2.backoff = exports2.ProtocolHandler = exports2.INFO = exports2.Connect = exports2.setTransportFactory = exports2.getResolveFn = exports2.MsgImpl = exports2.nuid = exports2.Nuid = exports2.NatsConnectionImpl = void 0;
    exports2.UserAuthenticationExpiredError = exports2.TimeoutError = exports2.RequestError = exports2.ProtocolError = exports2.PermissionViolationError = exports2.NoRespondersError = exports2.InvalidSubjectError = exports2.InvalidOperationError = exports2.InvalidArgumentError = exports2.errors = exports2.DrainingConnectionError = exports2.ConnectionError = exports2.ClosedConnectionError = exports2.AuthorizationError = exports2.wsUrlParseFn = exports2.wsconnect = exports2.Servers = exports2.isIPV4OrHostname = exports2.IdleHeartbeatMonitor = exports2.Subscriptions = exports2.SubscriptionImpl = exports2.syncIterator = exports2.Match = exports2.createInbox = exports2.protoLen = exports2.extractProtocolMessage = exports2.Empty = exports2.parseSemVer = exports2.Features = exports2.Feature = exports2.compare = exports2.parseIP = exports2.isIP = exports2.ipV4 = exports2.TE = exports2.TD = void 0;
    var nats_1 = require_nats();
    Object.defineProperty(exports2, "NatsConnectionImpl", { enumerable: !0, get: function() {
      return nats_1.NatsConnectionImpl;
    } });
    var nuid_1 = require_nuid2();
    Object.defineProperty(exports2, "Nuid", { enumerable: !0, get: function() {
      return nuid_1.Nuid;
    } });
    Object.defineProperty(exports2, "nuid", { enumerable: !0, get: function() {
      return nuid_1.nuid;
    } });
    var msg_1 = require_msg();
    Object.defineProperty(exports2, "MsgImpl", { enumerable: !0, get: function() {
      return msg_1.MsgImpl;
    } });
    var transport_1 = require_transport();
    Object.defineProperty(exports2, "getResolveFn", { enumerable: !0, get: function() {
      return transport_1.getResolveFn;
    } });
    Object.defineProperty(exports2, "setTransportFactory", { enumerable: !0, get: function() {
      return transport_1.setTransportFactory;
    } });
    var protocol_1 = require_protocol();
    Object.defineProperty(exports2, "Connect", { enumerable: !0, get: function() {
      return protocol_1.Connect;
    } });
    Object.defineProperty(exports2, "INFO", { enumerable: !0, get: function() {
      return protocol_1.INFO;
    } });
    Object.defineProperty(exports2, "ProtocolHandler", { enumerable: !0, get: function() {
      return protocol_1.ProtocolHandler;
    } });
    var util_1 = require_util();
    Object.defineProperty(exports2, "backoff", { enumerable: !0, get: function() {
      return util_1.backoff;
    } });
    Object.defineProperty(exports2, "collect", { enumerable: !0, get: function() {
      return util_1.collect;
    } });
    Object.defineProperty(exports2, "deadline", { enumerable: !0, get: function() {
      return util_1.deadline;
    } });
    Object.defineProperty(exports2, "deferred", { enumerable: !0, get: function() {
      return util_1.deferred;
    } });
    Object.defineProperty(exports2, "delay", { enumerable: !0, get: function() {
      return util_1.delay;
    } });
    Object.defineProperty(exports2, "extend", { enumerable: !0, get: function() {
      return util_1.extend;
    } });
    Object.defineProperty(exports2, "millis", { enumerable: !0, get: function() {
      return util_1.millis;
    } });
    Object.defineProperty(exports2, "nanos", { enumerable: !0, get: function() {
      return util_1.nanos;
    } });
    Object.defineProperty(exports2, "render", { enumerable: !0, get: function() {
      return util_1.render;
    } });
    Object.defineProperty(exports2, "SimpleMutex", { enumerable: !0, get: function() {
      return util_1.SimpleMutex;
    } });
    Object.defineProperty(exports2, "timeout", { enumerable: !0, get: function() {
      return util_1.timeout;
    } });
    var headers_1 = require_headers();
    Object.defineProperty(exports2, "canonicalMIMEHeaderKey", { enumerable: !0, get: function() {
      return headers_1.canonicalMIMEHeaderKey;
    } });
    Object.defineProperty(exports2, "headers", { enumerable: !0, get: function() {
      return headers_1.headers;
    } });
    Object.defineProperty(exports2, "MsgHdrsImpl", { enumerable: !0, get: function() {
      return headers_1.MsgHdrsImpl;
    } });
    var heartbeats_1 = require_heartbeats();
    Object.defineProperty(exports2, "Heartbeat", { enumerable: !0, get: function() {
      return heartbeats_1.Heartbeat;
    } });
    var muxsubscription_1 = require_muxsubscription();
    Object.defineProperty(exports2, "MuxSubscription", { enumerable: !0, get: function() {
      return muxsubscription_1.MuxSubscription;
    } });
    var databuffer_1 = require_databuffer();
    Object.defineProperty(exports2, "DataBuffer", { enumerable: !0, get: function() {
      return databuffer_1.DataBuffer;
    } });
    var options_1 = require_options();
    Object.defineProperty(exports2, "buildAuthenticator", { enumerable: !0, get: function() {
      return options_1.buildAuthenticator;
    } });
    Object.defineProperty(exports2, "checkOptions", { enumerable: !0, get: function() {
      return options_1.checkOptions;
    } });
    Object.defineProperty(exports2, "checkUnsupportedOption", { enumerable: !0, get: function() {
      return options_1.checkUnsupportedOption;
    } });
    Object.defineProperty(exports2, "DEFAULT_MAX_RECONNECT_ATTEMPTS", { enumerable: !0, get: function() {
      return options_1.DEFAULT_MAX_RECONNECT_ATTEMPTS;
    } });
    Object.defineProperty(exports2, "defaultOptions", { enumerable: !0, get: function() {
      return options_1.defaultOptions;
    } });
    Object.defineProperty(exports2, "hasWsProtocol", { enumerable: !0, get: function() {
      return options_1.hasWsProtocol;
    } });
    Object.defineProperty(exports2, "parseOptions", { enumerable: !0, get: function() {
      return options_1.parseOptions;
    } });
    var request_1 = require_request();
    Object.defineProperty(exports2, "RequestOne", { enumerable: !0, get: function() {
      return request_1.RequestOne;
    } });
    var authenticator_1 = require_authenticator();
    Object.defineProperty(exports2, "credsAuthenticator", { enumerable: !0, get: function() {
      return authenticator_1.credsAuthenticator;
    } });
    Object.defineProperty(exports2, "jwtAuthenticator", { enumerable: !0, get: function() {
      return authenticator_1.jwtAuthenticator;
    } });
    Object.defineProperty(exports2, "nkeyAuthenticator", { enumerable: !0, get: function() {
      return authenticator_1.nkeyAuthenticator;
    } });
    Object.defineProperty(exports2, "tokenAuthenticator", { enumerable: !0, get: function() {
      return authenticator_1.tokenAuthenticator;
    } });
    Object.defineProperty(exports2, "usernamePasswordAuthenticator", { enumerable: !0, get: function() {
      return authenticator_1.usernamePasswordAuthenticator;
    } });
    __exportStar(require_nkeys2(), exports2);
    var queued_iterator_1 = require_queued_iterator();
    Object.defineProperty(exports2, "QueuedIteratorImpl", { enumerable: !0, get: function() {
      return queued_iterator_1.QueuedIteratorImpl;
    } });
    var parser_1 = require_parser();
    Object.defineProperty(exports2, "describe", { enumerable: !0, get: function() {
      return parser_1.describe;
    } });
    Object.defineProperty(exports2, "Kind", { enumerable: !0, get: function() {
      return parser_1.Kind;
    } });
    Object.defineProperty(exports2, "Parser", { enumerable: !0, get: function() {
      return parser_1.Parser;
    } });
    Object.defineProperty(exports2, "State", { enumerable: !0, get: function() {
      return parser_1.State;
    } });
    var denobuffer_1 = require_denobuffer();
    Object.defineProperty(exports2, "DenoBuffer", { enumerable: !0, get: function() {
      return denobuffer_1.DenoBuffer;
    } });
    Object.defineProperty(exports2, "MAX_SIZE", { enumerable: !0, get: function() {
      return denobuffer_1.MAX_SIZE;
    } });
    Object.defineProperty(exports2, "readAll", { enumerable: !0, get: function() {
      return denobuffer_1.readAll;
    } });
    Object.defineProperty(exports2, "writeAll", { enumerable: !0, get: function() {
      return denobuffer_1.writeAll;
    } });
    var bench_1 = require_bench();
    Object.defineProperty(exports2, "Bench", { enumerable: !0, get: function() {
      return bench_1.Bench;
    } });
    Object.defineProperty(exports2, "Metric", { enumerable: !0, get: function() {
      return bench_1.Metric;
    } });
    var encoders_1 = require_encoders();
    Object.defineProperty(exports2, "TD", { enumerable: !0, get: function() {
      return encoders_1.TD;
    } });
    Object.defineProperty(exports2, "TE", { enumerable: !0, get: function() {
      return encoders_1.TE;
    } });
    var ipparser_1 = require_ipparser();
    Object.defineProperty(exports2, "ipV4", { enumerable: !0, get: function() {
      return ipparser_1.ipV4;
    } });
    Object.defineProperty(exports2, "isIP", { enumerable: !0, get: function() {
      return ipparser_1.isIP;
    } });
    Object.defineProperty(exports2, "parseIP", { enumerable: !0, get: function() {
      return ipparser_1.parseIP;
    } });
    var semver_1 = require_semver();
    Object.defineProperty(exports2, "compare", { enumerable: !0, get: function() {
      return semver_1.compare;
    } });
    Object.defineProperty(exports2, "Feature", { enumerable: !0, get: function() {
      return semver_1.Feature;
    } });
    Object.defineProperty(exports2, "Features", { enumerable: !0, get: function() {
      return semver_1.Features;
    } });
    Object.defineProperty(exports2, "parseSemVer", { enumerable: !0, get: function() {
      return semver_1.parseSemVer;
    } });
    var types_1 = require_types();
    Object.defineProperty(exports2, "Empty", { enumerable: !0, get: function() {
      return types_1.Empty;
    } });
    var transport_2 = require_transport();
    Object.defineProperty(exports2, "extractProtocolMessage", { enumerable: !0, get: function() {
      return transport_2.extractProtocolMessage;
    } });
    Object.defineProperty(exports2, "protoLen", { enumerable: !0, get: function() {
      return transport_2.protoLen;
    } });
    var core_1 = require_core();
    Object.defineProperty(exports2, "createInbox", { enumerable: !0, get: function() {
      return core_1.createInbox;
    } });
    Object.defineProperty(exports2, "Match", { enumerable: !0, get: function() {
      return core_1.Match;
    } });
    Object.defineProperty(exports2, "syncIterator", { enumerable: !0, get: function() {
      return core_1.syncIterator;
    } });
    var protocol_2 = require_protocol();
    Object.defineProperty(exports2, "SubscriptionImpl", { enumerable: !0, get: function() {
      return protocol_2.SubscriptionImpl;
    } });
    Object.defineProperty(exports2, "Subscriptions", { enumerable: !0, get: function() {
      return protocol_2.Subscriptions;
    } });
    var idleheartbeat_monitor_1 = require_idleheartbeat_monitor();
    Object.defineProperty(exports2, "IdleHeartbeatMonitor", { enumerable: !0, get: function() {
      return idleheartbeat_monitor_1.IdleHeartbeatMonitor;
    } });
    var servers_1 = require_servers();
    Object.defineProperty(exports2, "isIPV4OrHostname", { enumerable: !0, get: function() {
      return servers_1.isIPV4OrHostname;
    } });
    Object.defineProperty(exports2, "Servers", { enumerable: !0, get: function() {
      return servers_1.Servers;
    } });
    var ws_transport_1 = require_ws_transport();
    Object.defineProperty(exports2, "wsconnect", { enumerable: !0, get: function() {
      return ws_transport_1.wsconnect;
    } });
    Object.defineProperty(exports2, "wsUrlParseFn", { enumerable: !0, get: function() {
      return ws_transport_1.wsUrlParseFn;
    } });
    var errors_1 = require_errors();
    Object.defineProperty(exports2, "AuthorizationError", { enumerable: !0, get: function() {
      return errors_1.AuthorizationError;
    } });
    Object.defineProperty(exports2, "ClosedConnectionError", { enumerable: !0, get: function() {
      return errors_1.ClosedConnectionError;
    } });
    Object.defineProperty(exports2, "ConnectionError", { enumerable: !0, get: function() {
      return errors_1.ConnectionError;
    } });
    Object.defineProperty(exports2, "DrainingConnectionError", { enumerable: !0, get: function() {
      return errors_1.DrainingConnectionError;
    } });
    Object.defineProperty(exports2, "errors", { enumerable: !0, get: function() {
      return errors_1.errors;
    } });
    Object.defineProperty(exports2, "InvalidArgumentError", { enumerable: !0, get: function() {
      return errors_1.InvalidArgumentError;
    } });
    Object.defineProperty(exports2, "InvalidOperationError", { enumerable: !0, get: function() {
      return errors_1.InvalidOperationError;
    } });
    Object.defineProperty(exports2, "InvalidSubjectError", { enumerable: !0, get: function() {
      return errors_1.InvalidSubjectError;
    } });
    Object.defineProperty(exports2, "NoRespondersError", { enumerable: !0, get: function() {
      return errors_1.NoRespondersError;
    } });
    Object.defineProperty(exports2, "PermissionViolationError", { enumerable: !0, get: function() {
      return errors_1.PermissionViolationError;
    } });
    Object.defineProperty(exports2, "ProtocolError", { enumerable: !0, get: function() {
      return errors_1.ProtocolError;
    } });
    Object.defineProperty(exports2, "RequestError", { enumerable: !0, get: function() {
      return errors_1.RequestError;
    } });
    Object.defineProperty(exports2, "TimeoutError", { enumerable: !0, get: function() {
      return errors_1.TimeoutError;
    } });
    Object.defineProperty(exports2, "UserAuthenticationExpiredError", { enumerable: !0, get: function() {
      return errors_1.UserAuthenticationExpiredError;
    } });
  }
});

// node_modules/@nats-io/transport-node/lib/nats-base-client.js
var require_nats_base_client = __commonJS({
  "node_modules/@nats-io/transport-node/lib/nats-base-client.js"(exports2) {
    "use strict";
    var __createBinding = exports2 && exports2.__createBinding || (Object.create ? (function(o, m, k, k2) {
      k2 === void 0 && (k2 = k);
      var desc = Object.getOwnPropertyDescriptor(m, k);
      (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) && (desc = { enumerable: !0, get: function() {
        return m[k];
      } }), Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      k2 === void 0 && (k2 = k), o[k2] = m[k];
    })), __exportStar = exports2 && exports2.__exportStar || function(m, exports3) {
      for (var p in m) p !== "default" && !Object.prototype.hasOwnProperty.call(exports3, p) && __createBinding(exports3, m, p);
    };
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    __exportStar(require_internal_mod(), exports2);
  }
});

// node_modules/@nats-io/transport-node/lib/version.js
var require_version3 = __commonJS({
  "node_modules/@nats-io/transport-node/lib/version.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.version = void 0;
    exports2.version = "3.4.0";
  }
});

// node_modules/@nats-io/transport-node/lib/node_transport.js
var require_node_transport = __commonJS({
  "node_modules/@nats-io/transport-node/lib/node_transport.js"(exports2) {
    "use strict";
    var __importDefault = exports2 && exports2.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { default: mod };
    };
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.NodeTransport = exports2.VERSION = void 0;
    exports2.nodeResolveHost = nodeResolveHost;
    var nats_base_client_1 = require_nats_base_client(), node_net_1 = require("node:net"), node_tls_1 = require("node:tls"), node_path_1 = require("node:path"), node_fs_1 = require("node:fs"), node_dns_1 = __importDefault(require("node:dns")), version_1 = require_version3();
    exports2.VERSION = version_1.version;
    var LANG = "nats.js", NodeTransport = class {
      socket;
      version;
      lang;
      yields = [];
      signal = (0, nats_base_client_1.deferred)();
      closedNotification = (0, nats_base_client_1.deferred)();
      options;
      connected = !1;
      tlsName = "";
      done = !1;
      closeError;
      constructor() {
        this.lang = LANG, this.version = exports2.VERSION;
      }
      async connect(hp, options) {
        this.tlsName = hp.tlsName, this.options = options;
        let { tls } = this.options, { handshakeFirst } = tls || {};
        try {
          handshakeFirst === !0 ? this.socket = await this.tlsFirst(hp) : this.socket = await this.dial(hp), this.done && this.socket?.destroy();
          let info = await this.peekInfo();
          (0, nats_base_client_1.checkOptions)(info, options);
          let { tls_required: tlsRequired, tls_available: tlsAvailable } = info, desired = tlsAvailable === !0 && options.tls !== null;
          if (!handshakeFirst && (tlsRequired || desired) && (this.socket = await this.startTLS()), this.done && this.socket?.destroy(), tlsRequired && this.socket.encrypted !== !0)
            throw nats_base_client_1.errors.InvalidArgumentError.format("tls", "is not available on this server");
          return this.connected = !0, this.setupHandlers(), this.signal.resolve(), Promise.resolve();
        } catch (ex) {
          let err = ex;
          err || (err = new nats_base_client_1.errors.ConnectionError("error connecting - node provided an undefined error"));
          let { code } = err, perr = code === "ECONNREFUSED" ? new nats_base_client_1.errors.ConnectionError("connection refused", { cause: err }) : err;
          throw this.socket?.destroy(), perr;
        }
      }
      dial(hp) {
        let d = (0, nats_base_client_1.deferred)(), dialError, socket = (0, node_net_1.createConnection)(hp.port, hp.hostname, () => {
          d.resolve(socket), socket.removeAllListeners();
        });
        return socket.on("error", (err) => {
          dialError = err;
        }), socket.on("close", () => {
          socket.removeAllListeners(), d.reject(dialError);
        }), socket.setNoDelay(!0), d;
      }
      get isClosed() {
        return this.done;
      }
      close(err) {
        return this._closed(err, !1);
      }
      peekInfo() {
        let d = (0, nats_base_client_1.deferred)(), peekError;
        return this.socket.on("data", (frame) => {
          this.yields.push(frame);
          let t = nats_base_client_1.DataBuffer.concat(...this.yields), pm = (0, nats_base_client_1.extractProtocolMessage)(t);
          if (pm !== "")
            try {
              let m = nats_base_client_1.INFO.exec(pm);
              if (!m)
                throw new Error("unexpected response from server");
              let info = JSON.parse(m[1]);
              d.resolve(info);
            } catch (err) {
              d.reject(err);
            } finally {
              this.socket.removeAllListeners();
            }
        }), this.socket.on("error", (err) => {
          peekError = err;
        }), this.socket.on("close", () => {
          this.socket.removeAllListeners(), d.reject(peekError);
        }), d;
      }
      loadFile(fn) {
        if (!fn)
          return Promise.resolve();
        let d = (0, nats_base_client_1.deferred)();
        try {
          fn = (0, node_path_1.resolve)(fn), (0, node_fs_1.existsSync)(fn) || d.reject(new Error(`${fn} doesn't exist`)), (0, node_fs_1.readFile)(fn, (err, data) => {
            if (err)
              return d.reject(err);
            d.resolve(data);
          });
        } catch (err) {
          d.reject(err);
        }
        return d;
      }
      async loadClientCerts() {
        let tlsOpts = {}, { certFile, cert, caFile, ca, keyFile, key } = this.options.tls;
        try {
          if (certFile) {
            let data = await this.loadFile(certFile);
            data && (tlsOpts.cert = data);
          } else cert && (tlsOpts.cert = cert);
          if (keyFile) {
            let data = await this.loadFile(keyFile);
            data && (tlsOpts.key = data);
          } else key && (tlsOpts.key = key);
          if (caFile) {
            let data = await this.loadFile(caFile);
            data && (tlsOpts.ca = [data]);
          } else ca && (tlsOpts.ca = ca);
          return Promise.resolve(tlsOpts);
        } catch (err) {
          return Promise.reject(err);
        }
      }
      async tlsFirst(hp) {
        let tlsError, tlsOpts = {
          servername: this.tlsName,
          rejectUnauthorized: !0
        };
        if (this.socket && (tlsOpts.socket = this.socket), typeof this.options.tls == "object")
          try {
            let certOpts = await this.loadClientCerts() || {};
            tlsOpts = (0, nats_base_client_1.extend)(tlsOpts, this.options.tls, certOpts);
          } catch (err) {
            return Promise.reject(new nats_base_client_1.errors.ConnectionError(err.message, { cause: err }));
          }
        let d = (0, nats_base_client_1.deferred)();
        try {
          let tlsSocket = (0, node_tls_1.connect)(hp.port, hp.hostname, tlsOpts, () => {
            tlsSocket.removeAllListeners(), d.resolve(tlsSocket);
          });
          tlsSocket.on("error", (err) => {
            tlsError = err;
          }), tlsSocket.on("secureConnect", () => {
            if (tlsOpts.rejectUnauthorized !== !1 && !tlsSocket.authorized)
              throw tlsSocket.authorizationError;
          }), tlsSocket.on("close", () => {
            d.reject(tlsError), tlsSocket.removeAllListeners();
          }), tlsSocket.setNoDelay(!0);
        } catch (err) {
          d.reject(new nats_base_client_1.errors.ConnectionError(err.message, { cause: err }));
        }
        return d;
      }
      async startTLS() {
        let tlsError, tlsOpts = {
          socket: this.socket,
          servername: this.tlsName,
          rejectUnauthorized: !0
        };
        if (typeof this.options.tls == "object")
          try {
            let certOpts = await this.loadClientCerts() || {};
            tlsOpts = (0, nats_base_client_1.extend)(tlsOpts, this.options.tls, certOpts);
          } catch (err) {
            return Promise.reject(new nats_base_client_1.errors.ConnectionError(err.message, {
              cause: err
            }));
          }
        let d = (0, nats_base_client_1.deferred)();
        try {
          let tlsSocket = (0, node_tls_1.connect)(tlsOpts, () => {
            tlsSocket.removeAllListeners(), d.resolve(tlsSocket);
          });
          tlsSocket.on("error", (err) => {
            tlsError = err;
          }), tlsSocket.on("secureConnect", () => {
            if (tlsOpts.rejectUnauthorized !== !1 && !tlsSocket.authorized)
              throw tlsSocket.authorizationError;
          }), tlsSocket.on("close", () => {
            d.reject(tlsError), tlsSocket.removeAllListeners();
          });
        } catch (err) {
          d.reject(new nats_base_client_1.errors.ConnectionError(err.message, { cause: err }));
        }
        return d;
      }
      setupHandlers() {
        let connError;
        this.socket.on("data", (frame) => (this.yields.push(frame), this.signal.resolve())), this.socket.on("error", (err) => {
          connError = err;
        }), this.socket.on("end", () => {
          this.socket?.destroyed || this.socket?.write(new Uint8Array(0), () => {
            this.socket?.end();
          });
        }), this.socket.on("close", () => {
          this._closed(connError, !1);
        });
      }
      [Symbol.asyncIterator]() {
        return this.iterate();
      }
      async *iterate() {
        for (; ; ) {
          this.yields.length === 0 && await this.signal;
          let yields = this.yields;
          this.yields = [];
          for (let i = 0; i < yields.length; i++)
            this.options.debug && console.info(`> ${(0, nats_base_client_1.render)(yields[i])}`), yield yields[i];
          if (this.done)
            break;
          this.yields.length === 0 && (yields.length = 0, this.yields = yields, this.signal = (0, nats_base_client_1.deferred)());
        }
      }
      discard() {
        if (this.done = !0, this.socket)
          try {
            this.socket.removeAllListeners(), this.socket.destroy();
          } catch {
          }
      }
      disconnect() {
        this._closed(void 0, !0).then().catch();
      }
      isEncrypted() {
        return this.socket instanceof node_tls_1.TLSSocket;
      }
      _send(frame) {
        if (this.isClosed || this.socket === void 0)
          return Promise.resolve();
        this.options.debug && console.info(`< ${(0, nats_base_client_1.render)(frame)}`);
        let d = (0, nats_base_client_1.deferred)();
        try {
          this.socket.write(frame, (err) => err ? (this.options.debug && console.error(`!!! ${(0, nats_base_client_1.render)(frame)}: ${err}`), d.reject(err)) : d.resolve());
        } catch (err) {
          this.options.debug && console.error(`!!! ${(0, nats_base_client_1.render)(frame)}: ${err}`), d.reject(err);
        }
        return d;
      }
      send(frame) {
        this._send(frame).catch((_err) => {
        });
      }
      async _closed(err, internal = !0) {
        if (this.connected) {
          if (this.done) {
            this.socket?.destroy();
            return;
          }
          if (this.closeError = err, !err && this.socket && internal)
            try {
              await this._send(new TextEncoder().encode(""));
            } catch (err2) {
              this.options.debug && console.log("transport close terminated with an error", err2);
            }
          try {
            this.socket && (this.socket.removeAllListeners(), this.socket?.destroy(), this.socket = void 0);
          } catch (err2) {
            console.log(err2);
          }
          this.done = !0, this.closedNotification.resolve(this.closeError);
        }
      }
      closed() {
        return this.closedNotification;
      }
    };
    exports2.NodeTransport = NodeTransport;
    function nodeResolveHost(s) {
      let ips = (0, nats_base_client_1.deferred)();
      return node_dns_1.default.lookup(
        s,
        { all: !0 },
        //@ts-ignore: callback changes shape when all is true
        (err, address) => {
          if (err) {
            ips.reject(err);
            return;
          }
          let buf = [];
          for (let r of address)
            buf.push(r.address);
          buf.length === 0 && buf.push(s), ips.resolve(buf);
        }
      ), ips;
    }
  }
});

// node_modules/@nats-io/transport-node/lib/connect.js
var require_connect = __commonJS({
  "node_modules/@nats-io/transport-node/lib/connect.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.connect = connect2;
    var node_transport_1 = require_node_transport(), nats_base_client_1 = require_nats_base_client(), nats_base_client_2 = require_nats_base_client();
    function connect2(opts = {}) {
      return (0, nats_base_client_2.hasWsProtocol)(opts) ? Promise.reject(nats_base_client_2.errors.InvalidArgumentError.format("servers", "node client doesn't support websockets, use the 'wsconnect' function instead")) : ((0, nats_base_client_1.setTransportFactory)({
        factory: () => new node_transport_1.NodeTransport(),
        dnsResolveFn: node_transport_1.nodeResolveHost
      }), nats_base_client_1.NatsConnectionImpl.connect(opts));
    }
  }
});

// node_modules/@nats-io/transport-node/lib/mod.js
var require_mod3 = __commonJS({
  "node_modules/@nats-io/transport-node/lib/mod.js"(exports2) {
    "use strict";
    var __createBinding = exports2 && exports2.__createBinding || (Object.create ? (function(o, m, k, k2) {
      k2 === void 0 && (k2 = k);
      var desc = Object.getOwnPropertyDescriptor(m, k);
      (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) && (desc = { enumerable: !0, get: function() {
        return m[k];
      } }), Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      k2 === void 0 && (k2 = k), o[k2] = m[k];
    })), __exportStar = exports2 && exports2.__exportStar || function(m, exports3) {
      for (var p in m) p !== "default" && !Object.prototype.hasOwnProperty.call(exports3, p) && __createBinding(exports3, m, p);
    };
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.connect = void 0;
    var connect_1 = require_connect();
    Object.defineProperty(exports2, "connect", { enumerable: !0, get: function() {
      return connect_1.connect;
    } });
    __exportStar(require_nats_base_client(), exports2);
  }
});

// node_modules/@nats-io/transport-node/index.js
var require_transport_node = __commonJS({
  "node_modules/@nats-io/transport-node/index.js"(exports2, module2) {
    "use strict";
    module2.exports = require_mod3();
  }
});

// src/bus/nats/index.ts
var nats_exports = {};
__export(nats_exports, {
  LEASE_MS: () => LEASE_MS,
  RESEND_MS: () => RESEND_MS,
  RemoteFailure: () => RemoteFailure,
  SHORT_CONNECT_TIMEOUT_MS: () => SHORT_CONNECT_TIMEOUT_MS,
  openNatsBus: () => openNatsBus
});
module.exports = __toCommonJS(nats_exports);

// src/bus/nats/bus.ts
var import_node_crypto = require("node:crypto"), import_node_events = require("node:events");

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
function isRequestId(value) {
  return typeof value == "number" && Number.isFinite(value) || typeof value == "string" && value.length <= 200;
}
function parseFrame(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FrameError("malformed", "frame is not JSON", { cause: error });
  }
  if (typeof value != "object" || value === null || Array.isArray(value))
    throw new FrameError("malformed", "frame is not a JSON object");
  let record = value;
  switch (record.t) {
    case "post":
      return { t: "post", p: record.p };
    case "req":
    case "rep":
      if (!isRequestId(record.id)) throw new FrameError("malformed", `"${record.t}" frame has no valid id`);
      return { t: record.t, id: record.id, p: record.p };
    case "err":
      if (!isRequestId(record.id)) throw new FrameError("malformed", '"err" frame has no valid id');
      if (typeof record.m != "string") throw new FrameError("malformed", '"err" frame has no message');
      return { t: "err", id: record.id, m: record.m };
    default:
      throw new FrameError("malformed", 'frame has no known type "t"');
  }
}

// src/bus/nats/failure.ts
var RemoteFailure = class extends Error {
  constructor(kind, message, options) {
    super(message, options);
    this.kind = kind;
  }
  kind;
  name = "RemoteFailure";
};

// src/bus/nats/bus.ts
var RESEND_MS = 1e4, LEASE_MS = 3 * RESEND_MS + 5e3, ANSWERED_TTL_MS = 10 * 6e4, ANSWERED_MAX = 2e3, GONE_GRACE_MS = 5e3, fail = (kind, message, cause) => new RemoteFailure(kind, message, cause === void 0 ? void 0 : { cause });
function encode(subject, frame, maxFrameBytes, brokerMax) {
  let bytes;
  try {
    bytes = encodeFrame(frame, maxFrameBytes).subarray(0, -1);
  } catch (error) {
    throw fail("payload", `cannot send on ${subject}: ${error.message}`, error);
  }
  if (bytes.length > brokerMax)
    throw fail(
      "payload",
      `cannot send on ${subject}: ${bytes.length} bytes is over the broker's max_payload of ${brokerMax} (docs/remote.md sets it)`
    );
  return bytes;
}
function decode(data, maxFrameBytes) {
  if (data.length > maxFrameBytes)
    throw new Error(`a message of ${data.length} bytes is over the cap of ${maxFrameBytes}`);
  return parseFrame(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("utf8"));
}
var errorName = (error) => error?.name ?? "";
function isNoResponders(error) {
  let e = error;
  return errorName(error) === "NoRespondersError" || e?.isNoResponders?.() === !0 || errorName(e?.cause) === "NoRespondersError";
}
function isPermission(error) {
  let e = error;
  return errorName(error) === "PermissionViolationError" || errorName(e?.cause) === "PermissionViolationError";
}
function isTimeout(error) {
  let e = error;
  return errorName(error) === "TimeoutError" || errorName(e?.cause) === "TimeoutError";
}
function natsBus(nc, servers) {
  let listeners = [], reconnected = new AbortController();
  (0, import_node_events.setMaxListeners)(0, reconnected.signal), (async () => {
    for await (let status of nc.status()) {
      if (status.type === "reconnect") {
        let previous = reconnected;
        reconnected = new AbortController(), (0, import_node_events.setMaxListeners)(0, reconnected.signal), previous.abort();
      }
      let data = status.error ?? status.data, line = `NATS ${status.type}${data ? `: ${data.message ?? String(data)}` : ""}`;
      for (let listener of listeners) listener(line);
    }
  })().catch(() => {
  });
  let brokerMax = () => nc.info?.max_payload ?? 1024 * 1024;
  return {
    servers,
    request: async (subject, payload, options) => {
      let maxFrameBytes = options.maxFrameBytes ?? 1048576, id = (0, import_node_crypto.randomBytes)(12).toString("hex"), data = encode(subject, { t: "req", id, p: payload }, maxFrameBytes, brokerMax()), deadline = Date.now() + Math.max(0, options.timeoutMs), signal = options.signal, attempts = 0, noRespondersSince;
      for (; ; ) {
        if (signal?.aborted) throw fail("aborted", `the request on ${subject} was cancelled`);
        let left = deadline - Date.now();
        if (left <= 0) throw fail("timeout", `no reply on ${subject} within ${options.timeoutMs} ms`);
        if (nc.isClosed()) throw fail("unavailable", `the connection to ${servers} is closed`);
        attempts++;
        let wake = reconnected.signal, outcome = await raceAttempt(nc.request(subject, data, { timeout: Math.min(left, RESEND_MS) }), [
          wake,
          ...signal ? [signal] : []
        ]);
        if (outcome.kind === "woken") continue;
        if (outcome.kind === "reply") {
          let frame;
          try {
            frame = decode(outcome.msg.data, maxFrameBytes);
          } catch (error2) {
            throw fail("reply", `a malformed reply on ${subject}: ${error2.message}`, error2);
          }
          if (frame.t === "rep" && frame.id === id) return frame.p;
          throw frame.t === "err" && frame.id === id ? fail("reply", frame.m) : fail("reply", `an unexpected reply on ${subject}`);
        }
        let error = outcome.error;
        if (isNoResponders(error)) {
          if (attempts === 1) throw fail("no-listener", `nobody serves ${subject}`, error);
          if (noRespondersSince ??= Date.now(), Date.now() - noRespondersSince > GONE_GRACE_MS)
            throw fail("gone", `the server of ${subject} went away without replying`, error);
          await sleep(200, signal);
          continue;
        }
        if (noRespondersSince = void 0, !isTimeout(error)) {
          if (isPermission(error))
            throw fail("denied", `the broker refused ${subject}: ${error.message}`, error);
          if (nc.isClosed()) throw fail("unavailable", `the connection to ${servers} closed`, error);
          await sleep(250, signal);
        }
      }
    },
    publish: async (subject, payload, options = {}) => {
      let data = encode(
        subject,
        { t: "post", p: payload },
        options.maxFrameBytes ?? 1048576,
        brokerMax()
      );
      try {
        nc.publish(subject, data);
      } catch (error) {
        throw fail(
          isPermission(error) ? "denied" : "unavailable",
          `cannot publish on ${subject}: ${error.message}`,
          error
        );
      }
      let timer, flushed = await Promise.race([
        nc.flush().then(
          () => !0,
          () => !1
        ),
        new Promise((resolve) => {
          timer = setTimeout(() => resolve(!1), 2e3);
        })
      ]);
      if (clearTimeout(timer), !flushed) throw fail("unavailable", `the broker ${servers} did not take ${subject} within 2 s`);
    },
    serve: async (subject, handler, options = {}) => {
      let maxFrameBytes = options.maxFrameBytes ?? 1048576, report = (error) => {
        try {
          options.onError?.(error);
        } catch {
        }
      }, server = new RequestServer(subject, handler, maxFrameBytes, brokerMax, report), sub = nc.subscribe(subject, {
        callback: (error, msg) => {
          if (error)
            return report(
              fail(isPermission(error) ? "denied" : "unavailable", `${subject}: ${error.message}`, error)
            );
          server.receive(msg);
        }
      });
      if (await nc.flush(), sub.isClosed()) throw fail("denied", `the broker refused a subscription to ${subject}`);
      return {
        close: async () => {
          server.closeAll(), sub.isClosed() || sub.unsubscribe();
        }
      };
    },
    gather: async (subject, payload, { maxWaitMs }) => {
      let id = (0, import_node_crypto.randomBytes)(12).toString("hex"), data = encode(subject, { t: "req", id, p: payload }, 1048576, brokerMax()), replies = [];
      try {
        let iterator = await nc.requestMany(subject, data, { strategy: "timer", maxWait: maxWaitMs });
        for await (let msg of iterator)
          try {
            let frame = decode(msg.data, 1048576);
            frame.t === "rep" && frame.id === id && replies.push(frame.p);
          } catch {
          }
      } catch (error) {
        if (!isNoResponders(error))
          throw fail("unavailable", `cannot ask ${subject}: ${error.message}`, error);
      }
      return replies;
    },
    onStatus: (listener) => listeners.push(listener),
    close: async () => {
      nc.isClosed() || await nc.drain().catch(() => nc.close());
    }
  };
}
function raceAttempt(attempt, signals) {
  return new Promise((resolve) => {
    let cleanups = [], done = (value) => {
      for (let cleanup of cleanups) cleanup();
      resolve(value);
    };
    attempt.then(
      (msg) => done({ kind: "reply", msg }),
      (error) => done({ kind: "error", error })
    );
    for (let signal of signals) {
      if (signal.aborted) return done({ kind: "woken" });
      let onAbort = () => done({ kind: "woken" });
      signal.addEventListener("abort", onAbort, { once: !0 }), cleanups.push(() => signal.removeEventListener("abort", onAbort));
    }
  });
}
function sleep(ms, signal) {
  return new Promise((resolve) => {
    let done = () => {
      clearTimeout(timer), signal?.removeEventListener("abort", done), resolve();
    }, timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: !0 });
  });
}
var RequestServer = class {
  constructor(subject, handler, maxFrameBytes, brokerMax, report) {
    this.subject = subject;
    this.handler = handler;
    this.maxFrameBytes = maxFrameBytes;
    this.brokerMax = brokerMax;
    this.report = report;
  }
  subject;
  handler;
  maxFrameBytes;
  brokerMax;
  report;
  running = /* @__PURE__ */ new Map();
  answered = /* @__PURE__ */ new Map();
  receive(msg) {
    let frame;
    try {
      frame = decode(msg.data, this.maxFrameBytes);
    } catch (error) {
      this.report(new Error(`${this.subject}: refused a message: ${error.message}`)), msg.reply && msg.respond(encodeFrame({ t: "err", id: 0, m: error.message }).subarray(0, -1));
      return;
    }
    if (frame.t === "post") {
      try {
        Promise.resolve(this.handler(frame.p, { kind: "post" })).catch(this.report);
      } catch (error) {
        this.report(error);
      }
      return;
    }
    if (frame.t !== "req" || !msg.reply) {
      this.report(
        new Error(`${this.subject}: a server does not take "${frame.t}" messages without a reply subject`)
      );
      return;
    }
    let key = String(frame.id), answer = this.answered.get(key);
    if (answer) {
      msg.respond(answer.data);
      return;
    }
    let flight = this.running.get(key);
    if (flight) {
      flight.msg = msg, flight.lease.refresh();
      return;
    }
    this.start(key, frame.id, frame.p, msg);
  }
  start(key, id, payload, msg) {
    let left = new AbortController(), lease = setTimeout(() => left.abort(), LEASE_MS);
    lease.unref();
    let flight = { msg, left, lease };
    this.running.set(key, flight), new Promise((run) => run(this.handler(payload, { kind: "request", signal: left.signal }))).then(
      (value) => this.finish(key, flight, { t: "rep", id, p: value }),
      (error) => this.finish(key, flight, {
        t: "err",
        id,
        m: (error instanceof Error ? error.message : String(error)).slice(0, 1e4)
      })
    );
  }
  finish(key, flight, reply) {
    clearTimeout(flight.lease), this.running.delete(key);
    let data;
    try {
      data = encode(this.subject, reply, this.maxFrameBytes, this.brokerMax());
    } catch (error) {
      data = encodeFrame({
        t: "err",
        id: reply.id,
        m: `the reply could not be sent: ${error.message}`
      }).subarray(0, -1);
    }
    this.remember(key, data);
    try {
      flight.msg.respond(data);
    } catch (error) {
      this.report(error);
    }
  }
  remember(key, data) {
    let now = Date.now();
    this.answered.set(key, { data, at: now });
    for (let [old, entry] of this.answered)
      if (this.answered.size > ANSWERED_MAX || now - entry.at > ANSWERED_TTL_MS) this.answered.delete(old);
      else break;
  }
  closeAll() {
    for (let flight of this.running.values())
      clearTimeout(flight.lease), flight.left.abort();
    this.running.clear();
  }
};

// src/bus/nats/connect.ts
var import_node_fs = require("node:fs"), import_transport_node = __toESM(require_transport_node(), 1);

// src/config/remote.ts
function isLoopbackHost(host) {
  let bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127(\.\d{1,3}){3}$/.test(bare);
}
function remoteUsesTls(config) {
  return config.ca !== void 0 || config.cert !== void 0 || config.url.some((u) => u.startsWith("tls://"));
}

// src/bus/subjects.ts
var TOKEN = /^[A-Za-z0-9_-]{1,64}$/;
function token(value, what) {
  if (!TOKEN.test(value))
    throw new TypeError(`${what} ${JSON.stringify(value.slice(0, 80))} is not a subject token`);
  return value;
}
function inboxPrefix(user) {
  return `_INBOX.ccbell.${token(user, "user")}`;
}

// src/bus/nats/connect.ts
var SHORT_CONNECT_TIMEOUT_MS = 800;
function readSecret(ref, env, field) {
  if (ref.startsWith("env:")) {
    let value = env[ref.slice(4)];
    if (!value) throw new RemoteFailure("config", `remote.credentials.${field}: ${ref} is not set`);
    return value.trim();
  }
  try {
    return (0, import_node_fs.readFileSync)(ref.slice(5), "utf8").trim();
  } catch (error) {
    throw new RemoteFailure(
      "config",
      `remote.credentials.${field}: cannot read ${ref.slice(5)} (${error.code ?? "error"})`
    );
  }
}
function readFile(path, field) {
  try {
    return (0, import_node_fs.readFileSync)(path, "utf8");
  } catch (error) {
    throw new RemoteFailure(
      "config",
      `remote.${field}: cannot read ${path} (${error.code ?? "error"})`
    );
  }
}
function authenticator(config, env) {
  let credentials = config.credentials;
  if (!credentials) return;
  if ("creds" in credentials) {
    let text = readFile(credentials.creds, "credentials.creds");
    return (0, import_transport_node.credsAuthenticator)(new TextEncoder().encode(text));
  }
  if ("nkey" in credentials) {
    let seed = readSecret(credentials.nkey, env, "nkey");
    return (0, import_transport_node.nkeyAuthenticator)(new TextEncoder().encode(seed));
  }
  let password = readSecret(credentials.password, env, "password");
  return (0, import_transport_node.usernamePasswordAuthenticator)(credentials.login ?? config.user, password);
}
function connectionOptions(config, env, mode, name) {
  let tls = remoteUsesTls(config);
  for (let url of config.url) {
    let host = new URL(url).hostname;
    if (!tls && !isLoopbackHost(host))
      throw new RemoteFailure("config", `remote.url: ${host} is not loopback and TLS is off; use tls://`);
  }
  let auth = authenticator(config, env);
  return {
    servers: config.url.map((url) => url.replace(/^tls:\/\//, "nats://")),
    name,
    inboxPrefix: inboxPrefix(config.user),
    ...auth ? { authenticator: auth } : {},
    ...tls ? {
      tls: {
        ...config.ca ? { ca: readFile(config.ca, "ca") } : {},
        ...config.cert ? { cert: readFile(config.cert, "cert") } : {},
        ...config.key ? { key: readFile(config.key, "key") } : {}
      }
    } : {},
    timeout: mode === "short" ? SHORT_CONNECT_TIMEOUT_MS : 5e3,
    reconnect: !0,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    reconnectJitter: 100,
    reconnectJitterTLS: 100,
    pingInterval: mode === "long" ? 2e4 : 6e4
  };
}
async function openConnection(options) {
  try {
    return await (0, import_transport_node.connect)(options);
  } catch (error) {
    let text = error.message ?? String(error), kind = /authoriz|authenticat|permission/i.test(text) ? "denied" : "unavailable";
    throw new RemoteFailure(kind, `NATS broker ${serversOf(options)}: ${text}`, { cause: error });
  }
}
function serversOf(options) {
  let servers = options.servers ?? [];
  return (Array.isArray(servers) ? servers : [servers]).join(", ");
}

// src/bus/nats/index.ts
async function openNatsBus(options) {
  let connection = connectionOptions(options.config, options.env, options.mode, options.name), nc = await openConnection(connection);
  return natsBus(nc, options.config.url.join(", "));
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  LEASE_MS,
  RESEND_MS,
  RemoteFailure,
  SHORT_CONNECT_TIMEOUT_MS,
  openNatsBus
});
