// Command fc-emulator serves the local Function Compute emulator
// (internal/emulator) over HTTP.
//
//	fc-emulator [-listen 127.0.0.1:9000] [-state FILE] [-strict] [-log-level info] [-invoke on|off] ...
//	            [-fault-rate 0.2 -fault-kinds throttle,500,503,reset,lost,slow
//	             -fault-seed N -fault-ops CreateFunction,... -fault-slow 1s]
//
// On start it prints "listening on http://HOST:PORT" on standard output
// (with -listen 127.0.0.1:0 the port is the one the system chose) and
// serves until SIGINT or SIGTERM. InvokeFunction runs the code deployed to
// it (Python with the python3 on PATH, Node.js with node) as the user that
// started it; -invoke=off turns that off. On shutdown it ends the
// processes it started.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/terraform-fc/terraform-provider-fc/internal/emulator"
)

// Environment variables that supply the default key pair.
const (
	envAccessKeyID     = "FC_EMULATOR_ACCESS_KEY_ID"
	envAccessKeySecret = "FC_EMULATOR_ACCESS_KEY_SECRET"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "fc-emulator:", err)
		}
		os.Exit(2)
	}
}

// run parses args, serves until ctx ends and then shuts down gracefully.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("fc-emulator", flag.ContinueOnError)
	fs.SetOutput(stderr)
	listen := fs.String("listen", "127.0.0.1:9000", "address to listen on (host:port; port 0 picks a free port)")
	accountID := fs.String("account-id", emulator.DefaultAccountID, "account ID served")
	region := fs.String("region", emulator.DefaultRegion, "region used in ARNs")
	keyID := fs.String("access-key-id", envOr(getenv, envAccessKeyID, emulator.DefaultAccessKeyID),
		"the accepted AccessKey ID (default from $"+envAccessKeyID+")")
	keySecret := fs.String("access-key-secret", envOr(getenv, envAccessKeySecret, emulator.DefaultAccessKeySecret),
		"the accepted AccessKey secret (default from $"+envAccessKeySecret+")")
	statePath := fs.String("state", "", "state file: loaded at start, saved after every write (default: in memory only)")
	strict := fs.Bool("strict", false, "refuse request body fields the emulator does not know (400 InvalidArgument); the real service ignores them")
	logLevel := fs.String("log-level", "info", "log level: trace, debug, info, warn, error")
	faultFlags := emulator.FaultFlags(fs)
	provisioningFlags := emulator.ProvisioningFlags(fs)
	invokeFlags := emulator.InvokeFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	invoke, err := invokeFlags()
	if err != nil {
		return err
	}
	faults, err := faultFlags()
	if err != nil {
		return err
	}
	provisioning, err := provisioningFlags()
	if err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	level := hclog.LevelFromString(*logLevel)
	if level == hclog.NoLevel {
		return fmt.Errorf("invalid -log-level %q", *logLevel)
	}
	logger := hclog.New(&hclog.LoggerOptions{Name: "fc-emulator", Level: level, Output: stderr})

	srv, err := emulator.New(emulator.Options{
		AccountID:       *accountID,
		Region:          *region,
		AccessKeyID:     *keyID,
		AccessKeySecret: *keySecret,
		StatePath:       *statePath,
		Strict:          *strict,
		Logger:          logger,
		Faults:          faults,
		Provisioning:    provisioning,
		Invoke:          invoke,
	})
	if err != nil {
		return err
	}
	// The processes InvokeFunction started end with the command.
	defer srv.Close()
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return err
	}
	url := "http://" + ln.Addr().String()
	_, _ = fmt.Fprintf(stdout, "listening on %s\n", url)
	logger.Info("emulator started", "url", url, "account_id", *accountID, "region", *region,
		"access_key_id", *keyID, "state", *statePath)
	if faults.Rate > 0 {
		logger.Warn("fault injection on", "faults", fmt.Sprintf("%+v", faults))
	}
	if invoke.Disabled {
		logger.Info("InvokeFunction does not run code (-invoke=off)")
	} else if host, _, _ := net.SplitHostPort(ln.Addr().String()); !isLoopback(host) {
		logger.Warn("listening beyond loopback with -invoke=on: anyone who can reach this address and sign with the key pair can run code as this user",
			"listen", ln.Addr().String())
	}

	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func envOr(getenv func(string) string, name, fallback string) string {
	if v := getenv(name); v != "" {
		return v
	}
	return fallback
}

// isLoopback reports whether host is a loopback address.
func isLoopback(host string) bool {
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
