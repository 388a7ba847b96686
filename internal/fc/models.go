package fc

// Wire models for the FC 2021-04-06 API.
//
// Presence scheme (so that zero, false and empty values can be sent and
// cleared):
//   - top-level scalars are pointers with omitempty: nil is "not sent",
//     a pointer to the zero value is sent as 0, false or "";
//   - top-level maps and slices use omitzero: nil is "not sent", a non-nil
//     empty map or slice is sent as {} or [] (which clears the field);
//   - top-level nested objects are pointers: nil is "not sent"; a non-nil
//     object replaces the stored object as a whole, and an object whose
//     fields are all zero clears it.
//
// Decoding follows the same scheme: JSON null and absent both decode to nil.

// Ptr returns a pointer to v, for setting the pointer fields of the models.
func Ptr[T any](v T) *T { return &v }

// Service is an FC service.
type Service struct {
	ServiceName      *string         `json:"serviceName,omitempty"`
	ServiceID        *string         `json:"serviceId,omitempty"`
	Description      *string         `json:"description,omitempty"`
	InternetAccess   *bool           `json:"internetAccess,omitempty"`
	Role             *string         `json:"role,omitempty"`
	LogConfig        *LogConfig      `json:"logConfig,omitempty"`
	NASConfig        *NASConfig      `json:"nasConfig,omitempty"`
	OSSMountConfig   *OSSMountConfig `json:"ossMountConfig,omitempty"`
	VPCConfig        *VPCConfig      `json:"vpcConfig,omitempty"`
	TracingConfig    *TracingConfig  `json:"tracingConfig,omitempty"`
	CreatedTime      *string         `json:"createdTime,omitempty"`
	LastModifiedTime *string         `json:"lastModifiedTime,omitempty"`
}

// LogConfig sends function logs to a Simple Log Service logstore.
type LogConfig struct {
	Project               string `json:"project"`
	Logstore              string `json:"logstore"`
	EnableRequestMetrics  bool   `json:"enableRequestMetrics"`
	EnableInstanceMetrics bool   `json:"enableInstanceMetrics"`
	// LogBeginRule is "None" or "DefaultRegex"; empty means not set.
	LogBeginRule string `json:"logBeginRule,omitempty"`
}

// NASConfig mounts NAS file systems into the service's instances.
type NASConfig struct {
	UserID      int64           `json:"userId"`
	GroupID     int64           `json:"groupId"`
	MountPoints []NASMountPoint `json:"mountPoints"`
}

// NASMountPoint is one NAS mount.
type NASMountPoint struct {
	ServerAddr string `json:"serverAddr"`
	MountDir   string `json:"mountDir"`
	EnableTLS  bool   `json:"enableTLS"`
}

// OSSMountConfig mounts OSS buckets into the service's instances.
type OSSMountConfig struct {
	MountPoints []OSSMountPoint `json:"mountPoints"`
}

// OSSMountPoint is one OSS mount.
type OSSMountPoint struct {
	BucketName string `json:"bucketName"`
	BucketPath string `json:"bucketPath"`
	Endpoint   string `json:"endpoint"`
	MountDir   string `json:"mountDir"`
	ReadOnly   bool   `json:"readOnly"`
}

// VPCConfig attaches the service to a VPC.
type VPCConfig struct {
	VPCID           string   `json:"vpcId"`
	VSwitchIDs      []string `json:"vSwitchIds"`
	SecurityGroupID string   `json:"securityGroupId"`
	Role            string   `json:"role,omitempty"`
}

// TracingConfig enables Tracing Analysis.
type TracingConfig struct {
	Type   string            `json:"type"`
	Params map[string]string `json:"params"`
}

