package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// Operation is the wire of one SDK operation, read from its
// <Action>WithOptions method.
type Operation struct {
	Action string `json:"action"`
	Method string `json:"method"`
	// Path is the SDK's Pathname with each encoded parameter written as
	// {name}, e.g. "/2021-04-06/services/{serviceName}/functions".
	Path string `json:"path"`
	// Query lists the query parameter names the SDK can send.
	Query []string `json:"query"`
	// Body is true when the SDK sends a request body.
	Body bool `json:"body"`
	// BodyKind is "json" (a JSON object built from BodyKeys) or "bytes"
	// (the caller's payload, as InvokeFunction); empty without a body.
	BodyKind string `json:"bodyKind,omitempty"`
	// BodyKeys lists the top-level keys of a JSON body.
	BodyKeys []string `json:"bodyKeys"`
}

// Struct is the JSON field names of one SDK model struct.
type Struct struct {
	Name   string   `json:"name"`
	Fields []string `json:"fields"`
}

// parseSDK reads the SDK's client.go source and returns its operations
// (sorted by action) and its model structs (sorted by name).
func parseSDK(filename string, src []byte) ([]Operation, []Struct, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filename, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, nil, err
	}
	var ops []Operation
	var structs []Struct
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil || d.Body == nil || !strings.HasSuffix(d.Name.Name, "WithOptions") {
				continue
			}
			op, err := parseOperation(d)
			if err != nil {
				return nil, nil, fmt.Errorf("%s: %s: %w", fset.Position(d.Pos()), d.Name.Name, err)
			}
			ops = append(ops, op)
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				ts, ok := spec.(*ast.TypeSpec)
				if !ok {
					continue
				}
				st, ok := ts.Type.(*ast.StructType)
				if !ok {
					continue
				}
				s := Struct{Name: ts.Name.Name, Fields: []string{}}
				for _, field := range st.Fields.List {
					if name := jsonName(field); name != "" {
						s.Fields = append(s.Fields, name)
					}
				}
				sort.Strings(s.Fields)
				if len(s.Fields) > 0 {
					structs = append(structs, s)
				}
			}
		}
	}
	if len(ops) == 0 {
		return nil, nil, fmt.Errorf("%s: no WithOptions operations found", filename)
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i].Action < ops[j].Action })
	for i := 1; i < len(ops); i++ {
		if ops[i].Action == ops[i-1].Action {
			return nil, nil, fmt.Errorf("action %s is defined twice", ops[i].Action)
		}
	}
	sort.Slice(structs, func(i, j int) bool { return structs[i].Name < structs[j].Name })
	return ops, structs, nil
}

// jsonName returns the name of a field's json tag ("" when it has none or
// the tag is "-").
func jsonName(field *ast.Field) string {
	if field.Tag == nil {
		return ""
	}
	tag, err := strconv.Unquote(field.Tag.Value)
	if err != nil {
		return ""
	}
	name, _, _ := strings.Cut(reflect.StructTag(tag).Get("json"), ",")
	if name == "-" {
		return ""
	}
	return name
}

