// Command fc-emulator serves the local Function Compute emulator
// (internal/emulator) over HTTP.
//
//	fc-emulator [-config FILE] [-listen 127.0.0.1:9000] [-state FILE] [-reset] [-strict]
//	            [-access-key-id ID -access-key-secret SECRET] [-keys ID:SECRET,...]
//	            [-log-level info] [-log-format text|json] [-log-requests] [-invoke on|off]
//	            [-fault-rate 0.2 -fault-kinds throttle,500,503,reset,lost,slow
//	             -fault-seed N -fault-ops CreateFunction,... -fault-slow 1s]
//
// Every flag can be set by an environment variable FC_EMULATOR_<FLAG>
// (FC_EMULATOR_LISTEN, FC_EMULATOR_FAULT_RATE, ...) and in a JSON file
// named by -config (config.go); the command line wins over the
// environment, the environment over the file.
//
// On start it prints "listening on http://HOST:PORT" on standard output
// (with -listen 127.0.0.1:0 the port is the one the system chose) and
// serves until SIGINT or SIGTERM; then it stops accepting requests, lets
// those in progress finish, saves the state file, ends the processes it
// started for InvokeFunction and exits 0. InvokeFunction runs the code
// deployed to it (Python with the python3 on PATH, Node.js with node) as
// the user that started it; -invoke=off turns that off.
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

// version and commit are set at release time by the linker
// (-X main.version=... -X main.commit=...; .goreleaser.yml).
var (
	version = "dev"
	commit  = "none"
)

// Environment variables of the default key pair (see envName).
const (
	envAccessKeyID     = envPrefix + "ACCESS_KEY_ID"
	envAccessKeySecret = envPrefix + "ACCESS_KEY_SECRET"
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
	fs.Usage = func() {
		_, _ = fmt.Fprintln(stderr, "Usage: fc-emulator [flags]\n\nServes a local Function Compute API (2016-08-15 and 2021-04-06) for tests.\n\nFlags:")
		fs.PrintDefaults()
		_, _ = fmt.Fprintln(stderr, "\nEvery flag can also be set by the variable "+envPrefix+"<FLAG> (upper case, '_' for '-',\n"+
			"e.g. "+envName("fault-rate")+") or in the JSON file of -config ({\"fault-rate\": 0.2});\n"+
			"the command line wins over the environment, the environment over the file.\n"+
			"Admin API (no signature): GET /_emulator/health, POST /_emulator/reset, /_emulator/counters, /_emulator/faults.")
	}
	configPath := fs.String("config", "", "JSON file of settings, keyed by flag name (below the environment and the command line)")
	listen := fs.String("listen", "127.0.0.1:9000", "address to listen on (host:port; port 0 picks a free port)")
	accountID := fs.String("account-id", emulator.DefaultAccountID, "account ID served")
	region := fs.String("region", emulator.DefaultRegion, "region used in ARNs")
	keyID := fs.String("access-key-id", emulator.DefaultAccessKeyID, "the accepted AccessKey ID")
	keySecret := fs.String("access-key-secret", emulator.DefaultAccessKeySecret, "the secret of -access-key-id")
	keys := keyPairs{}
	fs.Var(keys, "keys", "further accepted key pairs, ID:SECRET separated by commas (e.g. one per test account); repeatable")
	statePath := fs.String("state", "", "state file: loaded at start, saved after every write (default: in memory only)")
	reset := fs.Bool("reset", false, "start with an empty state, discarding what the -state file holds")
	strict := fs.Bool("strict", false, "refuse request body fields the emulator does not know (400 InvalidArgument); the real service ignores them")
	logLevel := fs.String("log-level", "info", "log level: trace, debug, info, warn, error")
	logFormat := fs.String("log-format", "text", "log format: text or json (one JSON object a line)")
	logRequests := fs.Bool("log-requests", false, "log every request (method, path, operation, status, request ID, duration) at info instead of debug")
	shutdownTimeout := fs.Duration("shutdown-timeout", 10*time.Second, "how long requests in progress may take to finish at shutdown")
	faultFlags := emulator.FaultFlags(fs)
	showVersion := fs.Bool("version", false, "print the version and exit")
	provisioningFlags := emulator.ProvisioningFlags(fs)
	invokeFlags := emulator.InvokeFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *showVersion {
		_, _ = fmt.Fprintf(stdout, "fc-emulator %s (%s)\n", version, commit)
		return nil
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	if err := applySources(fs, getenv, "config", "version"); err != nil {
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
	level := hclog.LevelFromString(*logLevel)
	if level == hclog.NoLevel {
		return fmt.Errorf("invalid -log-level %q", *logLevel)
	}
	if *logFormat != "text" && *logFormat != "json" {
		return fmt.Errorf("invalid -log-format %q: text or json", *logFormat)
	}
	logger := hclog.New(&hclog.LoggerOptions{Name: "fc-emulator", Level: level, Output: stderr, JSONFormat: *logFormat == "json"})

	srv, err := emulator.New(emulator.Options{
		AccountID:       *accountID,
		Region:          *region,
		AccessKeyID:     *keyID,
		AccessKeySecret: *keySecret,
		Keys:            keys,
		StatePath:       *statePath,
		ResetState:      *reset,
		Strict:          *strict,
		Logger:          logger,
		LogRequests:     *logRequests,
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
	logger.Info("emulator started", "version", version, "url", url, "account_id", *accountID, "region", *region,
		"access_key_id", *keyID, "more_access_key_ids", keys.String(), "state", *statePath, "reset", *reset,
		"config", *configPath, "strict", *strict)
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
	shutdownCtx, cancel := context.WithTimeout(context.Background(), *shutdownTimeout)
	defer cancel()
	shutdownErr := hs.Shutdown(shutdownCtx)
	if shutdownErr == nil {
		if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
			shutdownErr = err
		}
	}
	// Flush waits for a handler still holding the state (past the
	// timeout too) and saves the state file.
	if err := srv.Flush(); err != nil {
		return err
	}
	if *statePath != "" {
		logger.Info("state saved", "state", *statePath)
	}
	return shutdownErr
}

// isLoopback reports whether host is a loopback address.
func isLoopback(host string) bool {
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
