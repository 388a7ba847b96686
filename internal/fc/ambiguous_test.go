package fc

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"testing"
)

func TestIsAmbiguous(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"500", &APIError{StatusCode: http.StatusInternalServerError, Code: "InternalServerError"}, true},
		{"503 wrapped", fmt.Errorf("creating: %w", &APIError{StatusCode: http.StatusServiceUnavailable}), true},
		{"409", &APIError{StatusCode: http.StatusConflict, Code: "ServiceAlreadyExists"}, false},
		{"400", &APIError{StatusCode: http.StatusBadRequest, Code: "InvalidArgument"}, false},
		{"429", &APIError{StatusCode: http.StatusTooManyRequests, Code: "ResourceExhausted"}, false},
		{"EOF after sending", fmt.Errorf("POST /services: %w", io.ErrUnexpectedEOF), true},
		{"deadline", fmt.Errorf("waiting: %w", context.DeadlineExceeded), true},
		{"canceled", fmt.Errorf("waiting: %w", context.Canceled), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := IsAmbiguous(tc.err); got != tc.want {
				t.Errorf("IsAmbiguous(%v) = %v, want %v", tc.err, got, tc.want)
			}
		})
	}
}
