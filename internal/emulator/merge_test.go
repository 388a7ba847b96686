package emulator

import (
	"testing"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

func TestMergePresentAndDropCleared(t *testing.T) {
	stored := fc.Function{
		Description:          ptr("old"),
		MemorySize:           ptr(int64(128)),
		EnvironmentVariables: map[string]string{"A": "1"},
		Layers:               []string{"l1"},
		CustomDNS:            &fc.CustomDNS{NameServers: []string{"1.1.1.1"}, Searches: []string{"s"}},
		InstanceLifecycleConfig: &fc.InstanceLifecycleConfig{
			PreStop: &fc.LifecycleHook{Handler: "h", Timeout: 3},
		},
		CustomRuntimeConfig: &fc.CustomRuntimeConfig{Command: []string{"/bin/run"}},
	}
	in := fc.Function{
		Description:             ptr(""),                                                        // explicit empty value
		Layers:                  []string{},                                                     // cleared
		CustomDNS:               &fc.CustomDNS{NameServers: []string{"8.8.8.8"}},                // replaced whole
		InstanceLifecycleConfig: &fc.InstanceLifecycleConfig{PreFreeze: &fc.LifecycleHook{}},    // blank: cleared
		CustomRuntimeConfig:     &fc.CustomRuntimeConfig{Command: []string{}, Args: []string{}}, // blank: cleared
	}
	merged := stored
	mergePresent(&merged, &in)
	dropCleared(&merged)

	if deref(merged.Description) != "" || merged.Description == nil {
		t.Errorf("description = %v, want explicit empty string", merged.Description)
	}
	if deref(merged.MemorySize) != 128 || merged.EnvironmentVariables["A"] != "1" {
		t.Errorf("absent fields not kept: %+v", merged)
	}
	if merged.Layers != nil {
		t.Errorf("layers = %v, want cleared", merged.Layers)
	}
	if merged.CustomDNS == nil || len(merged.CustomDNS.Searches) != 0 || merged.CustomDNS.NameServers[0] != "8.8.8.8" {
		t.Errorf("customDNS = %+v, want replaced whole", merged.CustomDNS)
	}
	if merged.InstanceLifecycleConfig != nil || merged.CustomRuntimeConfig != nil {
		t.Errorf("blank objects not cleared: %+v %+v", merged.InstanceLifecycleConfig, merged.CustomRuntimeConfig)
	}
	// The stored object is untouched.
	if deref(stored.Description) != "old" || len(stored.Layers) != 1 || stored.CustomDNS.NameServers[0] != "1.1.1.1" {
		t.Errorf("stored object modified: %+v", stored)
	}
}
