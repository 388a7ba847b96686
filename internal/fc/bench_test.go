package fc

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"
)

// newBenchClient returns a client for h on 127.0.0.1 without retries or
// logging.
func newBenchClient(b *testing.B, h http.Handler) *Client {
	b.Helper()
	srv := httptest.NewServer(h)
	b.Cleanup(srv.Close)
	c, err := New(Config{
		Endpoint:        srv.URL,
		AccountID:       testAccount,
		AccessKeyID:     testKeyID,
		AccessKeySecret: testSecret,
		SecurityToken:   testToken,
		MaxRetries:      0,
	})
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkSign measures the string to sign and its HMAC-SHA256 for a
// typical request: a PUT with a body, a security token and a code
// checksum.
func BenchmarkSign(b *testing.B) {
	h := http.Header{}
	h.Set("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg==")
	h.Set("Content-Type", "application/json")
	h.Set("Date", time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC).Format(http.TimeFormat))
	h.Set("Accept", "application/json")
	h.Set("User-Agent", DefaultUserAgent)
	h.Set("X-Fc-Account-Id", testAccount)
	h.Set("X-Fc-Security-Token", testToken+testToken+testToken+testToken)
	h.Set("X-Fc-Code-Checksum", "1506052139770049")
	path := "/" + APIVersion + escape("services", "my-service", "functions", "my-function")
	b.ReportAllocs()
	for b.Loop() {
		resource := CanonicalResource(path, nil, false)
		_ = Sign(testSecret, StringToSign(http.MethodPut, h, resource))
	}
}

// BenchmarkCreateFunction1MiB measures one CreateFunction with a 1 MiB
// zip archive from the caller's point of view: base64 of the archive, JSON
// encoding, Content-MD5, signing, sending to a local server that checks
// nothing, and decoding the canned answer.
func BenchmarkCreateFunction1MiB(b *testing.B) {
	const size = 1 << 20
	zip := make([]byte, size)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range zip {
		zip[i] = byte(rng.Uint32())
	}
	c := newBenchClient(b, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("ETag", "e1")
		_, _ = io.WriteString(w, `{"functionName":"f1","functionId":"id-1","runtime":"python3.10","handler":"index.handler","codeSize":1048576,"codeChecksum":"1506052139770049"}`)
	}))
	ctx := context.Background()
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		in := &Function{
			FunctionName: Ptr("f1"),
			Runtime:      Ptr("python3.10"),
			Handler:      Ptr("index.handler"),
			Code:         &Code{ZipFile: base64.StdEncoding.EncodeToString(zip)},
		}
		fn, etag, err := c.CreateFunction(ctx, "s1", in, "1506052139770049")
		if err != nil || etag != "e1" || fn.FunctionID == nil {
			b.Fatalf("CreateFunction = %v, %q, %v", fn, etag, err)
		}
	}
}

// BenchmarkListFunctions1000 lists 1000 functions served in pages of 100.
func BenchmarkListFunctions1000(b *testing.B) {
	const total, pageSize = 1000, 100
	pages := map[string][]byte{}
	for start := 0; start < total; start += pageSize {
		var page struct {
			Functions []Function `json:"functions"`
			NextToken string     `json:"nextToken,omitempty"`
		}
		for i := start; i < start+pageSize; i++ {
			page.Functions = append(page.Functions, Function{
				FunctionName:     Ptr(fmt.Sprintf("function-%04d", i)),
				FunctionID:       Ptr(fmt.Sprintf("2d8e3f0c-%04d", i)),
				Description:      Ptr("a function of the benchmark"),
				Runtime:          Ptr("python3.10"),
				Handler:          Ptr("index.handler"),
				Timeout:          Ptr[int64](60),
				MemorySize:       Ptr[int64](512),
				CodeChecksum:     Ptr("1506052139770049"),
				CodeSize:         Ptr[int64](2048),
				CreatedTime:      Ptr("2024-05-06T07:08:09Z"),
				LastModifiedTime: Ptr("2024-05-06T07:08:09Z"),
				EnvironmentVariables: map[string]string{
					"STAGE": "prod",
				},
			})
		}
		if next := start + pageSize; next < total {
			page.NextToken = strconv.Itoa(next)
		}
		token := ""
		if start > 0 {
			token = strconv.Itoa(start)
		}
		data, err := json.Marshal(page)
		if err != nil {
			b.Fatal(err)
		}
		pages[token] = data
	}
	c := newBenchClient(b, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		page, ok := pages[r.URL.Query().Get("nextToken")]
		if !ok {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		_, _ = w.Write(page)
	}))
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		fns, err := c.ListFunctions(ctx, "s1", "", ListOptions{Limit: pageSize})
		if err != nil || len(fns) != total {
			b.Fatalf("ListFunctions = %d functions, %v", len(fns), err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*total), "ns/function")
}
