package emulator

import (
	"net/http"

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

	now := s.timestamp()
	in.ServiceID = ptr(newID())
	in.CreatedTime = ptr(now)
	in.LastModifiedTime = ptr(now)
	return create(s, c, kindService, []string{name}, &serviceRecord{Service: *in}, nil,
		func(rec *serviceRecord) *apiError { return c.writeJSON(rec.Service, rec.ETag) })
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
	return modify(s, c, kindService, []string{c.service}, false, func(svc *serviceRecord) *apiError {
		merged := svc.Service
		mergePresent(&merged, in)
		dropCleared(&merged)
		if e := validateService(&merged); e != nil {
			return e
		}
		merged.LastModifiedTime = ptr(s.timestamp())
		svc.Service = merged
		return nil
	}, func(svc *serviceRecord) *apiError { return c.writeJSON(svc.Service, svc.ETag) })
}

// deleteService deletes a service that holds no functions, versions or
// aliases (else 409 ServiceNotEmpty naming what remains).
func (s *Server) deleteService(c *call) *apiError {
	return remove[*serviceRecord](s, c, kindService, []string{c.service}, nil, http.StatusOK)
}

// listServicesResponse is the answer of ListServices.
type listServicesResponse struct {
	Services  []fc.Service `json:"services"`
	NextToken string       `json:"nextToken,omitempty"`
}

func (s *Server) listServices(c *call) *apiError {
	return list(s, c, kindService, nil, func(r *serviceRecord) fc.Service { return r.Service },
		func(items []fc.Service, next string) any {
			return listServicesResponse{Services: items, NextToken: next}
		})
}
