package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
)

// Every flag can also be set by an environment variable and by a JSON
// configuration file; a flag on the command line wins over the
// environment, which wins over the file:
//
//	-listen 127.0.0.1:9000    FC_EMULATOR_LISTEN=127.0.0.1:9000    {"listen": "127.0.0.1:9000"}
//	-fault-rate 0.2           FC_EMULATOR_FAULT_RATE=0.2           {"fault-rate": 0.2}
//
// The variable is FC_EMULATOR_ and the flag name in upper case with '_'
// for '-'; the file's keys are the flag names. In the file a value may be
// a string, a number or a boolean; a list flag (fault-kinds, fault-ops)
// also takes an array of strings, and "keys" an object of AccessKey ID to
// secret. The file is named by -config or FC_EMULATOR_CONFIG.

// envPrefix starts the name of every variable.
const envPrefix = "FC_EMULATOR_"

// envName is the environment variable of the flag name.
func envName(flagName string) string {
	return envPrefix + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// applySources sets the flags of fs that the command line did not set,
// from the environment first and then from the configuration file (the
// value of the flag named configFlag, itself settable by the environment).
// The flags named in commandLineOnly (e.g. -version) come from the
// command line only.
func applySources(fs *flag.FlagSet, getenv func(string) string, configFlag string, commandLineOnly ...string) error {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	only := map[string]bool{}
	for _, name := range commandLineOnly {
		only[name] = true
		set[name] = true
	}

	var err error
	fs.VisitAll(func(f *flag.Flag) {
		if err != nil || set[f.Name] {
			return
		}
		v := getenv(envName(f.Name))
		if v == "" {
			return
		}
		if e := fs.Set(f.Name, v); e != nil {
			err = fmt.Errorf("$%s: %w", envName(f.Name), e)
			return
		}
		set[f.Name] = true
	})
	if err != nil {
		return err
	}

	path := fs.Lookup(configFlag).Value.String()
	if path == "" {
		return nil
	}
	values, err := readConfigFile(path)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(values))
	for name := range values {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if name == configFlag || only[name] || fs.Lookup(name) == nil {
			return fmt.Errorf("config file %s: unknown setting %q (the settings are the flag names; see -help)", path, name)
		}
		if set[name] {
			continue
		}
		if err := fs.Set(name, values[name]); err != nil {
			return fmt.Errorf("config file %s: %q: %w", path, name, err)
		}
	}
	return nil
}

// readConfigFile reads a JSON object and renders each value as the text
// its flag parses.
func readConfigFile(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config file: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var raw map[string]any
	if err := dec.Decode(&raw); err != nil || raw == nil {
		return nil, fmt.Errorf("config file %s: not a JSON object: %v", path, err)
	}
	out := make(map[string]string, len(raw))
	for name, v := range raw {
		s, err := flagText(v)
		if err != nil {
			return nil, fmt.Errorf("config file %s: %q: %w", path, name, err)
		}
		out[name] = s
	}
	return out, nil
}

func flagText(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case json.Number:
		return v.String(), nil
	case bool:
		return fmt.Sprint(v), nil
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			s, ok := e.(string)
			if !ok {
				return "", fmt.Errorf("list elements must be strings, got %v", e)
			}
			parts[i] = s
		}
		return strings.Join(parts, ","), nil
	case map[string]any:
		ids := make([]string, 0, len(v))
		for id := range v {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		parts := make([]string, len(ids))
		for i, id := range ids {
			secret, ok := v[id].(string)
			if !ok {
				return "", fmt.Errorf("the secret of %q must be a string", id)
			}
			parts[i] = id + ":" + secret
		}
		return strings.Join(parts, ","), nil
	default:
		return "", fmt.Errorf("unsupported value %v", v)
	}
}

// keyPairs is the -keys flag: further accepted key pairs, "ID:SECRET"
// separated by commas; the flag may be repeated.
type keyPairs map[string]string

func (k keyPairs) String() string {
	ids := make([]string, 0, len(k))
	for id := range k {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return strings.Join(ids, ",")
}

func (k keyPairs) Set(v string) error {
	for _, pair := range strings.Split(v, ",") {
		pair = strings.TrimSpace(pair)
		if pair == "" {
			continue
		}
		id, secret, ok := strings.Cut(pair, ":")
		if !ok || id == "" || secret == "" {
			return fmt.Errorf("key pair %q: expected ID:SECRET", pair)
		}
		k[id] = secret
	}
	return nil
}
