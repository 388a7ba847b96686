package emulator

import (
	"flag"
	"fmt"
	"time"
)

// InvokeFlags registers the flags of tools/fc-emulator that set
// InvokeOptions on fs and returns a function that reads them after
// fs.Parse:
//
//	-invoke on|off             run function code (default on)
//	-invoke-cache DIR          where code is unpacked (default: a temporary directory)
//	-invoke-max-instances N    instances per function version (default 10)
//	-invoke-idle-timeout D     stop instances idle this long (default 10m)
func InvokeFlags(fs *flag.FlagSet) func() (InvokeOptions, error) {
	mode := fs.String("invoke", "on", "run the code of Python and Node.js functions on InvokeFunction (on), or refuse to (off)")
	cache := fs.String("invoke-cache", "", "directory where function code is unpacked, once per code checksum (default: a temporary directory removed on exit)")
	maxInstances := fs.Int("invoke-max-instances", DefaultMaxInstances, "most instances (processes) per function version")
	idle := fs.Duration("invoke-idle-timeout", DefaultIdleTimeout, "stop an instance that served nothing for this long")
	return func() (InvokeOptions, error) {
		var o InvokeOptions
		switch *mode {
		case "on":
		case "off":
			o.Disabled = true
		default:
			return o, fmt.Errorf("-invoke must be on or off, got %q", *mode)
		}
		if *maxInstances < 1 {
			return o, fmt.Errorf("-invoke-max-instances must be at least 1, got %d", *maxInstances)
		}
		if *idle < time.Second {
			return o, fmt.Errorf("-invoke-idle-timeout must be at least 1s, got %s", *idle)
		}
		o.CacheDir, o.MaxInstances, o.IdleTimeout = *cache, *maxInstances, *idle
		return o, nil
	}
}
