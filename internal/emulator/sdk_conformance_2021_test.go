package emulator

import (
	"encoding/base64"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	fc2021 "github.com/alibabacloud-go/fc-open-20210406/v2/client"
	util "github.com/alibabacloud-go/tea-utils/v2/service"
	"github.com/alibabacloud-go/tea/tea"
)

// startSDK2021 serves s on a loopback port and returns an official
// 2021-04-06 SDK client for it, which signs ACS3-HMAC-SHA256 (the SDK's
// default for ordinary calls).
func startSDK2021(t *testing.T, s *Server, keyID, secret string) *fc2021.Client {
	t.Helper()
	ts := httptest.NewUnstartedServer(s)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts.Listener = ln
	ts.Start()
	t.Cleanup(ts.Close)
	client, err := fc2021.NewClient(&openapi.Config{
		AccessKeyId:     tea.String(keyID),
		AccessKeySecret: tea.String(secret),
		Endpoint:        tea.String(strings.TrimPrefix(ts.URL, "http://")),
		Protocol:        tea.String("HTTP"),
		RegionId:        tea.String(DefaultRegion),
	})
	if err != nil {
		t.Fatal(err)
	}
	return client
}

// sdk2021Error asserts that err is the SDK's error for status and code.
func sdk2021Error(t *testing.T, err error, status int, code string) {
	t.Helper()
	var se *tea.SDKError
	if !errors.As(err, &se) {
		t.Fatalf("got %v (%T), want an SDK error %d %s", err, err, status, code)
	}
	if tea.IntValue(se.StatusCode) != status || tea.StringValue(se.Code) != code {
		t.Errorf("got %d %s (%s), want %d %s", tea.IntValue(se.StatusCode), tea.StringValue(se.Code), tea.StringValue(se.Message), status, code)
	}
}

func etagOf(h map[string]*string) string {
	for k, v := range h {
		if strings.EqualFold(k, "etag") {
			return tea.StringValue(v)
		}
	}
	return ""
}

