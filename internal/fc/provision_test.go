package fc

import (
	"encoding/json"
	"net/http"
	"slices"
	"testing"
	"time"
)

func TestLooseInt64_Decodes(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		err  bool
	}{
		{`{"current":3}`, 3, false},
		{`{"current":"1"}`, 1, false},
		{`{"current":" 7 "}`, 7, false},
		{`{"current":null}`, 0, false},
		{`{}`, 0, false},
		{`{"current":"x"}`, 0, true},
		{`{"current":1.5}`, 0, true},
	} {
		var p ProvisionConfig
		err := json.Unmarshal([]byte(tc.in), &p)
		if (err != nil) != tc.err {
			t.Errorf("%s: error %v, want error %v", tc.in, err, tc.err)
			continue
		}
		if got := p.Current.Int64(); !tc.err && got != tc.want {
			t.Errorf("%s: current %d, want %d", tc.in, got, tc.want)
		}
	}
	// It is sent as a number.
	b, _ := json.Marshal(ProvisionConfig{Current: Ptr(LooseInt64(2))})
	if string(b) != `{"current":2}` {
		t.Errorf("encoded %s", b)
	}
}

func TestInstanceList_DecodesBothShapes(t *testing.T) {
	want := []Instance{{InstanceID: "c-1", VersionID: "3"}, {InstanceID: "c-2", VersionID: "0"}}
	for _, body := range []string{
		`{"instances":[{"instanceId":"c-1","versionId":"3"},{"instanceId":"c-2","versionId":"0"}]}`, // 2021-04-06 SDK
		`[{"instanceId":"c-1","versionId":3},{"instanceId":"c-2","versionId":0}]`,                   // 2016-08-15 document
	} {
		var got InstanceList
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: %+v, want %+v", body, got, want)
		}
	}
	var bad InstanceList
	if err := json.Unmarshal([]byte(`[{"instanceId":"c","versionId":{}}]`), &bad); err == nil {
		t.Errorf("an object versionId decoded")
	}
}

func TestParseProvisionResource(t *testing.T) {
	acct, svc, q, fn, ok := ParseProvisionResource("1986#svc#prod#fn")
	if !ok || acct != "1986" || svc != "svc" || q != "prod" || fn != "fn" {
		t.Errorf("got %q %q %q %q %v", acct, svc, q, fn, ok)
	}
	for _, bad := range []string{"", "a#b#c", "1#svc##fn", "1#svc#q#fn#x"} {
		if _, _, _, _, ok := ParseProvisionResource(bad); ok {
			t.Errorf("%q parsed", bad)
		}
	}
}

// ListProvisionConfigs and ListFunctionAsyncInvokeConfigs follow nextToken
// and keep their filters on every page.
func TestCalls_ProvisionAndAsyncListsPaginate(t *testing.T) {
	rec := newRecorder(t,
		answer{status: http.StatusOK, body: `{"provisionConfigs":[{"resource":"1#svc#prod#a","target":1}],"nextToken":"t2"}`},
		answer{status: http.StatusOK, body: `{"provisionConfigs":[{"resource":"1#svc#prod#b","target":2,"current":"2"}]}`},
		answer{status: http.StatusOK, body: `{"configs":[{"service":"svc","function":"fn","qualifier":"LATEST"}],"nextToken":"n"}`},
		answer{status: http.StatusOK, body: `{"configs":[{"serviceName":"svc","functionName":"fn","qualifier":"prod"}]}`},
	)
	c := newTestClient(t, rec)
	ctx := ctxWithTimeout(t, 10*time.Second)
	pcs, err := c.ListProvisionConfigs(ctx, ProvisionConfigListOptions{ServiceName: "svc", Qualifier: "prod"})
	if err != nil {
		t.Fatal(err)
	}
	if len(pcs) != 2 || pcs[1].Current.Int64() != 2 {
		t.Errorf("provision configs %+v", pcs)
	}
	acs, err := c.ListFunctionAsyncInvokeConfigs(ctx, "svc", "fn", ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(acs) != 2 || acs[0].ServiceNameOf() != "svc" || acs[1].FunctionNameOf() != "fn" || acs[1].Qualifier == nil || *acs[1].Qualifier != "prod" {
		t.Errorf("async configs %+v", acs)
	}
	reqs := rec.requests()
	if len(reqs) != 4 {
		t.Fatalf("%d requests", len(reqs))
	}
	for i, r := range reqs[:2] {
		if r.Query["serviceName"][0] != "svc" || r.Query["qualifier"][0] != "prod" {
			t.Errorf("provision page %d query %v", i, r.Query)
		}
	}
	if reqs[1].Query["nextToken"][0] != "t2" || reqs[3].Query["nextToken"][0] != "n" {
		t.Errorf("nextToken not followed: %v / %v", reqs[1].Query, reqs[3].Query)
	}
}
