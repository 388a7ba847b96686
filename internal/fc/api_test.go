package fc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

func TestCalls_ETag(t *testing.T) {
	tests := []struct {
		name     string
		call     func(*Client) (string, error)
		wantPath string
	}{
		{name: "CreateService", wantPath: "POST /2021-04-06/services", call: func(c *Client) (string, error) {
			_, etag, err := c.CreateService(context.Background(), &Service{ServiceName: Ptr("s1")})
			return etag, err
		}},
		{name: "GetService", wantPath: "GET /2021-04-06/services/s1", call: func(c *Client) (string, error) {
			_, etag, err := c.GetService(context.Background(), "s1", "")
			return etag, err
		}},
		{name: "UpdateService", wantPath: "PUT /2021-04-06/services/s1", call: func(c *Client) (string, error) {
			_, etag, err := c.UpdateService(context.Background(), "s1", &Service{}, "")
			return etag, err
		}},
		{name: "CreateFunction", wantPath: "POST /2021-04-06/services/s1/functions", call: func(c *Client) (string, error) {
			_, etag, err := c.CreateFunction(context.Background(), "s1", &Function{FunctionName: Ptr("f1")}, "")
			return etag, err
		}},
		{name: "GetFunction", wantPath: "GET /2021-04-06/services/s1/functions/f1", call: func(c *Client) (string, error) {
			_, etag, err := c.GetFunction(context.Background(), "s1", "", "f1")
			return etag, err
		}},
		{name: "UpdateFunction", wantPath: "PUT /2021-04-06/services/s1/functions/f1", call: func(c *Client) (string, error) {
			_, etag, err := c.UpdateFunction(context.Background(), "s1", "f1", &Function{}, "", "")
			return etag, err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The raw CreateAlias example spells the header "Etag".
			rec := newRecorder(t, answer{status: 200, header: map[string]string{"Etag": "etag-" + tt.name}, body: "{}"})
			c := newTestClient(t, rec)
			etag, err := tt.call(c)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if etag != "etag-"+tt.name {
				t.Errorf("etag = %q, want %q", etag, "etag-"+tt.name)
			}
			reqs := rec.requests()
			if len(reqs) != 1 || reqs[0].Method+" "+reqs[0].Path != tt.wantPath {
				t.Errorf("requests = %+v, want one %s", reqs, tt.wantPath)
			}
		})
	}
}

func TestCalls_IfMatch(t *testing.T) {
	tests := []struct {
		name string
		call func(*Client) error
		want string // "" = header absent
	}{
		{name: "UpdateService", want: "e1", call: func(c *Client) error {
			_, _, err := c.UpdateService(context.Background(), "s1", &Service{}, "e1")
			return err
		}},
		{name: "UpdateService unconditional", call: func(c *Client) error {
			_, _, err := c.UpdateService(context.Background(), "s1", &Service{}, "")
			return err
		}},
		{name: "DeleteService", want: "e2", call: func(c *Client) error { return c.DeleteService(context.Background(), "s1", "e2") }},
		{name: "DeleteService unconditional", call: func(c *Client) error { return c.DeleteService(context.Background(), "s1", "") }},
		{name: "UpdateFunction", want: "e3", call: func(c *Client) error {
			_, _, err := c.UpdateFunction(context.Background(), "s1", "f1", &Function{}, "", "e3")
			return err
		}},
		{name: "DeleteFunction", want: "e4", call: func(c *Client) error { return c.DeleteFunction(context.Background(), "s1", "f1", "e4") }},
		{name: "DeleteFunction unconditional", call: func(c *Client) error { return c.DeleteFunction(context.Background(), "s1", "f1", "") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := newRecorder(t, answer{status: 200, body: "{}"})
			c := newTestClient(t, rec)
			if err := tt.call(c); err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			reqs := rec.requests()
			if len(reqs) != 1 {
				t.Fatalf("got %d requests, want 1", len(reqs))
			}
			got, present := reqs[0].Header["If-Match"]
			if tt.want == "" && present {
				t.Errorf("If-Match = %q, want none", got)
			}
			if tt.want != "" && reqs[0].Header.Get("If-Match") != tt.want {
				t.Errorf("If-Match = %q, want %q", got, tt.want)
			}
		})
	}
}

