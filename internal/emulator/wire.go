package emulator

import (
	"encoding/json"
	"sort"
	"strconv"
)

// The request bodies the emulator knows, member by member, for strict mode
// (Options.Strict). The names are those of the official 2021-04-06 Go SDK
// (github.com/alibabacloud-go/fc-open-20210406/v2, its Create*/Update*
// request structs; reference section 9.1), not those of internal/fc, so a
// wrong JSON tag in the client fails a strict test instead of vanishing.
// Members the SDK has but the emulator does not store (CreateAlias
// resolvePolicy and routePolicy) are left out: the emulator does not know
// them. TestStrictShapesDecode checks that every member listed here is
// decoded by the type the handler decodes into.

// shape is the known members of a JSON value: of an object (members) or
// of the elements of a list (elem). A nil shape is not checked (scalars,
// maps keyed by the user, triggerConfig).
type shape struct {
	members map[string]*shape
	elem    *shape
}

func object(members map[string]*shape) *shape { return &shape{members: members} }
func listOf(elem *shape) *shape               { return &shape{elem: elem} }

// with returns a copy of an object shape with more members.
func (sh *shape) with(members map[string]*shape) *shape {
	out := &shape{members: make(map[string]*shape, len(sh.members)+len(members))}
	for k, v := range sh.members {
		out.members[k] = v
	}
	for k, v := range members {
		out.members[k] = v
	}
	return out
}

// unknownMember returns the path of the first member of v (in sorted
// order, depth first) that sh does not know, e.g.
// "nasConfig.mountPoints[0].serverAdr"; "" when there is none. Values of
// the wrong JSON type are left to the decoder to refuse.
func (sh *shape) unknownMember(v json.RawMessage, path string) string {
	if sh == nil {
		return ""
	}
	if sh.members != nil {
		var obj map[string]json.RawMessage
		if json.Unmarshal(v, &obj) != nil {
			return ""
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p := k
			if path != "" {
				p = path + "." + k
			}
			sub, ok := sh.members[k]
			if !ok {
				return p
			}
			if u := sub.unknownMember(obj[k], p); u != "" {
				return u
			}
		}
	}
	if sh.elem != nil {
		var list []json.RawMessage
		if json.Unmarshal(v, &list) != nil {
			return ""
		}
		for i, e := range list {
			if u := sh.elem.unknownMember(e, path+"["+strconv.Itoa(i)+"]"); u != "" {
				return u
			}
		}
	}
	return ""
}

// checkStrict refuses (400 InvalidArgument) a body member the operation's
// shape does not know. Bodies that are not JSON objects are left to the
// handler.
func checkStrict(sh *shape, body []byte) *apiError {
	if sh == nil || len(body) == 0 {
		return nil
	}
	if u := sh.unknownMember(body, ""); u != "" {
		return errInvalidArgument("unknown field %q in body", u)
	}
	return nil
}

// Shapes of the service body.
var (
	logConfigShape = object(map[string]*shape{
		"enableInstanceMetrics": nil, "enableRequestMetrics": nil, "logBeginRule": nil, "logstore": nil, "project": nil,
	})
	nasConfigShape = object(map[string]*shape{
		"groupId": nil, "userId": nil,
		"mountPoints": listOf(object(map[string]*shape{"enableTLS": nil, "mountDir": nil, "serverAddr": nil})),
	})
	ossMountConfigShape = object(map[string]*shape{
		"mountPoints": listOf(object(map[string]*shape{
			"bucketName": nil, "bucketPath": nil, "endpoint": nil, "mountDir": nil, "readOnly": nil,
		})),
	})
	tracingConfigShape = object(map[string]*shape{"params": nil, "type": nil})
	vpcConfigShape     = object(map[string]*shape{"role": nil, "securityGroupId": nil, "vSwitchIds": nil, "vpcId": nil})

	// updateServiceShape is UpdateServiceRequest; CreateServiceRequest adds
	// serviceName.
	updateServiceShape = object(map[string]*shape{
		"description": nil, "internetAccess": nil, "logConfig": logConfigShape, "nasConfig": nasConfigShape,
		"ossMountConfig": ossMountConfigShape, "role": nil, "tracingConfig": tracingConfigShape, "vpcConfig": vpcConfigShape,
	})
	createServiceShape = updateServiceShape.with(map[string]*shape{"serviceName": nil})
)

