package provider

// Placeholder until resource_service.go and data_source_service*.go land; delete this file then.

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

func NewServiceResource() resource.Resource        { return nil }
func NewServiceDataSource() datasource.DataSource  { return nil }
func NewServicesDataSource() datasource.DataSource { return nil }
