package fc

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// Instance is one instance serving a function (reference 3.12 and 4.11).
type Instance struct {
	InstanceID string `json:"instanceId"`
	// VersionID is the version the instance runs; "0" under LATEST. The
	// 2016-08-15 document carries it as a number, the 2021-04-06 SDK as a
	// string: both decode.
	VersionID LooseString `json:"versionId"`
}

// LooseString is a string that answers carry as a JSON string or as a
// number (ListInstances versionId). It is sent as a string.
type LooseString string

// UnmarshalJSON accepts "3", 3 and null (which leaves the value alone).
func (s *LooseString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		return nil
	case len(b) > 0 && b[0] == '"':
		var v string
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		*s = LooseString(v)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("fc: %s is neither a string nor a number", b)
	}
	*s = LooseString(n.String())
	return nil
}

// InstanceList is the answer of ListInstances: {"instances": [...]} in the
// 2021-04-06 SDK's shape, or the bare array of the 2016-08-15 document.
type InstanceList []Instance

// UnmarshalJSON accepts both shapes.
func (l *InstanceList) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		var items []Instance
		if err := json.Unmarshal(b, &items); err != nil {
			return err
		}
		*l = items
		return nil
	}
	var page instancesPage
	if err := json.Unmarshal(b, &page); err != nil {
		return err
	}
	*l = page.Instances
	return nil
}

// instancesPage is the 2021-04-06 SDK's ListInstances answer.
type instancesPage struct {
	Instances []Instance `json:"instances"`
}

// ListInstances lists the instances on the invocation path of a function
// at a qualifier ("" = LATEST): the provisioned instances of an alias, or
// the instances serving LATEST. limit (0 = the service default) caps the
// answer, which FC does not page.
func (c *Client) ListInstances(ctx context.Context, service, qualifier, function string, limit int) ([]Instance, error) {
	var q url.Values
	if limit > 0 {
		q = url.Values{"limit": {strconv.Itoa(limit)}}
	}
	var out InstanceList
	if _, err := c.do(ctx, &request{operation: "ListInstances", method: http.MethodGet, idempotent: true,
		path: escape("services", service, "functions", function, "instances"), query: withQualifier(q, qualifier)}, &out); err != nil {
		return nil, err
	}
	return out, nil
}
