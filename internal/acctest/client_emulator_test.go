package acctest

import (
	"context"
	"testing"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

func TestClientAgainstEmulator(t *testing.T) {
	env := New(t)
	ctx := context.Background()
	svc, etag, err := env.Client.CreateService(ctx, &fc.Service{ServiceName: fc.Ptr("s1"), Description: fc.Ptr("d")})
	if err != nil || etag == "" || *svc.ServiceName != "s1" {
		t.Fatalf("create: %v %q %+v", err, etag, svc)
	}
	_, _, err = env.Client.UpdateService(ctx, "s1", &fc.Service{Description: fc.Ptr("")}, "bogus")
	if !fc.IsPreconditionFailed(err) {
		t.Fatalf("want 412, got %v", err)
	}
	got, _, err := env.Client.GetService(ctx, "s1", "")
	if err != nil || got.Description == nil || *got.Description != "d" {
		t.Fatalf("get: %v %+v", err, got)
	}
	if _, _, err := env.Client.GetService(ctx, "nope", ""); !fc.IsNotFound(err) {
		t.Fatalf("want not found, got %v", err)
	}
}
