// Package chaos holds the chaos test (chaos_test.go): the real Terraform
// CLI and the provider binary apply, re-apply and destroy services and
// functions against an in-process emulator that faults a share of the API
// requests, and the test counts what was left behind. It has no code of
// its own; `make test` runs it at a small size, `make chaos` at 100
// resources.
package chaos