// Function is an FC function (2021-04-06 shape).
type Function struct {
	FunctionName            *string                  `json:"functionName,omitempty"`
	FunctionID              *string                  `json:"functionId,omitempty"`
	Description             *string                  `json:"description,omitempty"`
	Runtime                 *string                  `json:"runtime,omitempty"`
	Handler                 *string                  `json:"handler,omitempty"`
	Initializer             *string                  `json:"initializer,omitempty"`
	InitializationTimeout   *int64                   `json:"initializationTimeout,omitempty"`
	Timeout                 *int64                   `json:"timeout,omitempty"`
	MemorySize              *int64                   `json:"memorySize,omitempty"`
	CPU                     *float64                 `json:"cpu,omitempty"`
	DiskSize                *int64                   `json:"diskSize,omitempty"`
	GPUMemorySize           *int64                   `json:"gpuMemorySize,omitempty"`
	InstanceType            *string                  `json:"instanceType,omitempty"`
	InstanceConcurrency     *int64                   `json:"instanceConcurrency,omitempty"`
	InstanceSoftConcurrency *int64                   `json:"instanceSoftConcurrency,omitempty"`
	CAPort                  *int64                   `json:"caPort,omitempty"`
	EnvironmentVariables    map[string]string        `json:"environmentVariables,omitzero"`
	Layers                  []string                 `json:"layers,omitzero"`
	LayersArnV2             []string                 `json:"layersArnV2,omitzero"`
	Code                    *Code                    `json:"code,omitempty"`
	CustomContainerConfig   *CustomContainerConfig   `json:"customContainerConfig,omitempty"`
	CustomDNS               *CustomDNS               `json:"customDNS,omitempty"`
	CustomRuntimeConfig     *CustomRuntimeConfig     `json:"customRuntimeConfig,omitempty"`
	CustomHealthCheckConfig *CustomHealthCheckConfig `json:"customHealthCheckConfig,omitempty"`
	InstanceLifecycleConfig *InstanceLifecycleConfig `json:"instanceLifecycleConfig,omitempty"`
	CodeChecksum            *string                  `json:"codeChecksum,omitempty"`
	CodeSize                *int64                   `json:"codeSize,omitempty"`
	CreatedTime             *string                  `json:"createdTime,omitempty"`
	LastModifiedTime        *string                  `json:"lastModifiedTime,omitempty"`
}

// Code is a function's code package (request only). Exactly one source:
// ZipFile, or OSSBucketName together with OSSObjectName.
type Code struct {
	OSSBucketName string `json:"ossBucketName,omitempty"`
	OSSObjectName string `json:"ossObjectName,omitempty"`
	// ZipFile is the base64 encoding of the zip archive.
	ZipFile string `json:"zipFile,omitempty"`
}

// CustomContainerConfig configures the custom-container runtime.
type CustomContainerConfig struct {
	Image string `json:"image"`
	// Command and Args are JSON arrays encoded as strings.
	Command          string            `json:"command,omitempty"`
	Args             string            `json:"args,omitempty"`
	AccelerationType string            `json:"accelerationType,omitempty"`
	InstanceID       string            `json:"instanceID,omitempty"`
	WebServerMode    *bool             `json:"webServerMode,omitempty"`
	AccelerationInfo *AccelerationInfo `json:"accelerationInfo,omitempty"`
}

// AccelerationInfo is returned by GetFunction for custom containers.
type AccelerationInfo struct {
	Status string `json:"status"`
}

// CustomDNS configures the DNS resolver of the function's instances.
type CustomDNS struct {
	NameServers []string    `json:"nameServers"`
	Searches    []string    `json:"searches"`
	DNSOptions  []DNSOption `json:"dnsOptions"`
}

// DNSOption is one resolver option.
type DNSOption struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// CustomRuntimeConfig is the start command of a custom runtime.
type CustomRuntimeConfig struct {
	Command []string `json:"command"`
	Args    []string `json:"args"`
}

// CustomHealthCheckConfig is the health check of a custom runtime or container.
type CustomHealthCheckConfig struct {
	HTTPGetURL          string `json:"httpGetUrl"`
	InitialDelaySeconds int64  `json:"initialDelaySeconds"`
	PeriodSeconds       int64  `json:"periodSeconds"`
	TimeoutSeconds      int64  `json:"timeoutSeconds"`
	FailureThreshold    int64  `json:"failureThreshold"`
	SuccessThreshold    int64  `json:"successThreshold"`
}

// InstanceLifecycleConfig holds the instance lifecycle hooks.
type InstanceLifecycleConfig struct {
	PreFreeze *LifecycleHook `json:"preFreeze,omitempty"`
	PreStop   *LifecycleHook `json:"preStop,omitempty"`
}

// LifecycleHook is one lifecycle hook.
type LifecycleHook struct {
	Handler string `json:"handler"`
	Timeout int64  `json:"timeout"`
}

// FunctionCode is the answer of GetFunctionCode.
type FunctionCode struct {
	URL      string `json:"url"`
	Checksum string `json:"checksum"`
}

// ListOptions selects and pages a list operation. The client follows
// nextToken to the end; Limit is the page size of each request (0 means the
// service default).
type ListOptions struct {
	Prefix   string
	StartKey string
	Limit    int
}
