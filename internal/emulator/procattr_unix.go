//go:build unix

package emulator

import (
	"os/exec"
	"syscall"
)

// setProcessGroup starts the runner in a process group of its own, so that
// ending it ends what the function started too.
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

// killProcessGroup kills the runner's process group by its PID.
func killProcessGroup(cmd *exec.Cmd) {
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	_ = cmd.Process.Kill()
}
