package floor

import (
	"fmt"
	"maps"
	"slices"

	provschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// CopyResourceSchema returns a deep copy of s that Terraform sees as the
// same schema (attribute names, types, Required/Optional/Computed,
// Sensitive, WriteOnly, descriptions, deprecation messages and the schema
// version), with every validator, plan modifier, default and custom type
// left out, so that only the framework's own work remains. An attribute or
// block kind it does not know is an error, not a silent omission.
func CopyResourceSchema(s schema.Schema) (schema.Schema, error) {
	attrs, err := copyAttributes(s.Attributes, "")
	if err != nil {
		return schema.Schema{}, err
	}
	blocks, err := copyBlocks(s.Blocks, "")
	if err != nil {
		return schema.Schema{}, err
	}
	return schema.Schema{
		Attributes:          attrs,
		Blocks:              blocks,
		Description:         s.Description,
		MarkdownDescription: s.MarkdownDescription,
		DeprecationMessage:  s.DeprecationMessage,
		Version:             s.Version,
	}, nil
}

func copyAttributes(in map[string]schema.Attribute, prefix string) (map[string]schema.Attribute, error) {
	if in == nil {
		return nil, nil
	}
	out := make(map[string]schema.Attribute, len(in))
	for _, name := range slices.Sorted(maps.Keys(in)) {
		a, err := copyAttribute(in[name], prefix+name)
		if err != nil {
			return nil, err
		}
		out[name] = a
	}
	return out, nil
}

//nolint:gocyclo // one case per attribute kind of the framework
func copyAttribute(in schema.Attribute, at string) (schema.Attribute, error) {
	switch a := in.(type) {
	case schema.StringAttribute:
		return schema.StringAttribute{
			Required: a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive, WriteOnly: a.WriteOnly,
			Description: a.Description, MarkdownDescription: a.MarkdownDescription, DeprecationMessage: a.DeprecationMessage,
		}, nil
	case schema.Int64Attribute:
		return schema.Int64Attribute{
			Required: a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive, WriteOnly: a.WriteOnly,
			Description: a.Description, MarkdownDescription: a.MarkdownDescription, DeprecationMessage: a.DeprecationMessage,
		}, nil
	case schema.Int32Attribute:
		return schema.Int32Attribute{
			Required: a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive, WriteOnly: a.WriteOnly,
			Description: a.Description, MarkdownDescription: a.MarkdownDescription, DeprecationMessage: a.DeprecationMessage,
		}, nil
	case schema.Float64Attribute:
		return schema.Float64Attribute{
			Required: a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive, WriteOnly: a.WriteOnly,
			Description: a.Description, MarkdownDescription: a.MarkdownDescription, DeprecationMessage: a.DeprecationMessage,
		}, nil
	case schema.Float32Attribute:
		return schema.Float32Attribute{
			Required: a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive, WriteOnly: a.WriteOnly,
			Description: a.Description, MarkdownDescription: a.MarkdownDescription, DeprecationMessage: a.DeprecationMessage,
		}, nil
	case schema.BoolAttribute:
		return schema.BoolAttribute{
			Required: a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive, WriteOnly: a.WriteOnly,
			Description: a.Description, MarkdownDescription: a.MarkdownDescription, DeprecationMessage: a.DeprecationMessage,
		}, nil
	case schema.NumberAttribute:
		return schema.NumberAttribute{
			Required: a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive, WriteOnly: a.WriteOnly,
			Description: a.Description, MarkdownDescription: a.MarkdownDescription, DeprecationMessage: a.DeprecationMessage,
		}, nil
	case schema.DynamicAttribute:
		return schema.DynamicAttribute{
			Required: a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive, WriteOnly: a.WriteOnly,
			Description: a.Description, MarkdownDescription: a.MarkdownDescription, DeprecationMessage: a.DeprecationMessage,
		}, nil
	case schema.ListAttribute:
		return schema.ListAttribute{
			ElementType: a.ElementType,
			Required:    a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive, WriteOnly: a.WriteOnly,
			Description: a.Description, MarkdownDescription: a.MarkdownDescription, DeprecationMessage: a.DeprecationMessage,
		}, nil
	case schema.SetAttribute:
		return schema.SetAttribute{
			ElementType: a.ElementType,
			Required:    a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive,
			Description: a.Description, MarkdownDescription: a.MarkdownDescription, DeprecationMessage: a.DeprecationMessage,
		}, nil
	case schema.MapAttribute:
		return schema.MapAttribute{
			ElementType: a.ElementType,
			Required:    a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive, WriteOnly: a.WriteOnly,
			Description: a.Description, MarkdownDescription: a.MarkdownDescription, DeprecationMessage: a.DeprecationMessage,
		}, nil
	case schema.ObjectAttribute:
		return schema.ObjectAttribute{
			AttributeTypes: maps.Clone(a.AttributeTypes),
			Required:       a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive, WriteOnly: a.WriteOnly,
			Description: a.Description, MarkdownDescription: a.MarkdownDescription, DeprecationMessage: a.DeprecationMessage,
		}, nil
	case schema.SingleNestedAttribute:
		attrs, err := copyAttributes(a.Attributes, at+".")
		if err != nil {
			return nil, err
		}
		return schema.SingleNestedAttribute{
			Attributes: attrs,
			Required:   a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive, WriteOnly: a.WriteOnly,
			Description: a.Description, MarkdownDescription: a.MarkdownDescription, DeprecationMessage: a.DeprecationMessage,
		}, nil
	case schema.ListNestedAttribute:
		obj, err := copyNestedObject(a.NestedObject, at+"[*].")
		if err != nil {
			return nil, err
		}
		return schema.ListNestedAttribute{
			NestedObject: obj,
			Required:     a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive, WriteOnly: a.WriteOnly,
			Description: a.Description, MarkdownDescription: a.MarkdownDescription, DeprecationMessage: a.DeprecationMessage,
		}, nil
	case schema.SetNestedAttribute:
		obj, err := copyNestedObject(a.NestedObject, at+"[*].")
		if err != nil {
			return nil, err
		}
		return schema.SetNestedAttribute{
			NestedObject: obj,
			Required:     a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive,
			Description: a.Description, MarkdownDescription: a.MarkdownDescription, DeprecationMessage: a.DeprecationMessage,
		}, nil
	case schema.MapNestedAttribute:
		obj, err := copyNestedObject(a.NestedObject, at+"[*].")
		if err != nil {
			return nil, err
		}
		return schema.MapNestedAttribute{
			NestedObject: obj,
			Required:     a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive, WriteOnly: a.WriteOnly,
			Description: a.Description, MarkdownDescription: a.MarkdownDescription, DeprecationMessage: a.DeprecationMessage,
		}, nil
	default:
		return nil, fmt.Errorf("attribute %s: kind %T not handled by the floor's schema copy", at, in)
	}
}

func copyNestedObject(in schema.NestedAttributeObject, prefix string) (schema.NestedAttributeObject, error) {
	attrs, err := copyAttributes(in.Attributes, prefix)
	if err != nil {
		return schema.NestedAttributeObject{}, err
	}
	return schema.NestedAttributeObject{Attributes: attrs}, nil
}

func copyBlocks(in map[string]schema.Block, prefix string) (map[string]schema.Block, error) {
	if in == nil {
		return nil, nil
	}
	out := make(map[string]schema.Block, len(in))
	for _, name := range slices.Sorted(maps.Keys(in)) {
		b, err := copyBlock(in[name], prefix+name)
		if err != nil {
			return nil, err
		}
		out[name] = b
	}
	return out, nil
}

func copyBlock(in schema.Block, at string) (schema.Block, error) {
	switch b := in.(type) {
	case schema.SingleNestedBlock:
		attrs, err := copyAttributes(b.Attributes, at+".")
		if err != nil {
			return nil, err
		}
		blocks, err := copyBlocks(b.Blocks, at+".")
		if err != nil {
			return nil, err
		}
		return schema.SingleNestedBlock{
			Attributes: attrs, Blocks: blocks,
			Description: b.Description, MarkdownDescription: b.MarkdownDescription, DeprecationMessage: b.DeprecationMessage,
		}, nil
	case schema.ListNestedBlock:
		obj, err := copyBlockObject(b.NestedObject, at+"[*].")
		if err != nil {
			return nil, err
		}
		return schema.ListNestedBlock{
			NestedObject: obj,
			Description:  b.Description, MarkdownDescription: b.MarkdownDescription, DeprecationMessage: b.DeprecationMessage,
		}, nil
	case schema.SetNestedBlock:
		obj, err := copyBlockObject(b.NestedObject, at+"[*].")
		if err != nil {
			return nil, err
		}
		return schema.SetNestedBlock{
			NestedObject: obj,
			Description:  b.Description, MarkdownDescription: b.MarkdownDescription, DeprecationMessage: b.DeprecationMessage,
		}, nil
	default:
		return nil, fmt.Errorf("block %s: kind %T not handled by the floor's schema copy", at, in)
	}
}

func copyBlockObject(in schema.NestedBlockObject, prefix string) (schema.NestedBlockObject, error) {
	attrs, err := copyAttributes(in.Attributes, prefix)
	if err != nil {
		return schema.NestedBlockObject{}, err
	}
	blocks, err := copyBlocks(in.Blocks, prefix)
	if err != nil {
		return schema.NestedBlockObject{}, err
	}
	return schema.NestedBlockObject{Attributes: attrs, Blocks: blocks}, nil
}

// CopyProviderSchema is CopyResourceSchema for the provider's own
// configuration schema, without its validators.
func CopyProviderSchema(s provschema.Schema) (provschema.Schema, error) {
	if len(s.Blocks) > 0 {
		return provschema.Schema{}, fmt.Errorf("provider schema blocks are not handled by the floor's schema copy")
	}
	attrs := make(map[string]provschema.Attribute, len(s.Attributes))
	for _, name := range slices.Sorted(maps.Keys(s.Attributes)) {
		switch a := s.Attributes[name].(type) {
		case provschema.StringAttribute:
			attrs[name] = provschema.StringAttribute{
				Required: a.Required, Optional: a.Optional, Sensitive: a.Sensitive,
				Description: a.Description, MarkdownDescription: a.MarkdownDescription, DeprecationMessage: a.DeprecationMessage,
			}
		case provschema.Int64Attribute:
			attrs[name] = provschema.Int64Attribute{
				Required: a.Required, Optional: a.Optional, Sensitive: a.Sensitive,
				Description: a.Description, MarkdownDescription: a.MarkdownDescription, DeprecationMessage: a.DeprecationMessage,
			}
		case provschema.BoolAttribute:
			attrs[name] = provschema.BoolAttribute{
				Required: a.Required, Optional: a.Optional, Sensitive: a.Sensitive,
				Description: a.Description, MarkdownDescription: a.MarkdownDescription, DeprecationMessage: a.DeprecationMessage,
			}
		case provschema.Float64Attribute:
			attrs[name] = provschema.Float64Attribute{
				Required: a.Required, Optional: a.Optional, Sensitive: a.Sensitive,
				Description: a.Description, MarkdownDescription: a.MarkdownDescription, DeprecationMessage: a.DeprecationMessage,
			}
		case provschema.ListAttribute:
			attrs[name] = provschema.ListAttribute{
				ElementType: a.ElementType, Required: a.Required, Optional: a.Optional, Sensitive: a.Sensitive,
				Description: a.Description, MarkdownDescription: a.MarkdownDescription, DeprecationMessage: a.DeprecationMessage,
			}
		case provschema.MapAttribute:
			attrs[name] = provschema.MapAttribute{
				ElementType: a.ElementType, Required: a.Required, Optional: a.Optional, Sensitive: a.Sensitive,
				Description: a.Description, MarkdownDescription: a.MarkdownDescription, DeprecationMessage: a.DeprecationMessage,
			}
		default:
			return provschema.Schema{}, fmt.Errorf("provider attribute %s: kind %T not handled by the floor's schema copy", name, a)
		}
	}
	return provschema.Schema{
		Attributes:          attrs,
		Description:         s.Description,
		MarkdownDescription: s.MarkdownDescription,
		DeprecationMessage:  s.DeprecationMessage,
	}, nil
}
