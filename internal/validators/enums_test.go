package validators

import (
	"context"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestEnums(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		values []string
		want   []string
	}{
		"Runtimes": {Runtimes, []string{
			"nodejs20", "nodejs18", "nodejs16", "nodejs14", "nodejs12", "nodejs10", "nodejs8", "nodejs6", "nodejs4.4",
			"python3.10", "python3.9", "python3", "python2.7", "java11", "java8", "go1", "php7.2",
			"dotnetcore3.1", "dotnetcore2.1", "custom.debian10", "custom", "custom-container",
		}},
		"CustomRuntimes":    {CustomRuntimes, []string{"custom", "custom.debian10", "custom-container"}},
		"InstanceTypes":     {InstanceTypes, []string{"e1", "c1", "fc.gpu.tesla.1", "fc.gpu.ampere.1", "fc.gpu.ada.1", "g1"}},
		"AccelerationTypes": {AccelerationTypes, []string{"Default", "None"}},
		"LogBeginRules":     {LogBeginRules, []string{"None", "DefaultRegex"}},
	}
	for name, tt := range tests {
		if !slices.Equal(tt.values, tt.want) {
			t.Errorf("%s = %q, want %q", name, tt.values, tt.want)
		}
	}
	if !slices.Equal(DiskSizes, []int64{512, 10240}) {
		t.Errorf("DiskSizes = %v", DiskSizes)
	}
	for _, r := range CustomRuntimes {
		if !slices.Contains(Runtimes, r) {
			t.Errorf("custom runtime %q is not in Runtimes", r)
		}
	}
}

// TestEnumsFeedFrameworkValidators shows the intended use: the lists go
// straight into terraform-plugin-framework-validators.
func TestEnumsFeedFrameworkValidators(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	p := path.Root("runtime")
	oneOf := stringvalidator.OneOf(Runtimes...)
	for _, value := range []string{"python3.10", "custom-container", "nodejs4.4"} {
		var resp validator.StringResponse
		oneOf.ValidateString(ctx, validator.StringRequest{Path: p, ConfigValue: types.StringValue(value)}, &resp)
		if resp.Diagnostics.HasError() {
			t.Errorf("%q rejected: %v", value, resp.Diagnostics)
		}
	}
	for _, value := range []string{"python3.11", "Python3", "nodejs4"} {
		var resp validator.StringResponse
		oneOf.ValidateString(ctx, validator.StringRequest{Path: p, ConfigValue: types.StringValue(value)}, &resp)
		if !resp.Diagnostics.HasError() {
			t.Errorf("%q accepted", value)
		}
	}
	var resp validator.Int64Response
	int64validator.OneOf(DiskSizes...).ValidateInt64(ctx, validator.Int64Request{Path: p, ConfigValue: types.Int64Value(1024)}, &resp)
	if !resp.Diagnostics.HasError() {
		t.Error("disk size 1024 accepted")
	}
}

func TestMarkdownEnum(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		got, want string
	}{
		"none":   {MarkdownEnum([]string{}), ""},
		"nil":    {MarkdownEnum[string](nil), ""},
		"one":    {MarkdownEnum([]string{"a"}), "`a`"},
		"two":    {MarkdownEnum([]string{"a", "b"}), "`a` or `b`"},
		"three":  {MarkdownEnum([]string{"a", "b", "c"}), "`a`, `b` or `c`"},
		"int64":  {MarkdownEnum(DiskSizes), "`512` or `10240`"},
		"floats": {MarkdownEnum([]float64{0.5, 1}), "`0.5` or `1`"},
		"log":    {MarkdownEnum(LogBeginRules), "`None` or `DefaultRegex`"},
	}
	for name, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", name, tt.got, tt.want)
		}
	}
}
