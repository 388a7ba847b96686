package validators

import (
	"slices"
	"testing"
)

func TestInvokeEnums(t *testing.T) {
	if !slices.Equal(InvocationTypes, []string{"sync", "async"}) {
		t.Errorf("InvocationTypes = %q", InvocationTypes)
	}
	want := []string{"Succeeded", "Failed", "Running", "Stopped", "Stopping", "Invalid", "Expired"}
	if !slices.Equal(InvocationStatuses, want) {
		t.Errorf("InvocationStatuses = %q, want the reference's %q", InvocationStatuses, want)
	}
}
