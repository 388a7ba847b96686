package fc

// The wire tables in testdata come from the official 2021-04-06 SDK's
// source in the Go module cache (see tools/sdkwire); wire_test.go and
// fields_test.go hold the client against them.
//go:generate go run ../../tools/sdkwire -out testdata
