// Command floor serves the do-nothing provider of internal/benchscale/floor
// (fc_service and fc_function with terraform-provider-fc's schemas, no I/O)
// for `make bench-scale`. It keeps the framework's default logging: it
// stands for what the framework costs by default.
package main

import (
	"context"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/terraform-fc/terraform-provider-fc/internal/benchscale/floor"
)

func main() {
	ctx := context.Background()
	p, err := floor.New(ctx)
	if err != nil {
		log.Fatal(err.Error())
	}
	err = providerserver.Serve(ctx, p, providerserver.ServeOpts{
		Address:         floor.Address,
		ProtocolVersion: 6,
	})
	if err != nil {
		log.Fatal(err.Error())
	}
}
