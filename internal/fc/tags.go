package fc

import (
	"context"
	"net/http"
	"net/url"
)

// ServiceARN is the resource ARN of a service that the tag operations take,
// "acs:fc:<region>:<account>:services/<name>" (reference 3.8).
func ServiceARN(region, accountID, service string) string {
	return "acs:fc:" + region + ":" + accountID + ":services/" + service
}

// TagResourceInput is the body of TagResource.
type TagResourceInput struct {
	ResourceArn string            `json:"resourceArn"`
	Tags        map[string]string `json:"tags"`
}

// UntagResourceInput is the body of UntagResource. All removes every tag
// (TagKeys is then ignored).
type UntagResourceInput struct {
	ResourceArn string   `json:"resourceArn"`
	TagKeys     []string `json:"tagKeys"`
	All         bool     `json:"all"`
}

// ResourceTags is the answer of GetResourceTags.
type ResourceTags struct {
	ResourceArn string            `json:"resourceArn"`
	Tags        map[string]string `json:"tags"`
}

// TagResource adds tags to a resource, or changes the value of tags it
// has; its other tags stay. Sending it twice has the effect of once.
func (c *Client) TagResource(ctx context.Context, arn string, tags map[string]string) error {
	_, err := c.do(ctx, &request{operation: "TagResource", method: http.MethodPost, idempotent: true, path: "/tag", body: &TagResourceInput{ResourceArn: arn, Tags: tags}}, nil)
	return err
}

// UntagResource removes the tags keys from a resource, or every tag when
// all is true. Keys the resource does not have are ignored. The
// 2021-04-06 SDK sends it as PUT /tag (the 2016-08-15 document says DELETE
// with a body; reference 9.2): the client sends the SDK's form.
func (c *Client) UntagResource(ctx context.Context, arn string, keys []string, all bool) error {
	if keys == nil {
		keys = []string{}
	}
	_, err := c.do(ctx, &request{operation: "UntagResource", method: http.MethodPut, idempotent: true, path: "/tag", body: &UntagResourceInput{ResourceArn: arn, TagKeys: keys, All: all}}, nil)
	return err
}

// GetResourceTags returns the tags of a resource (an empty map when it has
// none).
func (c *Client) GetResourceTags(ctx context.Context, arn string) (map[string]string, error) {
	var out ResourceTags
	if _, err := c.do(ctx, &request{operation: "GetResourceTags", method: http.MethodGet, idempotent: true, path: "/tag", query: url.Values{"resourceArn": {arn}}}, &out); err != nil {
		return nil, err
	}
	if out.Tags == nil {
		out.Tags = map[string]string{}
	}
	return out.Tags, nil
}
