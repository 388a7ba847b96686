//go:build unix

package emulator

import (
	"errors"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// pids returns the process IDs of the emulator's instances.
func pids(s *Server) []int {
	s.invoke.mu.Lock()
	defer s.invoke.mu.Unlock()
	var out []int
	for in := range s.invoke.all {
		in.mu.Lock()
		if in.cmd != nil && in.cmd.Process != nil {
			out = append(out, in.cmd.Process.Pid)
		}
		in.mu.Unlock()
	}
	return out
}

// TestClose_endsEveryProcess: Close kills the instances (and what they
// started) and waits for them.
func TestClose_endsEveryProcess(t *testing.T) {
	s := invokeServer(t, `
import subprocess, sys, os
child = None
def handler(event, context):
    global child
    if child is None:
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)"])
    return str(child.pid)
`, nil)
	r := invoke(t, s, invokePath, "")
	expectResult(t, r, string(r.Body))
	running := pids(s)
	if len(running) != 1 {
		t.Fatalf("instances %v, want 1", running)
	}
	var child int
	decodeJSON(t, r.Body, &child)
	s.Close()
	for _, pid := range append(running, child) {
		if err := syscall.Kill(pid, 0); !errors.Is(err, syscall.ESRCH) && !zombie(pid) {
			t.Errorf("process %d is still there after Close (kill -0: %v)", pid, err)
		}
	}
	if left := pids(s); len(left) != 0 {
		t.Errorf("instances %v left after Close", left)
	}
	expectError(t, invoke(t, s, invokePath, ""), 500, codeInternalServerError)
}

func TestInvokeFunction_memoryLimit(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the memory limit (RLIMIT_AS) is checked on Linux")
	}
	s := invokeServer(t, `
def handler(event, context):
    block = bytearray(512 * 1024 * 1024)
    return str(len(block))
`, map[string]any{"memorySize": 128})
	e := expectFunctionError(t, invoke(t, s, invokePath, ""), "UnhandledInvocationError")
	if e.ErrorType != "MemoryError" {
		t.Errorf("error %+v, want a MemoryError at memorySize 128", e)
	}
}

// zombie reports whether a process has ended but was not reaped yet (its
// parent, here init, collects it): on Linux, state Z in /proc/PID/stat.
func zombie(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	return i >= 0 && i+2 < len(s) && s[i+2] == 'Z'
}
