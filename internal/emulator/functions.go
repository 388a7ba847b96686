package emulator

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// Defaults the emulator fills in on CreateFunction when the field is
// absent (README.md).
const (
	defaultTimeout               = 3
	defaultInitializationTimeout = 3
	defaultMemorySize            = 128
	defaultInstanceType          = "e1"
	defaultInstanceConcurrency   = 1
	defaultDiskSize              = 512
)

// fixFunctionFields rewrites the raw function body before decoding: the
// 2021 request key "InstanceConcurrency" is accepted for
// instanceConcurrency, and the 2016 UpdateFunction may send timeout as a
// numeric string.
func fixFunctionFields(raw map[string]json.RawMessage) *apiError {
	if v, ok := raw["InstanceConcurrency"]; ok {
		if cur, has := raw["instanceConcurrency"]; !has || string(cur) == "null" {
			raw["instanceConcurrency"] = v
		}
		delete(raw, "InstanceConcurrency")
	}
	if v, ok := raw["timeout"]; ok && strings.HasPrefix(strings.TrimSpace(string(v)), `"`) {
		var str string
		if err := json.Unmarshal(v, &str); err != nil {
			return errInvalidArgument("timeout must be an integer")
		}
		n, err := strconv.ParseInt(strings.TrimSpace(str), 10, 64)
		if err != nil {
			return errInvalidArgument("timeout must be an integer, got '%s'", str)
		}
		raw["timeout"] = json.RawMessage(strconv.FormatInt(n, 10))
	}
	return nil
}

// decodeFunction decodes a function request body. The code object is
// returned apart; fields a client cannot set (functionId, codeChecksum,
// codeSize, createdTime, lastModifiedTime, layersArnV2,
// customContainerConfig.accelerationInfo) are dropped.
func decodeFunction(body []byte) (*fc.Function, *fc.Code, *apiError) {
	var in fc.Function
	if e := decodeObject(body, &in, fixFunctionFields); e != nil {
		return nil, nil, e
	}
	code := in.Code
	in.Code = nil
	in.FunctionID, in.CodeChecksum, in.CodeSize = nil, nil, nil
	in.CreatedTime, in.LastModifiedTime, in.LayersArnV2 = nil, nil, nil
	if in.CustomContainerConfig != nil {
		in.CustomContainerConfig.AccelerationInfo = nil
	}
	return &in, code, nil
}

func applyFunctionDefaults(f *fc.Function) {
	if f.Timeout == nil {
		f.Timeout = ptr(int64(defaultTimeout))
	}
	if f.InitializationTimeout == nil {
		f.InitializationTimeout = ptr(int64(defaultInitializationTimeout))
	}
	if f.MemorySize == nil {
		f.MemorySize = ptr(int64(defaultMemorySize))
	}
	if f.InstanceType == nil {
		f.InstanceType = ptr(defaultInstanceType)
	}
	if f.InstanceConcurrency == nil {
		f.InstanceConcurrency = ptr(int64(defaultInstanceConcurrency))
	}
	if f.DiskSize == nil {
		f.DiskSize = ptr(int64(defaultDiskSize))
	}
}

// qualifiedFunction returns the function a read with a qualifier sees: the
// current function or its snapshot in the version the qualifier names.
func (st *state) qualifiedFunction(service, qualifier, function string) (*functionRecord, *apiError) {
	view, e := st.resolveQualifier(service, qualifier)
	if e != nil {
		return nil, e
	}
	fn, ok := view.functions[function]
	if !ok {
		return nil, errNotFound(kindFunction, service, function)
	}
	return fn, nil
}

