package provider

import "testing"

func TestJWTPatterns(t *testing.T) {
	lookups := map[string]bool{
		"header:Authorization:Bearer":  true,
		"header:Authorization:Bearer ": true,
		"cookie:token":                 true,
		"query:jwt":                    true,
		"form:token":                   true,
		"body:token":                   false,
		"header":                       false,
		"header:":                      false,
		"header:Authorization:":        false,
		"header:a:b:c":                 false,
		"Header:Authorization":         false,
	}
	for in, want := range lookups {
		if got := jwtTokenLookupPattern.MatchString(in); got != want {
			t.Errorf("token_lookup %q matched = %v, want %v", in, got, want)
		}
	}
	claims := map[string]bool{
		"header:uid:X-User-Id": true,
		"query:sub:user":       true,
		"header:uid":           false,
		"path:uid:x":           false,
		"header::X":            false,
		"header:uid:X:Y":       false,
	}
	for in, want := range claims {
		if got := jwtClaimPassByPattern.MatchString(in); got != want {
			t.Errorf("claim_pass_by %q matched = %v, want %v", in, got, want)
		}
	}
}
