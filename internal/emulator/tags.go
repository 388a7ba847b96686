package emulator

import (
	"net/http"
	"strings"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// Tags (reference 3.8, 4.9). Only services carry tags. A resource is
// named by its ARN, "acs:fc:<region>:<account>:services/<name>", or by the
// short form "services/<name>" of the document's GetResourceTags example.
// Tags are kept on the service record: they go with the service when it is
// deleted, and changing them changes neither the service's ETag nor its
// lastModifiedTime.

// taggedService returns the name of the service an ARN names. The ARN must
// name a service of this emulator's account and region (else 400
// InvalidArgument); whether the service exists is the caller's lookup.
func (s *Server) taggedService(arn string) (string, *apiError) {
	if arn == "" {
		return "", errInvalidArgument("resourceArn is required")
	}
	resource := arn
	if strings.HasPrefix(arn, "acs:") {
		parts := strings.SplitN(arn, ":", 5)
		if len(parts) != 5 || parts[1] != "fc" {
			return "", errInvalidArgument("resourceArn '%s' is not an FC resource ARN (acs:fc:<region>:<account>:services/<name>)", arn)
		}
		if parts[2] != s.opts.Region || parts[3] != s.opts.AccountID {
			return "", errInvalidArgument("resourceArn '%s' names a resource outside account '%s' in region '%s'", arn, s.opts.AccountID, s.opts.Region)
		}
		resource = parts[4]
	}
	name, ok := strings.CutPrefix(resource, "services/")
	if !ok || name == "" || strings.Contains(name, "/") {
		return "", errInvalidArgument("resourceArn '%s' does not name a service: only services can be tagged (acs:fc:<region>:<account>:services/<name>)", arn)
	}
	return name, nil
}

// tagResource adds tags to a service or changes their values.
func (s *Server) tagResource(c *call) *apiError {
	var in fc.TagResourceInput
	if e := decodeObject(c.body, &in, nil); e != nil {
		return e
	}
	name, e := s.taggedService(in.ResourceArn)
	if e != nil {
		return e
	}
	if len(in.Tags) == 0 {
		return errInvalidArgument("tags is required: give at least one tag")
	}
	for k := range in.Tags {
		if k == "" {
			return errInvalidArgument("tags: a tag key must not be empty")
		}
	}
	return modify(s, c, kindService, []string{name}, true, func(svc *serviceRecord) *apiError {
		if svc.Tags == nil {
			svc.Tags = map[string]string{}
		}
		for k, v := range in.Tags {
			svc.Tags[k] = v
		}
		return nil
	}, func(*serviceRecord) *apiError {
		c.w.WriteHeader(http.StatusOK)
		return nil
	})
}

// untagResource removes the listed tags of a service (keys it does not
// have are ignored) or, with all, every tag. Served as the document's
// DELETE and as the 2021-04-06 SDK's PUT, both with a JSON body.
func (s *Server) untagResource(c *call) *apiError {
	var in fc.UntagResourceInput
	if e := decodeObject(c.body, &in, nil); e != nil {
		return e
	}
	name, e := s.taggedService(in.ResourceArn)
	if e != nil {
		return e
	}
	if !in.All && len(in.TagKeys) == 0 {
		return errInvalidArgument("tagKeys is required unless all is true")
	}
	return modify(s, c, kindService, []string{name}, true, func(svc *serviceRecord) *apiError {
		if in.All {
			svc.Tags = nil
			return nil
		}
		for _, k := range in.TagKeys {
			delete(svc.Tags, k)
		}
		if len(svc.Tags) == 0 {
			svc.Tags = nil
		}
		return nil
	}, func(*serviceRecord) *apiError {
		c.w.WriteHeader(http.StatusOK)
		return nil
	})
}

// getResourceTags answers the tags of a service ({} when it has none) and
// the ARN as asked.
func (s *Server) getResourceTags(c *call) *apiError {
	arn := c.r.URL.Query().Get("resourceArn")
	name, e := s.taggedService(arn)
	if e != nil {
		return e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	svc, e := s.st.service(name)
	if e != nil {
		return e
	}
	out := fc.ResourceTags{ResourceArn: arn, Tags: map[string]string{}}
	for k, v := range svc.Tags {
		out.Tags[k] = v
	}
	return c.writeJSON(out, "")
}
