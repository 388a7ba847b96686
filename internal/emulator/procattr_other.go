//go:build !unix

package emulator

import "os/exec"

// setProcessGroup does nothing where process groups are not available.
func setProcessGroup(*exec.Cmd) {}

// killProcessGroup kills the runner process by its PID.
func killProcessGroup(cmd *exec.Cmd) {
	_ = cmd.Process.Kill()
}