// parseOperation reads one <Action>WithOptions method: the query and body
// keys it assigns, the Body of its openapi.OpenApiRequest and the Action,
// Method and Pathname of its openapi.Params.
func parseOperation(fn *ast.FuncDecl) (Operation, error) {
	op := Operation{Query: []string{}, BodyKeys: []string{}}
	var perr error
	seenParams := false
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		if perr != nil {
			return false
		}
		switch x := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range x.Lhs {
				ix, ok := lhs.(*ast.IndexExpr)
				if !ok {
					continue
				}
				m, ok := ix.X.(*ast.Ident)
				if !ok || (m.Name != "query" && m.Name != "body") {
					continue
				}
				key, err := stringLit(ix.Index)
				if err != nil {
					perr = fmt.Errorf("%s[...]: %w", m.Name, err)
					return false
				}
				if m.Name == "query" {
					op.Query = appendUnique(op.Query, key)
				} else {
					op.BodyKeys = appendUnique(op.BodyKeys, key)
				}
			}
		case *ast.CompositeLit:
			switch selectorName(x.Type) {
			case "openapi.OpenApiRequest":
				for _, kv := range keyValues(x) {
					if kv.key != "Body" {
						continue
					}
					op.Body = true
					switch v := kv.value.(type) {
					case *ast.CallExpr:
						if selectorName(v.Fun) != "openapiutil.ParseToMap" {
							perr = fmt.Errorf("unknown Body expression %s", selectorName(v.Fun))
							return false
						}
						op.BodyKind = "json"
					case *ast.Ident:
						op.BodyKind = "bytes"
					default:
						perr = fmt.Errorf("unknown Body expression %T", kv.value)
						return false
					}
				}
			case "openapi.Params":
				seenParams = true
				for _, kv := range keyValues(x) {
					var err error
					switch kv.key {
					case "Action":
						op.Action, err = teaString(kv.value)
					case "Method":
						op.Method, err = teaString(kv.value)
					case "Pathname":
						op.Path, err = teaString(kv.value)
					}
					if err != nil {
						perr = fmt.Errorf("field Params.%s: %w", kv.key, err)
						return false
					}
				}
			}
		}
		return true
	})
	switch {
	case perr != nil:
		return op, perr
	case !seenParams:
		return op, fmt.Errorf("no openapi.Params literal")
	case op.Action == "" || op.Method == "" || op.Path == "":
		return op, fmt.Errorf("incomplete Params: action %q, method %q, path %q", op.Action, op.Method, op.Path)
	case op.BodyKind == "json" && len(op.BodyKeys) == 0:
		return op, fmt.Errorf("a JSON body without keys")
	case op.BodyKind != "json" && len(op.BodyKeys) > 0:
		return op, fmt.Errorf("body keys %v but no JSON body", op.BodyKeys)
	}
	if want := op.Action + "WithOptions"; fn.Name.Name != want {
		return op, fmt.Errorf("action %q does not match the method name", op.Action)
	}
	sort.Strings(op.Query)
	sort.Strings(op.BodyKeys)
	return op, nil
}

type keyValue struct {
	key   string
	value ast.Expr
}

func keyValues(lit *ast.CompositeLit) []keyValue {
	var out []keyValue
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if k, ok := kv.Key.(*ast.Ident); ok {
			out = append(out, keyValue{k.Name, kv.Value})
		}
	}
	return out
}

// selectorName returns "pkg.Name" for a selector expression (also through
// a leading &), "" otherwise.
func selectorName(e ast.Expr) string {
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = u.X
	}
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	x, ok := sel.X.(*ast.Ident)
	if !ok {
		return ""
	}
	return x.Name + "." + sel.Sel.Name
}

// teaString evaluates tea.String(<string expression>).
func teaString(e ast.Expr) (string, error) {
	call, ok := e.(*ast.CallExpr)
	if !ok || selectorName(call.Fun) != "tea.String" || len(call.Args) != 1 {
		return "", fmt.Errorf("want tea.String(...)")
	}
	return stringExpr(call.Args[0])
}

// stringExpr evaluates a concatenation of string literals and
// tea.StringValue(openapiutil.GetEncodeParam(name)), which it writes as
// {name}.
func stringExpr(e ast.Expr) (string, error) {
	switch x := e.(type) {
	case *ast.BasicLit:
		return stringLit(x)
	case *ast.ParenExpr:
		return stringExpr(x.X)
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", fmt.Errorf("unsupported operator %s", x.Op)
		}
		l, err := stringExpr(x.X)
		if err != nil {
			return "", err
		}
		r, err := stringExpr(x.Y)
		if err != nil {
			return "", err
		}
		return l + r, nil
	case *ast.CallExpr:
		if selectorName(x.Fun) == "tea.StringValue" && len(x.Args) == 1 {
			if inner, ok := x.Args[0].(*ast.CallExpr); ok && selectorName(inner.Fun) == "openapiutil.GetEncodeParam" && len(inner.Args) == 1 {
				if id, ok := inner.Args[0].(*ast.Ident); ok {
					return "{" + id.Name + "}", nil
				}
			}
		}
		return "", fmt.Errorf("unsupported call %s", selectorName(x.Fun))
	}
	return "", fmt.Errorf("unsupported expression %T", e)
}

func stringLit(e ast.Expr) (string, error) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", fmt.Errorf("want a string literal, got %T", e)
	}
	return strconv.Unquote(lit.Value)
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
