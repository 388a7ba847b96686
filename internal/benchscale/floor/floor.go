// Package floor is the do-nothing provider `make bench-scale` measures
// terraform-provider-fc against: the same provider, fc_service and
// fc_function schemas, generated at run time from internal/provider so that
// they follow every schema change, with every validator, plan modifier and
// default left out, and resources that do no I/O. What it costs Terraform
// and the plugin framework to plan, apply and destroy N of its resources is
// the floor no FC provider on this framework can go below.
//
// It is benchmark code, never served by the real provider binary.
package floor

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	provschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/terraform-fc/terraform-provider-fc/internal/provider"
)

// Address is the floor provider's registry address: the same type names
// as terraform-provider-fc under another source, so that a configuration
// for one differs from one for the other only in `source`.
const Address = "registry.terraform.io/terraform-fc/floor"

// ResourceTypes are the resource types the floor copies.
var ResourceTypes = []string{"fc_service", "fc_function"}

// FixedID is the value Create and Update give an unknown top-level id.
const FixedID = "floor"

// Schemas are the schemas the floor serves, copied from the real provider.
type Schemas struct {
	TypeName  string
	Provider  provschema.Schema
	Resources map[string]schema.Schema
	// Identities are the identity schemas of the resources that have one.
	Identities map[string]identityschema.Schema
}

// RealSchemas returns the real provider's type name, provider schema and
// the schemas of ResourceTypes, as they are (no copy).
func RealSchemas(ctx context.Context) (Schemas, error) {
	p := provider.New("floor", "none")()
	var meta fwprovider.MetadataResponse
	p.Metadata(ctx, fwprovider.MetadataRequest{}, &meta)
	var ps fwprovider.SchemaResponse
	p.Schema(ctx, fwprovider.SchemaRequest{}, &ps)
	if ps.Diagnostics.HasError() {
		return Schemas{}, fmt.Errorf("provider schema: %v", ps.Diagnostics)
	}
	out := Schemas{TypeName: meta.TypeName, Provider: ps.Schema, Resources: map[string]schema.Schema{}, Identities: map[string]identityschema.Schema{}}
	for _, newResource := range p.Resources(ctx) {
		r := newResource()
		var rm resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: meta.TypeName}, &rm)
		if !slices.Contains(ResourceTypes, rm.TypeName) {
			continue
		}
		var rs resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &rs)
		if rs.Diagnostics.HasError() {
			return Schemas{}, fmt.Errorf("%s schema: %v", rm.TypeName, rs.Diagnostics)
		}
		out.Resources[rm.TypeName] = rs.Schema
		if ri, ok := r.(resource.ResourceWithIdentity); ok {
			var is resource.IdentitySchemaResponse
			ri.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &is)
			if is.Diagnostics.HasError() {
				return Schemas{}, fmt.Errorf("%s identity schema: %v", rm.TypeName, is.Diagnostics)
			}
			out.Identities[rm.TypeName] = is.IdentitySchema
		}
	}
	for _, t := range ResourceTypes {
		if _, ok := out.Resources[t]; !ok {
			return Schemas{}, fmt.Errorf("the provider has no resource %s", t)
		}
	}
	return out, nil
}

// FloorSchemas returns RealSchemas with each schema passed through
// CopyProviderSchema or CopyResourceSchema.
func FloorSchemas(ctx context.Context) (Schemas, error) {
	ours, err := RealSchemas(ctx)
	if err != nil {
		return Schemas{}, err
	}
	out := Schemas{TypeName: ours.TypeName, Resources: map[string]schema.Schema{}, Identities: map[string]identityschema.Schema{}}
	if out.Provider, err = CopyProviderSchema(ours.Provider); err != nil {
		return Schemas{}, err
	}
	for t, s := range ours.Resources {
		if out.Resources[t], err = CopyResourceSchema(s); err != nil {
			return Schemas{}, fmt.Errorf("%s: %w", t, err)
		}
	}
	for t, s := range ours.Identities {
		if out.Identities[t], err = CopyIdentitySchema(s); err != nil {
			return Schemas{}, fmt.Errorf("%s identity: %w", t, err)
		}
	}
	return out, nil
}

