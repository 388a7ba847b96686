# The FC emulator's Python runner: one process is one instance of a
# function. The emulator (internal/emulator/runtime.go) starts it with the
# python3 on its PATH and speaks JSON lines with it: requests on standard
# input, replies on the standard output this script keeps for itself (the
# handler's own writes to file descriptor 1 go to standard error).
#
#   <- {"type": "started"}                              (once running)
#   -> {"type": "init", "codeDir": ..., "paths": [...], "handler": "index.handler",
#       "initializer": "index.init", "memoryMB": 128, "context": {...}, "requestId": ...}
#   <- {"type": "init", "ok": true, "log": "..."}      (or "error": {...})
#   -> {"type": "invoke", "id": ..., "event": "<base64>", "context": {...}}
#   <- {"type": "result", "id": ..., "ok": true, "body": "<base64>", "log": "...", "maxRssKB": N}
#
# Invocations run in threads (the emulator sends at most the function's
# instance concurrency at once); what a handler prints or logs is captured
# per invocation. The process ends when its standard input closes.
import base64
import importlib
import io
import json
import logging
import os
import sys
import threading
import time
import traceback

_proto = os.fdopen(os.dup(1), "w", encoding="utf-8")
os.dup2(2, 1)
_proto_lock = threading.Lock()


def _send(msg):
    line = json.dumps(msg, separators=(",", ":"))
    with _proto_lock:
        _proto.write(line + "\n")
        _proto.flush()


_local = threading.local()
# A handler's output beyond this is cut from the front; the emulator keeps
# only the last 4 KB.
_MAX_LOG = 64 * 1024


class _Capture(io.TextIOBase):
    """sys.stdout and sys.stderr: the invocation's log in a thread that
    runs one, the process's standard error elsewhere."""

    def __init__(self, real):
        self._real = real

    @property
    def encoding(self):
        return "utf-8"

    def writable(self):
        return True

    def write(self, s):
        if not isinstance(s, str):
            s = str(s)
        buf = getattr(_local, "log", None)
        if buf is None:
            self._real.write(s)
            return len(s)
        buf.append(s)
        _local.size += len(s)
        if _local.size > 2 * _MAX_LOG:
            text = "".join(buf)[-_MAX_LOG:]
            buf[:] = [text]
            _local.size = len(text)
        return len(s)

    def flush(self):
        if getattr(_local, "log", None) is None:
            self._real.flush()


sys.stdout = _Capture(sys.__stderr__)
sys.stderr = _Capture(sys.__stderr__)


class _Formatter(logging.Formatter):
    def format(self, record):
        record.fc_request_id = getattr(_local, "request_id", "")
        return super().format(record)

    def formatTime(self, record, datefmt=None):
        t = time.gmtime(record.created)
        return time.strftime("%Y-%m-%dT%H:%M:%S", t) + ".%03dZ" % record.msecs


_handler = logging.StreamHandler(sys.stdout)
_handler.setFormatter(_Formatter("%(asctime)s %(fc_request_id)s [%(levelname)s] %(message)s"))
logging.getLogger().handlers = [_handler]
logging.getLogger().setLevel(logging.INFO)


class _Attrs:
    def __init__(self, fields):
        for k, v in fields.items():
            setattr(self, k, _Attrs(v) if isinstance(v, dict) else v)

    def __repr__(self):
        return repr(self.__dict__)


def _context(fields):
    return _Attrs(fields)


def _max_rss_kb():
    try:
        import resource

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return rss // 1024 if sys.platform == "darwin" else rss
    except Exception:
        return 0


def _error(exc, tb=None):
    frames = traceback.extract_tb(tb if tb is not None else exc.__traceback__)
    frames = [f for f in frames if os.path.abspath(f.filename) != os.path.abspath(__file__)]
    return {
        "errorMessage": str(exc),
        "errorType": type(exc).__name__,
        "stackTrace": traceback.format_list(frames),
    }


_modules_lock = threading.Lock()