// Shapes of the function body.
var (
	lifecycleHookShape = object(map[string]*shape{"handler": nil, "timeout": nil})

	// updateFunctionShape is UpdateFunctionRequest; CreateFunctionRequest
	// adds functionName. Both accept instanceConcurrency and the
	// UpdateFunctionRequest spelling InstanceConcurrency (README.md).
	updateFunctionShape = object(map[string]*shape{
		"caPort": nil, "cpu": nil, "description": nil, "diskSize": nil, "environmentVariables": nil,
		"gpuMemorySize": nil, "handler": nil, "initializationTimeout": nil, "initializer": nil,
		"instanceConcurrency": nil, "InstanceConcurrency": nil, "instanceSoftConcurrency": nil,
		"instanceType": nil, "layers": nil, "memorySize": nil, "runtime": nil, "timeout": nil,
		"code": object(map[string]*shape{"ossBucketName": nil, "ossObjectName": nil, "zipFile": nil}),
		"customContainerConfig": object(map[string]*shape{
			"accelerationType": nil, "args": nil, "command": nil, "image": nil, "instanceID": nil, "webServerMode": nil,
		}),
		"customDNS": object(map[string]*shape{
			"dnsOptions":  listOf(object(map[string]*shape{"name": nil, "value": nil})),
			"nameServers": nil, "searches": nil,
		}),
		"customHealthCheckConfig": object(map[string]*shape{
			"failureThreshold": nil, "httpGetUrl": nil, "initialDelaySeconds": nil,
			"periodSeconds": nil, "successThreshold": nil, "timeoutSeconds": nil,
		}),
		"customRuntimeConfig":     object(map[string]*shape{"args": nil, "command": nil}),
		"instanceLifecycleConfig": object(map[string]*shape{"preFreeze": lifecycleHookShape, "preStop": lifecycleHookShape}),
	})
	createFunctionShape = updateFunctionShape.with(map[string]*shape{"functionName": nil})
)

// Shapes of triggers, versions and aliases. triggerConfig is checked by
// the per-type rules (trigger_config.go), not here.
var (
	updateTriggerShape = object(map[string]*shape{
		"description": nil, "invocationRole": nil, "qualifier": nil, "triggerConfig": nil,
	})
	createTriggerShape = updateTriggerShape.with(map[string]*shape{"sourceArn": nil, "triggerName": nil, "triggerType": nil})

	publishVersionShape = object(map[string]*shape{"description": nil})

	updateAliasShape = object(map[string]*shape{"additionalVersionWeight": nil, "description": nil, "versionId": nil})
	createAliasShape = updateAliasShape.with(map[string]*shape{"aliasName": nil})
)

// Shapes of provision and async-invoke configs (PutProvisionConfigRequest,
// PutFunctionAsyncInvokeConfigRequest; their qualifier is a query
// parameter).
var (
	putProvisionConfigShape = object(map[string]*shape{
		"alwaysAllocateCPU": nil, "target": nil,
		"scheduledActions": listOf(object(map[string]*shape{
			"endTime": nil, "name": nil, "scheduleExpression": nil, "startTime": nil, "target": nil,
		})),
		"targetTrackingPolicies": listOf(object(map[string]*shape{
			"endTime": nil, "maxCapacity": nil, "metricTarget": nil, "metricType": nil, "minCapacity": nil, "name": nil, "startTime": nil,
		})),
	})

	destinationShape    = object(map[string]*shape{"destination": nil})
	putAsyncConfigShape = object(map[string]*shape{
		"destinationConfig":         object(map[string]*shape{"onFailure": destinationShape, "onSuccess": destinationShape}),
		"maxAsyncEventAgeInSeconds": nil, "maxAsyncRetryAttempts": nil, "statefulInvocation": nil,
	})
)

// publishLayerShape is CreateLayerVersionRequest, whose code member is
// "Code"; the 2016-08-15 document's (and SDK's) "code" is known too.
var (
	layerCodeShape    = object(map[string]*shape{"ossBucketName": nil, "ossObjectName": nil, "zipFile": nil})
	publishLayerShape = object(map[string]*shape{
		"Code": layerCodeShape, "code": layerCodeShape, "compatibleRuntime": nil, "description": nil,
	})
)

// Shapes of the tag bodies (TagResourceRequest, UntagResourceRequest).
var (
	tagResourceShape   = object(map[string]*shape{"resourceArn": nil, "tags": nil})
	untagResourceShape = object(map[string]*shape{"all": nil, "resourceArn": nil, "tagKeys": nil})
)
