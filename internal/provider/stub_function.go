package provider

// Placeholder until resource_function.go and data_source_function*.go land; delete this file then.

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

func NewFunctionResource() resource.Resource        { return nil }
func NewFunctionDataSource() datasource.DataSource  { return nil }
func NewFunctionsDataSource() datasource.DataSource { return nil }
