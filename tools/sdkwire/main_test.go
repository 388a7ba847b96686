package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// sample is a cut-down <Action>WithOptions method and two models written as
// the SDK writes them.
const sample = `package client

type GetThingRequest struct {
	Qualifier *string ` + "`json:\"qualifier,omitempty\" xml:\"qualifier,omitempty\"`" + `
	Hidden    *string ` + "`json:\"-\"`" + `
	NoTag     *string
}

type Empty struct{}

func (client *Client) GetThingWithOptions(serviceName *string, thingName *string, request *GetThingRequest, runtime *util.RuntimeOptions) (_result *GetThingResponse, _err error) {
	query := map[string]interface{}{}
	if !tea.BoolValue(util.IsUnset(request.Qualifier)) {
		query["qualifier"] = request.Qualifier
	}
	if !tea.BoolValue(util.IsUnset(request.Limit)) {
		query["limit"] = request.Limit
	}
	body := map[string]interface{}{}
	body["name"] = request.Name
	body["code"] = request.Code
	req := &openapi.OpenApiRequest{
		Query: openapiutil.Query(query),
		Body:  openapiutil.ParseToMap(body),
	}
	params := &openapi.Params{
		Action:   tea.String("GetThing"),
		Version:  tea.String("2021-04-06"),
		Pathname: tea.String("/2021-04-06/services/" + tea.StringValue(openapiutil.GetEncodeParam(serviceName)) + "/things/" + tea.StringValue(openapiutil.GetEncodeParam(thingName))),
		Method:   tea.String("PUT"),
	}
	return client.CallApi(params, req, runtime)
}

func (client *Client) GetThing(serviceName *string) {}
`

func TestParseSDK(t *testing.T) {
	ops, structs, err := parseSDK("client.go", []byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	wantOps := []Operation{{
		Action:   "GetThing",
		Method:   "PUT",
		Path:     "/2021-04-06/services/{serviceName}/things/{thingName}",
		Query:    []string{"limit", "qualifier"},
		Body:     true,
		BodyKind: "json",
		BodyKeys: []string{"code", "name"},
	}}
	if !reflect.DeepEqual(ops, wantOps) {
		t.Errorf("operations = %+v, want %+v", ops, wantOps)
	}
	wantStructs := []Struct{{Name: "GetThingRequest", Fields: []string{"qualifier"}}}
	if !reflect.DeepEqual(structs, wantStructs) {
		t.Errorf("structs = %+v, want %+v", structs, wantStructs)
	}
}

// TestParseSDKRefusesWhatItCannotRead: a Pathname built in a way the parser
// does not know, or an action that does not match its method, is an error,
// not a silently wrong table entry.
func TestParseSDKRefusesWhatItCannotRead(t *testing.T) {
	for name, edit := range map[string][2]string{
		"unknown path expression": {`tea.StringValue(openapiutil.GetEncodeParam(thingName))`, `fmt.Sprint(thingName)`},
		"action mismatch":         {`Action:   tea.String("GetThing")`, `Action:   tea.String("GetOther")`},
		"missing method":          {`Method:   tea.String("PUT"),`, ``},
		"unknown body":            {`Body:  openapiutil.ParseToMap(body)`, `Body:  util.ToMap(body)`},
		"non-literal query key":   {`query["limit"]`, `query[key]`},
	} {
		t.Run(name, func(t *testing.T) {
			src := strings.Replace(sample, edit[0], edit[1], 1)
			if src == sample {
				t.Fatalf("edit %q did not apply", edit[0])
			}
			if _, _, err := parseSDK("client.go", []byte(src)); err == nil {
				t.Error("parseSDK succeeded, want an error")
			}
		})
	}
}

// TestCommittedTablesMatchSDK regenerates the tables from the SDK in the
// module cache and compares them with the committed ones. It is skipped when
// the SDK is not in the cache (the tables are committed so that the tests
// of internal/fc never need it).
func TestCommittedTablesMatchSDK(t *testing.T) {
	cache, err := goModCache()
	if err != nil {
		t.Skipf("no module cache: %v", err)
	}
	src, err := os.ReadFile(filepath.Join(cache, filepath.FromSlash(Module)+"@"+DefaultVersion, filepath.FromSlash(sourceFile)))
	if os.IsNotExist(err) {
		t.Skipf("%s@%s is not in the module cache", Module, DefaultVersion)
	}
	if err != nil {
		t.Fatal(err)
	}
	ops, fields, err := generate(src, DefaultVersion)
	if err != nil {
		t.Fatal(err)
	}
	testdata := filepath.Join("..", "..", "internal", "fc", "testdata")
	for name, want := range map[string][]byte{OperationsFile: ops, FieldsFile: fields} {
		got, err := os.ReadFile(filepath.Join(testdata, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what the SDK generates; run `go generate ./internal/fc`", name)
		}
	}
}
