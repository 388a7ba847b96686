// Package provider is the Terraform layer of the FC provider: the provider,
// its resources and data sources. It talks to FC only through internal/fc.
//
// Where things live:
//   - resource_<name>.go: the resource (schema, CRUD, import, plan-time
//     checks); resource_<name>_model.go: its model and hand-written
//     expand/flatten; data_source_<name>.go likewise, with what data
//     sources share (computed attributes, name arguments, the Read
//     preamble, lookup errors, listed items) in data_source_common.go;
//     list_<name>.go for list resources, with list.go (paging, walking
//     services > functions > ...) and listing_attrs.go (their filter
//     arguments). fc_trigger's configuration kinds are
//     trigger_kind_<kind>.go, one file each, registered in trigger_kind.go
//     (objectTriggerKind implements a kind once; a kind file declares it).
//   - base.go (Configure, embedded by every resource and data source),
//     lifecycle.go (ambiguous creates, not-found on read and delete, import
//     IDs), private_state.go (the one ETag policy), values.go (the one
//     null / empty / zero rule), diagnostics.go (API errors).
//
// Where tests live (one rule):
//   - Tests of one file's functions, in package provider, beside it:
//     resource_<name>_model_test.go for a model's expand/flatten, its
//     validators and the schema/model parity tests of the resource and of
//     the data sources built on the same model; lifecycle_test.go,
//     values_test.go and so on.
//   - Terraform-driven tests, in package provider_test, one file per
//     resource or data source: resource_<name>_test.go and
//     data_source_<name>_test.go (a data source's tests never live in a
//     resource's file). Cases every resource shares (disappears, drift,
//     stale ETag) are built by helpers_acc_test.go; long configurations
//     are in testdata/ where that shortens the Go.
package provider
