package emulator

import (
	"strconv"
	"strings"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// decodeService decodes a service request body and drops the fields a
// client cannot set (serviceId, createdTime, lastModifiedTime).
func decodeService(body []byte) (*fc.Service, *apiError) {
	var in fc.Service
	if e := decodeObject(body, &in, nil); e != nil {
		return nil, e
	}
	in.ServiceID, in.CreatedTime, in.LastModifiedTime = nil, nil, nil
	return &in, nil
}

func (s *Server) createService(c *call) *apiError {
	in, e := decodeService(c.body)
	if e != nil {
		return e
	}
	if in.ServiceName == nil || *in.ServiceName == "" {
		return errInvalidArgument("serviceName is required")
	}
	name := *in.ServiceName
	if e := validateServiceName(name); e != nil {
		return e
	}
	if in.InternetAccess == nil {
		in.InternetAccess = ptr(true)
	}
	dropCleared(in)
	if e := validateService(in); e != nil {
		return e
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if _, exists := s.st.Services[name]; exists {
		return errServiceAlreadyExists(name)
	}
	now := s.timestamp()
	in.ServiceID = ptr(newID())
	in.CreatedTime = ptr(now)
	in.LastModifiedTime = ptr(now)
	rec := &serviceRecord{
		Service:   *in,
		Functions: map[string]*functionRecord{},
		Versions:  map[string]*versionRecord{},
		Aliases:   map[string]*aliasRecord{},
	}
	rec.ETag = s.st.nextETag(rec.Service)
	s.st.Services[name] = rec
	if e := s.commit(); e != nil {
		return e
	}
	return c.writeJSON(rec.Service, rec.ETag)
}

func (s *Server) getService(c *call) *apiError {
	s.mu.Lock()
	defer s.mu.Unlock()
	view, e := s.st.resolveQualifier(c.service, c.qualifier)
	if e != nil {
		return e
	}
	return c.writeJSON(view.service, view.serviceETag)
}

func (s *Server) updateService(c *call) *apiError {
	in, e := decodeService(c.body)
	if e != nil {
		return e
	}
	in.ServiceName = nil // the name is the path key and cannot change

	s.mu.Lock()
	defer s.mu.Unlock()
	svc, e := s.st.service(c.service)
	if e != nil {
		return e
	}
	if h, ok := c.ifMatch(svc.ETag); !ok {
		return errPreconditionFailed("service '"+c.service+"'", h)
	}
	merged := svc.Service
	mergePresent(&merged, in)
	dropCleared(&merged)
	if e := validateService(&merged); e != nil {
		return e
	}
	merged.LastModifiedTime = ptr(s.timestamp())
	svc.Service = merged
	svc.ETag = s.st.nextETag(svc.Service)
	if e := s.commit(); e != nil {
		return e
	}
	return c.writeJSON(svc.Service, svc.ETag)
}

func (s *Server) deleteService(c *call) *apiError {
	s.mu.Lock()
	defer s.mu.Unlock()
	svc, e := s.st.service(c.service)
	if e != nil {
		return e
	}
	if h, ok := c.ifMatch(svc.ETag); !ok {
		return errPreconditionFailed("service '"+c.service+"'", h)
	}
	if e := s.st.serviceDeletable(c.service, svc); e != nil {
		return e
	}
	delete(s.st.Services, c.service)
	if e := s.commit(); e != nil {
		return e
	}
	return c.writeEmpty()
}

// serviceDeletable is the check before DeleteService: a service that still
// holds functions, versions or aliases cannot be deleted (409
// ServiceNotEmpty naming what remains).
func (st *state) serviceDeletable(name string, svc *serviceRecord) *apiError {
	var holds []string
	for _, part := range []struct {
		n    int
		noun string
	}{
		{len(svc.Functions), "function(s)"},
		{len(svc.Versions), "version(s)"},
		{len(svc.Aliases), "alias(es)"},
	} {
		if part.n > 0 {
			holds = append(holds, strconv.Itoa(part.n)+" "+part.noun)
		}
	}
	switch len(holds) {
	case 0:
		return nil
	case 1:
		return errServiceNotEmpty(name, holds[0])
	default:
		return errServiceNotEmpty(name, strings.Join(holds[:len(holds)-1], ", ")+" and "+holds[len(holds)-1])
	}
}

// listServicesResponse is the answer of ListServices.
type listServicesResponse struct {
	Services  []fc.Service `json:"services"`
	NextToken string       `json:"nextToken,omitempty"`
}

func (s *Server) listServices(c *call) *apiError {
	p, e := parseListParams(c.r.URL.Query())
	if e != nil {
		return e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	names := make([]string, 0, len(s.st.Services))
	for n := range s.st.Services {
		names = append(names, n)
	}
	selected, next := page(names, p)
	out := listServicesResponse{Services: make([]fc.Service, 0, len(selected)), NextToken: next}
	for _, n := range selected {
		out.Services = append(out.Services, s.st.Services[n].Service)
	}
	return c.writeJSON(out, "")
}
