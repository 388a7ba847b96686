// Command fc-invoke invokes a Function Compute function once through the
// provider's client (internal/fc) and prints what it returned: what
// `make demo` uses when the Terraform CLI has no actions (before 1.14).
//
//	fc-invoke -service NAME -function NAME [-qualifier Q] [-payload TEXT] [-log-tail] [-async]
//
// The endpoint and credentials come from the environment, as for the
// provider: FC_ENDPOINT, ALIBABA_CLOUD_ACCESS_KEY_ID,
// ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_SECURITY_TOKEN (optional),
// ALIBABA_CLOUD_ACCOUNT_ID and ALIBABA_CLOUD_REGION. The result goes to
// standard output; the status line and the log tail to standard error. The
// exit status is 0 when the function succeeded, 1 when it failed (its
// error is the output) and 2 when it could not be invoked.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr))
}

// errFunctionFailed is the function's failure (exit status 1).
var errFunctionFailed = errors.New("the function failed")

func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	err := invoke(ctx, args, getenv, stdout, stderr)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errFunctionFailed):
		return 1
	case errors.Is(err, flag.ErrHelp):
		return 2
	}
	fmt.Fprintln(stderr, "fc-invoke:", err)
	return 2
}

func invoke(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("fc-invoke", flag.ContinueOnError)
	fs.SetOutput(stderr)
	service := fs.String("service", "", "service name (required)")
	function := fs.String("function", "", "function name (required)")
	qualifier := fs.String("qualifier", "", "LATEST (default), a version ID or an alias")
	payload := fs.String("payload", "", "the event, sent as is")
	logTail := fs.Bool("log-tail", false, "print the last 4 KB of the invocation's log to standard error")
	async := fs.Bool("async", false, "invoke asynchronously: FC answers once it accepted the event")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *service == "" || *function == "" || fs.NArg() > 0 {
		fs.Usage()
		return errors.New("-service and -function are required, and nothing else")
	}
	client, err := fc.New(fc.Config{
		Endpoint:        getenv("FC_ENDPOINT"),
		AccountID:       getenv("ALIBABA_CLOUD_ACCOUNT_ID"),
		Region:          getenv("ALIBABA_CLOUD_REGION"),
		AccessKeyID:     getenv("ALIBABA_CLOUD_ACCESS_KEY_ID"),
		AccessKeySecret: getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
		SecurityToken:   getenv("ALIBABA_CLOUD_SECURITY_TOKEN"),
	})
	if err != nil {
		return fmt.Errorf("configuring the client: %w", err)
	}
	in := &fc.InvokeInput{Payload: []byte(*payload), LogTail: *logTail && !*async, InvocationType: fc.InvocationSync}
	if *async {
		in.InvocationType = fc.InvocationAsync
	}
	out, err := client.InvokeFunction(ctx, *service, *qualifier, *function, in)
	if err != nil {
		return err
	}
	target := *service + "/" + *function
	if *qualifier != "" {
		target += " (qualifier " + *qualifier + ")"
	}
	status := "answered"
	switch {
	case out.StatusCode == 202:
		status = "accepted the event"
	case out.Failed():
		status = "failed with " + out.ErrorType
	}
	fmt.Fprintf(stderr, "%s %s (HTTP %d, %s, request ID %s)\n", target, status, out.StatusCode, out.Duration, out.RequestID)
	if in.LogTail && out.LogResult != "" {
		fmt.Fprintf(stderr, "--- log tail ---\n%s\n--- end of log tail ---\n", strings.TrimRight(out.LogResult, "\n"))
	}
	if len(out.Payload) > 0 {
		_, _ = stdout.Write(out.Payload)
		if out.Payload[len(out.Payload)-1] != '\n' {
			fmt.Fprintln(stdout)
		}
	}
	if out.Failed() {
		return errFunctionFailed
	}
	return nil
}
