'use strict';
// The FC emulator's Node.js runner: one process is one instance of a
// function, started with the node on the emulator's PATH. It speaks the
// same JSON lines as runner_python.py: requests on standard input, replies
// on standard output (what the function writes to process.stdout goes to
// its log or to standard error). A handler is
// `exports.handler = (event, context, callback) => ...`: an error passed to
// the callback is a HandledInvocationError, a thrown error (or a rejected
// promise, for async handlers) an unhandled one. The process ends when its
// standard input closes.
const fs = require('fs');
const path = require('path');
const readline = require('readline');
const util = require('util');
const Module = require('module');
const { AsyncLocalStorage } = require('async_hooks');

const MAX_LOG = 64 * 1024;
const als = new AsyncLocalStorage();
const realStderrWrite = process.stderr.write.bind(process.stderr);

function send(msg) {
  fs.writeSync(1, JSON.stringify(msg) + '\n');
}

function capture(text) {
  const store = als.getStore();
  if (!store || store.done) {
    realStderrWrite(text);
    return;
  }
  store.log.push(text);
  store.size += text.length;
  if (store.size > 2 * MAX_LOG) {
    const joined = store.log.join('').slice(-MAX_LOG);
    store.log = [joined];
    store.size = joined.length;
  }
}

process.stdout.write = (chunk, encoding, cb) => {
  capture(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
  if (typeof encoding === 'function') encoding();
  else if (typeof cb === 'function') cb();
  return true;
};
process.stderr.write = process.stdout.write;

function logLine(level) {
  return (...args) => {
    const store = als.getStore();
    const id = store ? store.requestId : '';
    capture(`${new Date().toISOString()} ${id} [${level}] ${util.format(...args)}\n`);
  };
}
console.log = logLine('INFO');
console.info = logLine('INFO');
console.debug = logLine('DEBUG');
console.warn = logLine('WARN');
console.error = logLine('ERROR');

function errorPayload(err) {
  if (err instanceof Error) {
    const stack = String(err.stack || '').split('\n').slice(1).map((s) => s.trim()).filter(Boolean);
    return { errorMessage: err.message, errorType: err.name || 'Error', stackTrace: stack };
  }
  return { errorMessage: typeof err === 'string' ? err : util.inspect(err), errorType: typeof err };
}

function asBuffer(value) {
  if (value === undefined || value === null) return Buffer.alloc(0);
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value);
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  return Buffer.from(JSON.stringify(value), 'utf8');
}

function maxRssKB() {
  try {
    return process.resourceUsage().maxRSS;
  } catch (e) {
    return Math.round(process.memoryUsage().rss / 1024);
  }
}

class LoadError extends Error {
  constructor(type, message) {
    super(message);
    this.name = type;
  }
}

let init = null;
const loaded = {};

function load(spec, what) {
  if (loaded[spec]) return loaded[spec];
  const dot = spec.lastIndexOf('.');
  if (dot <= 0 || dot === spec.length - 1) {
    throw new LoadError('InvalidHandler', `${what} '${spec}' is not of the form module.function`);
  }
  const modName = spec.slice(0, dot);
  const fnName = spec.slice(dot + 1);
  let mod;
  try {
    mod = require(path.resolve(init.codeDir, modName));
  } catch (e) {
    throw new LoadError('ImportModuleError', `Unable to import module '${modName}': ${e && e.message}`);
  }
  const fn = mod && mod[fnName];
  if (typeof fn !== 'function') {
    throw new LoadError('HandlerNotFound', `${what} '${fnName}' is missing on module '${modName}'`);
  }
  loaded[spec] = fn;
  return fn;
}

const pending = new Map();

// run calls fn(callback) in a captured context and calls done(ok, value,
// handled, log) once.
function run(requestId, fn, done) {
  const store = { log: [], size: 0, requestId, done: false };
  const finish = (ok, value, handled) => {
    if (store.done) return;
    const log = store.log.join('').slice(-MAX_LOG);
    store.done = true;
    pending.delete(requestId);
    done(ok, value, handled, log);
  };
  pending.set(requestId, finish);
  als.run(store, () => {
    const callback = (err, data) => {
      if (err !== undefined && err !== null) {
        capture(`${new Date().toISOString()} ${requestId} [ERROR] ${util.format(err)}\n`);
        finish(false, errorPayload(err), true);
      } else {
        finish(true, data, false);
      }
    };
    try {
      const ret = fn(callback);
      if (ret && typeof ret.then === 'function') {
        ret.then((v) => finish(true, v, false), (e) => {
          capture(`${util.format(e)}\n`);
          finish(false, errorPayload(e), false);
        });
      }
    } catch (e) {
      capture(`${util.format(e)}\n`);
      finish(false, errorPayload(e), false);
    }
  });
}

// camel turns the emulator's snake_case context fields into the Node.js
// runtime's camelCase ones (request_id -> requestId).
function camel(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    out[k.replace(/_([a-z])/g, (m, c) => c.toUpperCase())] = camel(v);
  }
  return out;
}

function context(extra) {
  return camel(Object.assign({}, init.context || {}, extra || {}));
}

process.on('uncaughtException', (err) => {
  const store = als.getStore();
  const payload = errorPayload(err);
  realStderrWrite(`uncaught: ${util.format(err)}\n`);
  if (store && pending.has(store.requestId)) {
    pending.get(store.requestId)(false, payload, false);
    return;
  }
  for (const finish of [...pending.values()]) finish(false, payload, false);
});
process.on('unhandledRejection', (err) => {
  throw err;
});

function handleInit(msg) {
  init = msg;
  const paths = (msg.paths || []).concat(process.env.NODE_PATH ? [process.env.NODE_PATH] : []);
  process.env.NODE_PATH = paths.join(path.delimiter);
  Module._initPaths();
  process.chdir(msg.codeDir);
  if (!msg.initializer) {
    send({ type: 'init', ok: true, maxRssKB: maxRssKB() });
    return;
  }
  const ctx = context({ request_id: msg.requestId });
  run(msg.requestId || 'init', (cb) => load(msg.initializer, 'initializer')(ctx, cb), (ok, value, handled, log) => {
    const reply = { type: 'init', ok, log, maxRssKB: maxRssKB() };
    if (!ok) reply.error = value;
    send(reply);
  });
}

function handleInvoke(msg) {
  const ctx = context(msg.context);
  const event = Buffer.from(msg.event || '', 'base64');
  run(msg.id, (cb) => load(init.handler, 'handler')(event, ctx, cb), (ok, value, handled, log) => {
    const reply = { type: 'result', id: msg.id, ok, log, maxRssKB: maxRssKB() };
    if (ok) {
      try {
        reply.body = asBuffer(value).toString('base64');
      } catch (e) {
        reply.ok = false;
        reply.error = errorPayload(e);
      }
    } else {
      reply.error = value;
      reply.handled = handled;
    }
    send(reply);
  });
}

send({ type: 'started' });
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  if (!line.trim()) return;
  const msg = JSON.parse(line);
  if (msg.type === 'init') handleInit(msg);
  else if (msg.type === 'invoke') handleInvoke(msg);
});
rl.on('close', () => process.exit(0));