// pager answers a list request from names, two per page, the nextToken
// being the index of the next name.
func pager(t *testing.T, key string, names []string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		start := 0
		if tok := r.URL.Query().Get("nextToken"); tok != "" {
			if _, err := fmt.Sscan(tok, &start); err != nil {
				t.Errorf("nextToken %q: %v", tok, err)
			}
		}
		end := min(start+2, len(names))
		items := []map[string]string{}
		nameKey := strings.TrimSuffix(key, "s") + "Name"
		for _, n := range names[start:end] {
			items = append(items, map[string]string{nameKey: n})
		}
		page := map[string]any{key: items}
		if end < len(names) {
			page["nextToken"] = fmt.Sprint(end)
		}
		_ = json.NewEncoder(w).Encode(page)
	}
}

func TestCalls_ListPagination(t *testing.T) {
	names := []string{"a1", "a2", "a3", "a4", "a5"}
	opts := ListOptions{Prefix: "a", StartKey: "a1", Limit: 2}
	tests := []struct {
		name     string
		key      string
		wantPath string
		// qualifier, when set, is the ?qualifier= every page must carry.
		qualifier string
		list      func(*Client) ([]string, error)
	}{
		{name: "ListServices", key: "services", wantPath: "/2021-04-06/services", list: func(c *Client) ([]string, error) {
			svcs, err := c.ListServices(context.Background(), opts)
			var got []string
			for _, s := range svcs {
				got = append(got, *s.ServiceName)
			}
			return got, err
		}},
		{name: "ListFunctions", key: "functions", wantPath: "/2021-04-06/services/s1/functions", qualifier: "prod", list: func(c *Client) ([]string, error) {
			fns, err := c.ListFunctions(context.Background(), "s1", "prod", opts)
			var got []string
			for _, f := range fns {
				got = append(got, *f.FunctionName)
			}
			return got, err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := newRecorder(t)
			h := pager(t, tt.key, names)
			c := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				rec.ServeHTTP(discard{}, r)
				h(w, r)
			}))
			got, err := tt.list(c)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if !reflect.DeepEqual(got, names) {
				t.Errorf("names = %v, want %v", got, names)
			}
			reqs := rec.requests()
			wantTokens := []string{"", "2", "4"}
			if len(reqs) != len(wantTokens) {
				t.Fatalf("got %d requests, want %d", len(reqs), len(wantTokens))
			}
			for i, r := range reqs {
				want := map[string][]string{"prefix": {"a"}, "startKey": {"a1"}, "limit": {"2"}}
				if wantTokens[i] != "" {
					want["nextToken"] = []string{wantTokens[i]}
				}
				if tt.qualifier != "" {
					want["qualifier"] = []string{tt.qualifier}
				}
				if r.Method != http.MethodGet || r.Path != tt.wantPath || !reflect.DeepEqual(r.Query, want) {
					t.Errorf("request %d = %s %s %v, want GET %s %v", i, r.Method, r.Path, r.Query, tt.wantPath, want)
				}
			}
		})
	}
}

// discard is a ResponseWriter that drops what the recorder writes.
type discard struct{}

func (discard) Header() http.Header         { return http.Header{} }
func (discard) Write(b []byte) (int, error) { return len(b), nil }
func (discard) WriteHeader(int)             {}

func TestCalls_ListOmitsEmptyOptions(t *testing.T) {
	rec := newRecorder(t, answer{status: 200, body: `{"services":[]}`})
	c := newTestClient(t, rec)
	if _, err := c.ListServices(context.Background(), ListOptions{}); err != nil {
		t.Fatalf("ListServices: %v", err)
	}
	if reqs := rec.requests(); len(reqs) != 1 || len(reqs[0].Query) != 0 {
		t.Errorf("requests = %+v, want one without query", reqs)
	}
}

