package provider

import (
	"os"
	"time"
)

// The emulator of the tests brings provisioned instances up in tens of
// milliseconds: the waiter polls at that pace, so that no test waits longer
// than convergence needs. Against real FC (FC_ACC_LIVE=1) the provider's
// own pace applies.
func init() {
	if os.Getenv("FC_ACC_LIVE") != "1" {
		provisionPoll = pollPolicy{first: 10 * time.Millisecond, max: 40 * time.Millisecond}
	}
}
