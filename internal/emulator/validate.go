package emulator

import (
	"encoding/json"
	"math"
	"regexp"
	"slices"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// Name rules of the official 2021-04-06 SDK (reference section 9).
var (
	serviceNameRE  = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]{0,127}$`)
	functionNameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]{0,63}$`)
)

// Runtimes accepted by FC (reference section 8.1 #9).
var runtimes = []string{
	"nodejs20", "nodejs18", "nodejs16", "nodejs14", "nodejs12", "nodejs10", "nodejs8", "nodejs6", "nodejs4.4",
	"python3.10", "python3.9", "python3", "python2.7",
	"java11", "java8", "go1", "php7.2", "dotnetcore3.1", "dotnetcore2.1",
	"custom.debian10", "custom", "custom-container",
}

// customRuntimes may carry a customHealthCheckConfig.
var customRuntimes = []string{"custom", "custom.debian10", "custom-container"}

const runtimeCustomContainer = "custom-container"

var (
	instanceTypes     = []string{"e1", "c1", "fc.gpu.tesla.1", "fc.gpu.ampere.1", "fc.gpu.ada.1", "g1"}
	diskSizes         = []int64{512, 10240}
	accelerationTypes = []string{"", "Default", "None"}
	logBeginRules     = []string{"", "None", "DefaultRegex"}
)

func validateServiceName(name string) *apiError {
	if !serviceNameRE.MatchString(name) {
		return errInvalidArgument("serviceName '%s' is invalid: use 1 to 128 letters, digits, '-' or '_', not starting with a digit or '-'", name)
	}
	return nil
}

func validateFunctionName(name string) *apiError {
	if !functionNameRE.MatchString(name) {
		return errInvalidArgument("functionName '%s' is invalid: use 1 to 64 letters, digits, '-' or '_', not starting with a digit or '-'", name)
	}
	return nil
}

// validateService checks a service as it would be stored.
func validateService(s *fc.Service) *apiError {
	if s.LogConfig != nil && !slices.Contains(logBeginRules, s.LogConfig.LogBeginRule) {
		return errInvalidArgument("logConfig.logBeginRule must be None or DefaultRegex, got '%s'", s.LogConfig.LogBeginRule)
	}
	return nil
}

// validateFunction checks a function as it would be stored (after defaults
// on create, after the merge on update). hasCode tells whether the
// function has (or receives) a code package.
func validateFunction(f *fc.Function, hasCode bool) *apiError {
	if f.Handler == nil || *f.Handler == "" {
		return errInvalidArgument("handler is required")
	}
	if f.Runtime == nil || *f.Runtime == "" {
		return errInvalidArgument("runtime is required")
	}
	runtime := *f.Runtime
	if !slices.Contains(runtimes, runtime) {
		return errInvalidArgument("runtime '%s' is not supported", runtime)
	}
	if v := f.MemorySize; v != nil && (*v <= 0 || *v%64 != 0) {
		return errInvalidArgument("memorySize must be a positive multiple of 64 (MB), got %d", *v)
	}
	if v := f.CPU; v != nil && !validCPU(*v) {
		return errInvalidArgument("cpu must be a positive multiple of 0.05 (vCPU), got %g", *v)
	}
	if v := f.DiskSize; v != nil && !slices.Contains(diskSizes, *v) {
		return errInvalidArgument("diskSize must be 512 or 10240 (MB), got %d", *v)
	}
	if v := f.GPUMemorySize; v != nil && (*v < 0 || *v%1024 != 0) {
		return errInvalidArgument("gpuMemorySize must be a multiple of 1024 (MB), got %d", *v)
	}
	if v := f.Timeout; v != nil && (*v < 1 || *v > 86400) {
		return errInvalidArgument("timeout must be between 1 and 86400 seconds, got %d", *v)
	}
	if v := f.InitializationTimeout; v != nil && (*v < 1 || *v > 300) {
		return errInvalidArgument("initializationTimeout must be between 1 and 300 seconds, got %d", *v)
	}
	if v := f.InstanceConcurrency; v != nil && *v < 1 {
		return errInvalidArgument("instanceConcurrency must be at least 1, got %d", *v)
	}
	if v := f.InstanceSoftConcurrency; v != nil {
		if *v < 1 {
			return errInvalidArgument("instanceSoftConcurrency must be at least 1, got %d", *v)
		}
		concurrency := int64(defaultInstanceConcurrency)
		if f.InstanceConcurrency != nil {
			concurrency = *f.InstanceConcurrency
		}
		if *v > concurrency {
			return errInvalidArgument("instanceSoftConcurrency (%d) must not exceed instanceConcurrency (%d)", *v, concurrency)
		}
	}
	if v := f.InstanceType; v != nil && !slices.Contains(instanceTypes, *v) {
		return errInvalidArgument("instanceType '%s' is not supported; use one of e1, c1, fc.gpu.tesla.1, fc.gpu.ampere.1, fc.gpu.ada.1, g1", *v)
	}
	if v := f.CAPort; v != nil && (*v < 1 || *v > 65535) {
		return errInvalidArgument("caPort must be a TCP port between 1 and 65535, got %d", *v)
	}
	if f.CustomHealthCheckConfig != nil && !slices.Contains(customRuntimes, runtime) {
		return errInvalidArgument("customHealthCheckConfig is only supported by the custom, custom.debian10 and custom-container runtimes, not '%s'", runtime)
	}
	if ccc := f.CustomContainerConfig; ccc != nil {
		if !slices.Contains(accelerationTypes, ccc.AccelerationType) {
			return errInvalidArgument("customContainerConfig.accelerationType must be Default or None, got '%s'", ccc.AccelerationType)
		}
		if e := validateJSONStringArray("customContainerConfig.command", ccc.Command); e != nil {
			return e
		}
		if e := validateJSONStringArray("customContainerConfig.args", ccc.Args); e != nil {
			return e
		}
	}
	if !hasCode && !(runtime == runtimeCustomContainer && f.CustomContainerConfig != nil) {
		return errInvalidArgument("code is required unless the runtime is custom-container with a customContainerConfig")
	}
	return nil
}

// validCPU reports whether cpu is a positive multiple of 0.05, with a
// tolerance for binary floating point.
func validCPU(cpu float64) bool {
	if cpu <= 0 || math.IsNaN(cpu) || math.IsInf(cpu, 0) {
		return false
	}
	hundredths := cpu * 100
	rounded := math.Round(hundredths)
	if math.Abs(hundredths-rounded) > 1e-6 {
		return false
	}
	return int64(rounded)%5 == 0
}

// validateJSONStringArray checks that a non-empty value is a JSON array of
// strings.
func validateJSONStringArray(field, v string) *apiError {
	if v == "" {
		return nil
	}
	var arr []string
	if err := json.Unmarshal([]byte(v), &arr); err != nil || arr == nil {
		return errInvalidArgument("%s must be a JSON array of strings, got '%s'", field, v)
	}
	return nil
}