// Set zero values are sent, nil fields are not.
func TestCalls_Presence(t *testing.T) {
	tests := []struct {
		name        string
		call        func(*Client) error
		wantSent    map[string]any
		wantOmitted []string
	}{
		{
			name: "UpdateFunction zero values",
			call: func(c *Client) error {
				_, _, err := c.UpdateFunction(context.Background(), "s1", "f1", &Function{
					Description:          Ptr(""),
					Timeout:              Ptr(int64(0)),
					EnvironmentVariables: map[string]string{},
					Layers:               []string{},
				}, "", "")
				return err
			},
			wantSent:    map[string]any{"description": "", "timeout": 0.0, "environmentVariables": map[string]any{}, "layers": []any{}},
			wantOmitted: []string{"handler", "runtime", "memorySize", "code", "customDNS", "layersArnV2", "instanceConcurrency"},
		},
		{
			name: "UpdateService false and empty",
			call: func(c *Client) error {
				_, _, err := c.UpdateService(context.Background(), "s1", &Service{InternetAccess: Ptr(false), Role: Ptr(""), LogConfig: &LogConfig{}}, "")
				return err
			},
			wantSent: map[string]any{
				"internetAccess": false, "role": "",
				"logConfig": map[string]any{"project": "", "logstore": "", "enableRequestMetrics": false, "enableInstanceMetrics": false},
			},
			wantOmitted: []string{"description", "vpcConfig", "nasConfig", "serviceName", "tracingConfig"},
		},
		{
			name: "CreateFunction nil fields",
			call: func(c *Client) error {
				_, _, err := c.CreateFunction(context.Background(), "s1", &Function{FunctionName: Ptr("f1")}, "")
				return err
			},
			wantSent:    map[string]any{"functionName": "f1"},
			wantOmitted: []string{"environmentVariables", "layers", "description", "timeout", "code"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := newRecorder(t)
			c := newTestClient(t, rec)
			if err := tt.call(c); err != nil {
				t.Fatal(err)
			}
			var body map[string]any
			if err := json.Unmarshal(rec.requests()[0].Body, &body); err != nil {
				t.Fatalf("request body: %v", err)
			}
			for k, want := range tt.wantSent {
				got, ok := body[k]
				if !ok || !reflect.DeepEqual(got, want) {
					t.Errorf("%s = %#v (sent %v), want %#v", k, got, ok, want)
				}
			}
			for _, k := range tt.wantOmitted {
				if v, ok := body[k]; ok {
					t.Errorf("%s sent as %#v, want it omitted", k, v)
				}
			}
		})
	}
}

