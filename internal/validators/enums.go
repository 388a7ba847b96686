package validators

import (
	"fmt"
	"strings"
)

// Function runtimes accepted by FC (fc-api.md section 8.1 #9). Version dots
// are dropped from the Go names, as in crypto/tls's VersionTLS12.
const (
	RuntimeNodejs20        string = "nodejs20"
	RuntimeNodejs18        string = "nodejs18"
	RuntimeNodejs16        string = "nodejs16"
	RuntimeNodejs14        string = "nodejs14"
	RuntimeNodejs12        string = "nodejs12"
	RuntimeNodejs10        string = "nodejs10"
	RuntimeNodejs8         string = "nodejs8"
	RuntimeNodejs6         string = "nodejs6"
	RuntimeNodejs44        string = "nodejs4.4"
	RuntimePython310       string = "python3.10"
	RuntimePython39        string = "python3.9"
	RuntimePython3         string = "python3"
	RuntimePython27        string = "python2.7"
	RuntimeJava11          string = "java11"
	RuntimeJava8           string = "java8"
	RuntimeGo1             string = "go1"
	RuntimePHP72           string = "php7.2"
	RuntimeDotnetcore31    string = "dotnetcore3.1"
	RuntimeDotnetcore21    string = "dotnetcore2.1"
	RuntimeCustomDebian10  string = "custom.debian10"
	RuntimeCustom          string = "custom"
	RuntimeCustomContainer string = "custom-container"
)

// Runtimes lists every function runtime FC accepts, in the order of the API
// reference. Use it with stringvalidator.OneOf and MarkdownEnum.
var Runtimes = []string{
	RuntimeNodejs20,
	RuntimeNodejs18,
	RuntimeNodejs16,
	RuntimeNodejs14,
	RuntimeNodejs12,
	RuntimeNodejs10,
	RuntimeNodejs8,
	RuntimeNodejs6,
	RuntimeNodejs44,
	RuntimePython310,
	RuntimePython39,
	RuntimePython3,
	RuntimePython27,
	RuntimeJava11,
	RuntimeJava8,
	RuntimeGo1,
	RuntimePHP72,
	RuntimeDotnetcore31,
	RuntimeDotnetcore21,
	RuntimeCustomDebian10,
	RuntimeCustom,
	RuntimeCustomContainer,
}

// CustomRuntimes lists the runtimes that accept a custom health check
// configuration and caPort (custom runtime and custom container).
var CustomRuntimes = []string{
	RuntimeCustom,
	RuntimeCustomDebian10,
	RuntimeCustomContainer,
}

// Function instance types. InstanceTypeG1 is an alias of
// InstanceTypeGPUTesla1 on the service side.
const (
	InstanceTypeE1         string = "e1"
	InstanceTypeC1         string = "c1"
	InstanceTypeGPUTesla1  string = "fc.gpu.tesla.1"
	InstanceTypeGPUAmpere1 string = "fc.gpu.ampere.1"
	InstanceTypeGPUAda1    string = "fc.gpu.ada.1"
	InstanceTypeG1         string = "g1"
)

// InstanceTypes lists every function instance type FC accepts.
var InstanceTypes = []string{
	InstanceTypeE1,
	InstanceTypeC1,
	InstanceTypeGPUTesla1,
	InstanceTypeGPUAmpere1,
	InstanceTypeGPUAda1,
	InstanceTypeG1,
}

// Function disk sizes in MB.
const (
	DiskSize512   int64 = 512
	DiskSize10240 int64 = 10240
)

// DiskSizes lists the disk sizes (MB) FC accepts. Use it with
// int64validator.OneOf(DiskSizes...).
var DiskSizes = []int64{DiskSize512, DiskSize10240}

// Custom container image acceleration types.
const (
	AccelerationTypeDefault string = "Default"
	AccelerationTypeNone    string = "None"
)

// AccelerationTypes lists the custom container acceleration types.
var AccelerationTypes = []string{AccelerationTypeDefault, AccelerationTypeNone}

// Service log configuration begin rules.
const (
	LogBeginRuleNone         string = "None"
	LogBeginRuleDefaultRegex string = "DefaultRegex"
)

// LogBeginRules lists the service log begin rules.
var LogBeginRules = []string{LogBeginRuleNone, LogBeginRuleDefaultRegex}

// MarkdownEnum renders values for a MarkdownDescription as a list of code
// spans: "`a`", "`a` or `b`", "`a`, `b` or `c`". It returns "" for no values.
func MarkdownEnum[T any](values []T) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "`" + fmt.Sprint(v) + "`"
	}
	switch len(quoted) {
	case 0:
		return ""
	case 1:
		return quoted[0]
	default:
		return strings.Join(quoted[:len(quoted)-1], ", ") + " or " + quoted[len(quoted)-1]
	}
}
