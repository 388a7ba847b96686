package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

func TestBaseConfigure(t *testing.T) {
	client, err := fc.New(fc.Config{Endpoint: "http://127.0.0.1:9", AccessKeyID: "id", AccessKeySecret: "secret"})
	if err != nil {
		t.Fatal(err)
	}
	meta := &providerMeta{Client: client, AccountID: "123", Region: "cn-hangzhou"}
	cases := []struct {
		name       string
		data       any
		wantClient *fc.Client
		wantError  bool
	}{
		{"before the provider is configured", nil, nil, false},
		{"provider data", meta, client, false},
		{"wrong type", client, nil, true},
		{"no client", &providerMeta{}, nil, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var r resourceBase
			var rresp resource.ConfigureResponse
			r.Configure(context.Background(), resource.ConfigureRequest{ProviderData: tc.data}, &rresp)
			var d dataSourceBase
			var dresp datasource.ConfigureResponse
			d.Configure(context.Background(), datasource.ConfigureRequest{ProviderData: tc.data}, &dresp)
			if r.client != tc.wantClient || d.client != tc.wantClient {
				t.Errorf("client: resource %p, data source %p; want %p", r.client, d.client, tc.wantClient)
			}
			if rresp.Diagnostics.HasError() != tc.wantError || dresp.Diagnostics.HasError() != tc.wantError {
				t.Errorf("errors: resource %v, data source %v; want error %v", rresp.Diagnostics, dresp.Diagnostics, tc.wantError)
			}
			if !tc.wantError && tc.data != nil && (r.meta != meta || d.meta != meta) {
				t.Errorf("meta not kept")
			}
		})
	}
}