func TestCalls_PathsAndHeaders(t *testing.T) {
	tests := []struct {
		name       string
		call       func(*Client) error
		wantPath   string
		wantQuery  string
		wantHeader map[string]string
	}{
		{name: "GetService qualified", wantPath: "GET /2021-04-06/services/s1", wantQuery: "qualifier=prod", call: func(c *Client) error {
			_, _, err := c.GetService(context.Background(), "s1", "prod")
			return err
		}},
		{name: "GetFunction qualified", wantPath: "GET /2021-04-06/services/s1/functions/f1", wantQuery: "qualifier=3", call: func(c *Client) error {
			_, _, err := c.GetFunction(context.Background(), "s1", "3", "f1")
			return err
		}},
		{name: "GetFunctionCode", wantPath: "GET /2021-04-06/services/s1/functions/f1/code", wantQuery: "qualifier=LATEST", call: func(c *Client) error {
			_, err := c.GetFunctionCode(context.Background(), "s1", "LATEST", "f1")
			return err
		}},
		{name: "names are escaped", wantPath: "DELETE /2021-04-06/services/a%2Fb/functions/c%20d", call: func(c *Client) error {
			return c.DeleteFunction(context.Background(), "a/b", "c d", "")
		}},
		{
			name: "CreateFunction code checksum", wantPath: "POST /2021-04-06/services/s1/functions",
			wantHeader: map[string]string{"X-Fc-Code-Checksum": "1506052139770049"},
			call: func(c *Client) error {
				_, _, err := c.CreateFunction(context.Background(), "s1", &Function{Code: &Code{ZipFile: "UEsDBA=="}}, "1506052139770049")
				return err
			},
		},
		{
			name: "UpdateFunction code checksum", wantPath: "PUT /2021-04-06/services/s1/functions/f1",
			wantHeader: map[string]string{"X-Fc-Code-Checksum": "42", "If-Match": "e"},
			call: func(c *Client) error {
				_, _, err := c.UpdateFunction(context.Background(), "s1", "f1", &Function{Code: &Code{OSSBucketName: "b", OSSObjectName: "o"}}, "42", "e")
				return err
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := newRecorder(t, answer{status: 200, body: `{"url":"u","checksum":"1"}`})
			c := newTestClient(t, rec)
			if err := tt.call(c); err != nil {
				t.Fatal(err)
			}
			r := rec.requests()[0]
			if got := r.Method + " " + r.Path; got != tt.wantPath {
				t.Errorf("request = %q, want %q", got, tt.wantPath)
			}
			if got := url.Values(r.Query).Encode(); got != tt.wantQuery {
				t.Errorf("query = %q, want %q", got, tt.wantQuery)
			}
			for k, want := range tt.wantHeader {
				if got := r.Header.Get(k); got != want {
					t.Errorf("%s = %q, want %q", k, got, want)
				}
			}
		})
	}
}

func TestDo_Responses(t *testing.T) {
	type out struct {
		Name string `json:"name"`
	}
	tests := []struct {
		name       string
		answer     answer
		wantOut    out
		wantErr    string
		wantStatus int
	}{
		{name: "204 with empty body", answer: answer{status: http.StatusNoContent}},
		{name: "200 with empty body", answer: answer{status: http.StatusOK}},
		{name: "200 with whitespace body", answer: answer{status: http.StatusOK, body: " \n"}},
		{name: "200 with JSON", answer: answer{status: http.StatusOK, body: `{"name":"x"}`}, wantOut: out{Name: "x"}},
		{name: "200 with malformed JSON", answer: answer{status: http.StatusOK, body: `{"name":`, header: map[string]string{"X-Fc-Request-Id": "r9"}}, wantErr: "FC API Probe: decoding response (request ID r9)"},
		{
			name:       "404 with request ID",
			answer:     answer{status: 404, header: map[string]string{"X-Fc-Request-Id": "r1"}, body: apiErrorBody("FunctionNotFound", "gone")},
			wantErr:    "FC API Probe failed: HTTP 404 FunctionNotFound: gone (request ID r1)",
			wantStatus: 404,
		},
		{name: "3xx is an API error", answer: answer{status: http.StatusNotModified}, wantErr: "HTTP 304 NotModified", wantStatus: 304},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newTestClient(t, newRecorder(t, tt.answer))
			var got out
			h, err := c.do(context.Background(), &request{operation: "Probe", method: http.MethodGet, path: "/probe"}, &got)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("do: %v", err)
				}
				if h == nil || got != tt.wantOut {
					t.Errorf("do = %v, %+v; want headers and %+v", h, got, tt.wantOut)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.wantErr)
			}
			var apiErr *APIError
			isAPI := errors.As(err, &apiErr)
			if isAPI != (tt.wantStatus != 0) || (isAPI && (apiErr.StatusCode != tt.wantStatus || apiErr.Operation != "Probe")) {
				t.Errorf("err = %#v, want APIError with status %d: %v", err, tt.wantStatus, tt.wantStatus != 0)
			}
		})
	}
}