// New returns the floor provider's constructor, for providerserver.Serve.
func New(ctx context.Context) (func() fwprovider.Provider, error) {
	s, err := FloorSchemas(ctx)
	if err != nil {
		return nil, err
	}
	return func() fwprovider.Provider { return &floorProvider{schemas: s} }, nil
}

type floorProvider struct {
	schemas Schemas
}

func (p *floorProvider) Metadata(_ context.Context, _ fwprovider.MetadataRequest, resp *fwprovider.MetadataResponse) {
	resp.TypeName = p.schemas.TypeName
	resp.Version = "floor"
}

func (p *floorProvider) Schema(_ context.Context, _ fwprovider.SchemaRequest, resp *fwprovider.SchemaResponse) {
	resp.Schema = p.schemas.Provider
}

// Configure does nothing: the floor talks to nobody.
func (p *floorProvider) Configure(context.Context, fwprovider.ConfigureRequest, *fwprovider.ConfigureResponse) {
}

func (p *floorProvider) Resources(context.Context) []func() resource.Resource {
	var out []func() resource.Resource
	for _, t := range ResourceTypes {
		var r resource.Resource = &floorResource{typeName: t, schema: p.schemas.Resources[t]}
		if is, ok := p.schemas.Identities[t]; ok {
			r = &floorResourceWithIdentity{floorResource: r.(*floorResource), identity: is}
		}
		out = append(out, func() resource.Resource { return r })
	}
	return out
}

func (p *floorProvider) DataSources(context.Context) []func() datasource.DataSource {
	return nil
}

// floorResource keeps what Terraform plans, and nothing else. When the
// real resource has an identity, floorResourceWithIdentity adds it, set
// from the state on every create, read and update as the real one does.
type floorResource struct {
	typeName string
	schema   schema.Schema
}

func (r *floorResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = r.typeName
}

func (r *floorResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.schema
}

// Create stores the plan, unknown values made null (the id FixedID).
func (r *floorResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	v, err := Settle(req.Plan.Raw)
	if err != nil {
		resp.Diagnostics.AddError("floor create", err.Error())
		return
	}
	resp.State.Raw = v
	setIdentity(ctx, resp.Identity, v, &resp.Diagnostics)
}

// Read returns the state as it is (the framework has already copied it
// into the response), and an identity from it.
func (r *floorResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	setIdentity(ctx, resp.Identity, req.State.Raw, &resp.Diagnostics)
}

// Update stores the plan, unknown values made null (the id FixedID).
func (r *floorResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	v, err := Settle(req.Plan.Raw)
	if err != nil {
		resp.Diagnostics.AddError("floor update", err.Error())
		return
	}
	resp.State.Raw = v
	setIdentity(ctx, resp.Identity, v, &resp.Diagnostics)
}

// Delete does nothing; the framework then removes the state.
func (r *floorResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

type floorResourceWithIdentity struct {
	*floorResource
	identity identityschema.Schema
}

func (r *floorResourceWithIdentity) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = r.identity
}

// setIdentity sets identity (nil when the resource has none) from state.
func setIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, state tftypes.Value, diags *diag.Diagnostics) {
	if identity == nil || identity.Schema == nil {
		return
	}
	v, err := IdentityFrom(identity.Schema.Type().TerraformType(ctx), state)
	if err != nil {
		diags.AddError("floor identity", err.Error())
		return
	}
	identity.Raw = v
}

var idPath = tftypes.NewAttributePath().WithAttributeName("id")

// Settle returns v with every unknown value replaced by a null of its
// type, except a top-level string id, which becomes FixedID.
func Settle(v tftypes.Value) (tftypes.Value, error) {
	return tftypes.Transform(v, func(p *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if v.IsKnown() {
			return v, nil
		}
		if p.Equal(idPath) && v.Type().Is(tftypes.String) {
			return tftypes.NewValue(tftypes.String, FixedID), nil
		}
		return tftypes.NewValue(v.Type(), nil), nil
	})
}