// TestSDK2021Conformance drives the emulator for services and functions
// with Alibaba's official Go SDK for the 2021-04-06 API
// (github.com/alibabacloud-go/fc-open-20210406), which builds, signs
// (ACS3-HMAC-SHA256) and parses its requests independently of this
// repository. The emulator runs strict, so a body member the SDK sends and
// the emulator does not know fails the test.
func TestSDK2021Conformance(t *testing.T) {
	s, err := New(Options{AccessKeyID: "sdk-key", AccessKeySecret: "sdk-secret", Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	client := startSDK2021(t, s, "sdk-key", "sdk-secret")
	runtime := &util.RuntimeOptions{}

	// Services.
	created, err := client.CreateService(&fc2021.CreateServiceRequest{
		ServiceName:    tea.String("tea_svc"),
		Description:    tea.String("created by the 2021-04-06 SDK"),
		Role:           tea.String("acs:ram::1:role/fc"),
		InternetAccess: tea.Bool(false),
		LogConfig: &fc2021.LogConfig{
			Project: tea.String("p"), Logstore: tea.String("l"), EnableRequestMetrics: tea.Bool(true),
		},
	})
	if err != nil {
		t.Fatalf("CreateService: %v", err)
	}
	svcETag := etagOf(created.Headers)
	if tea.Int32Value(created.StatusCode) != http.StatusOK || svcETag == "" ||
		tea.StringValue(created.Body.ServiceName) != "tea_svc" || tea.StringValue(created.Body.ServiceId) == "" ||
		tea.BoolValue(created.Body.InternetAccess) || created.Body.LogConfig == nil ||
		tea.StringValue(created.Body.LogConfig.Project) != "p" {
		t.Errorf("CreateService: %s", created)
	}
	_, err = client.CreateService(&fc2021.CreateServiceRequest{ServiceName: tea.String("tea_svc")})
	sdk2021Error(t, err, http.StatusConflict, "ServiceAlreadyExists")

	got, err := client.GetService(tea.String("tea_svc"), &fc2021.GetServiceRequest{})
	if err != nil {
		t.Fatalf("GetService: %v", err)
	}
	if etagOf(got.Headers) != svcETag || tea.StringValue(got.Body.Description) != "created by the 2021-04-06 SDK" {
		t.Errorf("GetService: %s", got)
	}
	_, err = client.GetService(tea.String("no_such_svc"), &fc2021.GetServiceRequest{})
	sdk2021Error(t, err, http.StatusNotFound, "ServiceNotFound")

	updated, err := client.UpdateServiceWithOptions(tea.String("tea_svc"),
		&fc2021.UpdateServiceRequest{Description: tea.String("updated")},
		&fc2021.UpdateServiceHeaders{IfMatch: tea.String(svcETag)}, runtime)
	if err != nil {
		t.Fatalf("UpdateService: %v", err)
	}
	if tea.StringValue(updated.Body.Description) != "updated" || tea.StringValue(updated.Body.Role) != "acs:ram::1:role/fc" ||
		etagOf(updated.Headers) == svcETag {
		t.Errorf("UpdateService: %s", updated)
	}
	// A stale If-Match is 412 and changes nothing.
	_, err = client.UpdateServiceWithOptions(tea.String("tea_svc"),
		&fc2021.UpdateServiceRequest{Description: tea.String("stale")},
		&fc2021.UpdateServiceHeaders{IfMatch: tea.String(svcETag)}, runtime)
	sdk2021Error(t, err, http.StatusPreconditionFailed, "PreconditionFailed")

	// A second service and a page of one: the query (limit, prefix,
	// startKey) is signed too.
	if _, err := client.CreateService(&fc2021.CreateServiceRequest{ServiceName: tea.String("tea_svc2")}); err != nil {
		t.Fatalf("CreateService tea_svc2: %v", err)
	}
	page1, err := client.ListServices(&fc2021.ListServicesRequest{Prefix: tea.String("tea_"), Limit: tea.Int32(1)})
	if err != nil {
		t.Fatalf("ListServices: %v", err)
	}
	if len(page1.Body.Services) != 1 || tea.StringValue(page1.Body.Services[0].ServiceName) != "tea_svc" ||
		tea.StringValue(page1.Body.NextToken) != "tea_svc2" {
		t.Errorf("ListServices page 1: %s", page1)
	}
	page2, err := client.ListServices(&fc2021.ListServicesRequest{Prefix: tea.String("tea_"), Limit: tea.Int32(1), NextToken: page1.Body.NextToken})
	if err != nil {
		t.Fatalf("ListServices page 2: %v", err)
	}
	if len(page2.Body.Services) != 1 || tea.StringValue(page2.Body.Services[0].ServiceName) != "tea_svc2" || page2.Body.NextToken != nil {
		t.Errorf("ListServices page 2: %s", page2)
	}

	// Functions, with code as a base64 zip in the JSON body.
	zipBytes := makeZip(t, map[string]string{"index.py": "def handler(e, c):\n    return 'ok'\n"})
	fn, err := client.CreateFunction(tea.String("tea_svc"), &fc2021.CreateFunctionRequest{
		FunctionName:         tea.String("tea_fn"),
		Description:          tea.String("fn"),
		Runtime:              tea.String("python3.10"),
		Handler:              tea.String("index.handler"),
		MemorySize:           tea.Int32(256),
		Timeout:              tea.Int32(30),
		EnvironmentVariables: map[string]*string{"A": tea.String("1")},
		Code:                 &fc2021.Code{ZipFile: tea.String(base64.StdEncoding.EncodeToString(zipBytes))},
	})
	if err != nil {
		t.Fatalf("CreateFunction: %v", err)
	}
	fnETag := etagOf(fn.Headers)
	if fnETag == "" || tea.StringValue(fn.Body.CodeChecksum) != codeChecksum(zipBytes) ||
		tea.Int64Value(fn.Body.CodeSize) != int64(len(zipBytes)) || tea.Int32Value(fn.Body.MemorySize) != 256 ||
		tea.StringValue(fn.Body.EnvironmentVariables["A"]) != "1" {
		t.Errorf("CreateFunction: %s", fn)
	}

	gotFn, err := client.GetFunction(tea.String("tea_svc"), tea.String("tea_fn"), &fc2021.GetFunctionRequest{Qualifier: tea.String("LATEST")})
	if err != nil {
		t.Fatalf("GetFunction: %v", err)
	}
	if etagOf(gotFn.Headers) != fnETag || tea.StringValue(gotFn.Body.Handler) != "index.handler" {
		t.Errorf("GetFunction: %s", gotFn)
	}
	_, err = client.GetFunction(tea.String("tea_svc"), tea.String("no_such_fn"), &fc2021.GetFunctionRequest{})
	sdk2021Error(t, err, http.StatusNotFound, "FunctionNotFound")

	code, err := client.GetFunctionCode(tea.String("tea_svc"), tea.String("tea_fn"), &fc2021.GetFunctionCodeRequest{})
	if err != nil {
		t.Fatalf("GetFunctionCode: %v", err)
	}
	if tea.StringValue(code.Body.Checksum) != codeChecksum(zipBytes) {
		t.Errorf("GetFunctionCode: %s", code)
	}
	archive := httpGet(t, tea.StringValue(code.Body.Url))
	if string(archive) != string(zipBytes) {
		t.Errorf("the code URL answers %d bytes, want the %d uploaded", len(archive), len(zipBytes))
	}

	updFn, err := client.UpdateFunctionWithOptions(tea.String("tea_svc"), tea.String("tea_fn"),
		&fc2021.UpdateFunctionRequest{MemorySize: tea.Int32(512), Timeout: tea.Int32(60)},
		&fc2021.UpdateFunctionHeaders{IfMatch: tea.String(fnETag)}, runtime)
	if err != nil {
		t.Fatalf("UpdateFunction: %v", err)
	}
	if tea.Int32Value(updFn.Body.MemorySize) != 512 || tea.Int32Value(updFn.Body.Timeout) != 60 ||
		tea.StringValue(updFn.Body.Handler) != "index.handler" || tea.StringValue(updFn.Body.CodeChecksum) != codeChecksum(zipBytes) {
		t.Errorf("UpdateFunction: %s", updFn)
	}

	list, err := client.ListFunctions(tea.String("tea_svc"), &fc2021.ListFunctionsRequest{Prefix: tea.String("tea_")})
	if err != nil {
		t.Fatalf("ListFunctions: %v", err)
	}
	if len(list.Body.Functions) != 1 || tea.StringValue(list.Body.Functions[0].FunctionName) != "tea_fn" {
		t.Errorf("ListFunctions: %s", list)
	}

	// A service with a function cannot be deleted.
	_, err = client.DeleteService(tea.String("tea_svc"))
	sdk2021Error(t, err, http.StatusConflict, "ServiceNotEmpty")
	if _, err := client.DeleteFunctionWithOptions(tea.String("tea_svc"), tea.String("tea_fn"),
		&fc2021.DeleteFunctionHeaders{IfMatch: tea.String(etagOf(updFn.Headers))}, runtime); err != nil {
		t.Fatalf("DeleteFunction: %v", err)
	}
	for _, name := range []string{"tea_svc", "tea_svc2"} {
		if _, err := client.DeleteService(tea.String(name)); err != nil {
			t.Fatalf("DeleteService %s: %v", name, err)
		}
	}
	_, err = client.GetService(tea.String("tea_svc"), &fc2021.GetServiceRequest{})
	sdk2021Error(t, err, http.StatusNotFound, "ServiceNotFound")

	for _, op := range []string{"CreateService", "GetService", "UpdateService", "ListServices", "CreateFunction",
		"GetFunction", "GetFunctionCode", "UpdateFunction", "ListFunctions", "DeleteFunction", "DeleteService"} {
		if s.Counts()[op] == 0 {
			t.Errorf("no %s request reached the emulator", op)
		}
	}
}

// The ACS3 refusals through the SDK: a wrong secret, an unknown key and a
// clock beyond the skew limit; and a further key pair of Options.Keys is
// accepted.
func TestSDK2021Refusals(t *testing.T) {
	newServer := func(t *testing.T, now func() time.Time) *Server {
		s, err := New(Options{
			AccessKeyID: "sdk-key", AccessKeySecret: "sdk-secret",
			Keys: map[string]string{"ci-account-b": "secret-b"},
			Now:  now,
		})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	create := func(c *fc2021.Client) error {
		_, err := c.CreateService(&fc2021.CreateServiceRequest{ServiceName: tea.String("refused")})
		return err
	}

	t.Run("wrong secret", func(t *testing.T) {
		s := newServer(t, nil)
		sdk2021Error(t, create(startSDK2021(t, s, "sdk-key", "not-the-secret")), http.StatusForbidden, "SignatureNotMatch")
		if s.Counts()["CreateService"] != 1 || len(s.st.Services) != 0 {
			t.Errorf("counts %v, %d services stored; want the request counted and nothing stored", s.Counts(), len(s.st.Services))
		}
	})
	t.Run("unknown key", func(t *testing.T) {
		s := newServer(t, nil)
		sdk2021Error(t, create(startSDK2021(t, s, "who-is-this", "sdk-secret")), http.StatusForbidden, "InvalidAccessKeyID")
	})
	t.Run("clock skew", func(t *testing.T) {
		s := newServer(t, func() time.Time { return time.Now().Add(16 * time.Minute) })
		sdk2021Error(t, create(startSDK2021(t, s, "sdk-key", "sdk-secret")), http.StatusForbidden, "RequestTimeTooSkewed")
	})
	t.Run("second key pair", func(t *testing.T) {
		s := newServer(t, nil)
		if err := create(startSDK2021(t, s, "ci-account-b", "secret-b")); err != nil {
			t.Fatalf("CreateService with the second key pair: %v", err)
		}
		sdk2021Error(t, create(startSDK2021(t, s, "ci-account-b", "sdk-secret")), http.StatusForbidden, "SignatureNotMatch")
	})
}

func httpGet(t *testing.T, url string) []byte {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d, %v", url, resp.StatusCode, err)
	}
	return b
}