def _load(spec, what):
    """Returns the callable named by "module.function" (the module may be
    a path: "src/index.handler")."""
    module_name, sep, func_name = spec.rpartition(".")
    if not sep or not module_name or not func_name:
        raise _LoadError("InvalidHandler", "%s '%s' is not of the form module.function" % (what, spec))
    module_name = module_name.replace("/", ".")
    with _modules_lock:
        try:
            module = importlib.import_module(module_name)
        except Exception as exc:
            raise _LoadError("ImportModuleError", "Unable to import module '%s': %s: %s" % (module_name, type(exc).__name__, exc),
                             exc) from exc
    fn = getattr(module, func_name, None)
    if fn is None or not callable(fn):
        raise _LoadError("HandlerNotFound", "%s '%s' is missing on module '%s'" % (what, func_name, module_name))
    return fn


class _LoadError(Exception):
    def __init__(self, error_type, message, cause=None):
        super().__init__(message)
        self.error_type = error_type
        self.cause = cause

    def payload(self):
        out = {"errorMessage": str(self), "errorType": self.error_type}
        if self.cause is not None:
            out["stackTrace"] = traceback.format_list(traceback.extract_tb(self.cause.__traceback__))
        return out


def _captured(request_id, fn):
    """Runs fn with the thread's output captured; returns (ok, value, log)
    where value is fn's result, or the error payload when it failed."""
    _local.log, _local.size, _local.request_id = [], 0, request_id
    ok, value = True, None
    try:
        value = fn()
    except _LoadError as exc:
        ok, value = False, exc.payload()
        print(str(exc))
    except BaseException as exc:  # the handler's failure, whatever it is
        ok, value = False, _error(exc)
        print("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)), end="")
    log = "".join(_local.log)[-_MAX_LOG:]
    _local.log, _local.request_id = None, ""
    return ok, value, log


def _as_bytes(value):
    if value is None:
        return b""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    if isinstance(value, str):
        return value.encode("utf-8")
    try:
        return json.dumps(value).encode("utf-8")
    except (TypeError, ValueError):
        return str(value).encode("utf-8")


_base = {}
_handler_fn = [None]


def _invoke(msg):
    request_id = msg["id"]
    ctx = _context(dict(_base, **msg.get("context", {})))

    def call():
        if _handler_fn[0] is None:
            _handler_fn[0] = _load(_base_handler[0], "handler")
        return _handler_fn[0](base64.b64decode(msg.get("event", "")), ctx)

    ok, value, log = _captured(request_id, call)
    reply = {"type": "result", "id": request_id, "ok": ok, "log": log, "maxRssKB": _max_rss_kb()}
    if ok:
        try:
            reply["body"] = base64.b64encode(_as_bytes(value)).decode("ascii")
        except BaseException as exc:
            reply["ok"], reply["error"] = False, _error(exc)
    else:
        reply["error"] = value
    _send(reply)


_base_handler = [""]


def _limit_memory(mb):
    if not mb:
        return
    try:
        import resource

        limit = int(mb) * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except Exception:
        pass  # not every OS allows it


def main():
    _send({"type": "started"})
    line = sys.stdin.readline()
    if not line:
        return
    init = json.loads(line)
    code_dir = init["codeDir"]
    sys.path[:0] = [code_dir] + list(init.get("paths") or [])
    os.chdir(code_dir)
    _base.update(init.get("context") or {})
    _base_handler[0] = init["handler"]
    _limit_memory(init.get("memoryMB"))

    reply = {"type": "init", "ok": True}
    if init.get("initializer"):
        ctx = _context(dict(_base, request_id=init.get("requestId", "")))
        ok, value, log = _captured(init.get("requestId", ""), lambda: _load(init["initializer"], "initializer")(ctx))
        reply["ok"], reply["log"] = ok, log
        if not ok:
            reply["error"] = value
    reply["maxRssKB"] = _max_rss_kb()
    _send(reply)

    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        msg = json.loads(line)
        if msg.get("type") == "invoke":
            threading.Thread(target=_invoke, args=(msg,), daemon=True).start()
    # Standard input closed: the emulator stopped this instance or is gone.
    _proto.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
