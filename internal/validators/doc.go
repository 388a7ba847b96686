// Package validators holds the Function Compute specific Terraform
// framework validators and the enum values that feed both validation and
// generated documentation.
//
// Generic rules (ranges, lengths, enums) come from
// terraform-plugin-framework-validators; only rules that are specific to FC
// live here. Every validator skips null and unknown values and reports its
// error against the attribute path it validates.
package validators