func (s *Server) createFunction(c *call) *apiError {
	in, code, e := decodeFunction(c.body)
	if e != nil {
		return e
	}
	if in.FunctionName == nil || *in.FunctionName == "" {
		return errInvalidArgument("functionName is required")
	}
	name := *in.FunctionName
	if e := validateFunctionName(name); e != nil {
		return e
	}
	var pkg *codePackage
	if code != nil {
		if pkg, e = decodeCode(code, c.r.Header.Get(headerCodeChecksum)); e != nil {
			return e
		}
	}
	applyFunctionDefaults(in)
	dropCleared(in)
	if e := validateFunction(in, pkg != nil); e != nil {
		return e
	}

	now := s.timestamp()
	in.FunctionID = ptr(newID())
	in.CreatedTime = ptr(now)
	in.LastModifiedTime = ptr(now)
	fn := &functionRecord{Function: *in}
	return create(s, c, kindFunction, []string{c.service, name}, fn, func(record) *apiError {
		arnV2, e := s.checkFunctionLayers(fn.Function.Layers)
		if e != nil {
			return e
		}
		fn.Function.LayersArnV2 = arnV2
		if pkg != nil {
			s.st.setCode(fn, pkg)
		}
		return nil
	}, func(fn *functionRecord) *apiError { return c.writeJSON(fn.Function, fn.ETag) })
}

func (s *Server) getFunction(c *call) *apiError {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn, e := s.st.qualifiedFunction(c.service, c.qualifier, c.params["function"])
	if e != nil {
		return e
	}
	return c.writeJSON(functionView(&fn.Function), fn.ETag)
}

// functionView is the GetFunction answer: the stored function plus
// customContainerConfig.accelerationInfo, which the emulator reports as
// Ready when image acceleration is on.
func functionView(f *fc.Function) fc.Function {
	out := *f
	if ccc := f.CustomContainerConfig; ccc != nil && ccc.AccelerationType == "Default" {
		cp := *ccc
		cp.AccelerationInfo = &fc.AccelerationInfo{Status: "Ready"}
		out.CustomContainerConfig = &cp
	}
	return out
}

func (s *Server) updateFunction(c *call) *apiError {
	in, code, e := decodeFunction(c.body)
	if e != nil {
		return e
	}
	in.FunctionName = nil // the name is the path key and cannot change
	var pkg *codePackage
	if code != nil {
		if pkg, e = decodeCode(code, c.r.Header.Get(headerCodeChecksum)); e != nil {
			return e
		}
	}

	return modify(s, c, kindFunction, []string{c.service, c.params["function"]}, false, func(fn *functionRecord) *apiError {
		merged := fn.Function
		mergePresent(&merged, in)
		dropCleared(&merged)
		if e := validateFunction(&merged, pkg != nil || fn.CodeRef != ""); e != nil {
			return e
		}
		if in.Layers != nil {
			// Layers are resolved when they are set: a version deleted
			// since stays on the function.
			arnV2, e := s.checkFunctionLayers(merged.Layers)
			if e != nil {
				return e
			}
			merged.LayersArnV2 = arnV2
		}
		merged.LastModifiedTime = ptr(s.timestamp())
		fn.Function = merged
		if pkg != nil {
			s.st.setCode(fn, pkg)
		}
		return nil
	}, func(fn *functionRecord) *apiError { return c.writeJSON(fn.Function, fn.ETag) })
}

// deleteFunction deletes a function that has no triggers (else 409
// FunctionNotEmpty).
func (s *Server) deleteFunction(c *call) *apiError {
	return remove[*functionRecord](s, c, kindFunction, []string{c.service, c.params["function"]}, nil, http.StatusOK)
}

// listFunctionsResponse is the answer of ListFunctions.
type listFunctionsResponse struct {
	Functions []fc.Function `json:"functions"`
	NextToken string        `json:"nextToken,omitempty"`
}

func (s *Server) listFunctions(c *call) *apiError {
	p, e := parseListParams(c.r.URL.Query())
	if e != nil {
		return e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	view, e := s.st.resolveQualifier(c.service, c.qualifier)
	if e != nil {
		return e
	}
	names := make([]string, 0, len(view.functions))
	for n := range view.functions {
		names = append(names, n)
	}
	selected, next := page(names, p)
	out := listFunctionsResponse{Functions: make([]fc.Function, 0, len(selected)), NextToken: next}
	for _, n := range selected {
		out.Functions = append(out.Functions, view.functions[n].Function)
	}
	return c.writeJSON(out, "")
}
