package emulator

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"hash/crc64"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

var crcTable = crc64.MakeTable(crc64.ECMA)

// codeChecksum is FC's code checksum: the decimal CRC-64 (ECMA) of the
// archive bytes.
func codeChecksum(data []byte) string {
	return strconv.FormatUint(crc64.Checksum(data, crcTable), 10)
}

// codePackage is a decoded and checked code upload.
type codePackage struct {
	data     []byte
	checksum string
}

// decodeCode turns the code object of a request into archive bytes.
// Exactly one source is allowed: zipFile (base64 of a zip archive) or
// ossBucketName together with ossObjectName. The emulator has no OSS: an
// OSS source yields a small deterministic zip archive derived from
// "bucket/object". headerChecksum, when not empty, must equal the computed
// checksum.
func decodeCode(code *fc.Code, headerChecksum string) (*codePackage, *apiError) {
	hasZip := code.ZipFile != ""
	hasOSS := code.OSSBucketName != "" || code.OSSObjectName != ""
	switch {
	case hasZip && hasOSS:
		return nil, errInvalidArgument("code: set either zipFile or ossBucketName and ossObjectName, not both")
	case !hasZip && !hasOSS:
		return nil, errInvalidArgument("code: one of zipFile or ossBucketName and ossObjectName is required")
	}
	var data []byte
	if hasZip {
		b, err := base64.StdEncoding.DecodeString(code.ZipFile)
		if err != nil {
			return nil, errInvalidArgument("code.zipFile is not valid base64: %v", err)
		}
		if _, err := zip.NewReader(bytes.NewReader(b), int64(len(b))); err != nil {
			return nil, errInvalidArgument("code.zipFile is not a valid zip archive: %v", err)
		}
		data = b
	} else {
		if code.OSSBucketName == "" || code.OSSObjectName == "" {
			return nil, errInvalidArgument("code: ossBucketName and ossObjectName must be set together")
		}
		data = ossArchive(code.OSSBucketName, code.OSSObjectName)
	}
	sum := codeChecksum(data)
	if h := strings.TrimSpace(headerChecksum); h != "" && h != sum {
		return nil, errInvalidArgument("X-Fc-Code-Checksum '%s' does not match the code package checksum '%s'", h, sum)
	}
	return &codePackage{data: data, checksum: sum}, nil
}

// ossArchive synthesizes the code package of an OSS object: a zip archive
// holding one file, "oss-object.txt", whose content is "oss://bucket/object".
// The output depends only on bucket and object.
func ossArchive(bucket, object string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{
		Name:     "oss-object.txt",
		Method:   zip.Store,
		Modified: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
	})
	if err == nil {
		_, _ = w.Write([]byte("oss://" + bucket + "/" + object))
	}
	_ = zw.Close()
	return buf.Bytes()
}

// setCode stores pkg as the function's code package.
func (st *state) setCode(fn *functionRecord, pkg *codePackage) {
	fn.CodeRef = st.putBlob(pkg.data)
	fn.Function.CodeChecksum = ptr(pkg.checksum)
	fn.Function.CodeSize = ptr(int64(len(pkg.data)))
}

// getFunctionCode answers GetFunctionCode with a download URL on this
// emulator. A function without a code package (custom-container) answers
// an empty url and checksum.
func (s *Server) getFunctionCode(c *call) *apiError {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn, e := s.st.qualifiedFunction(c.service, c.qualifier, c.params["function"])
	if e != nil {
		return e
	}
	out := fc.FunctionCode{}
	if fn.CodeRef != "" {
		out.URL = c.baseURL() + adminPrefix + "/code/" + fn.CodeRef
		out.Checksum = deref(fn.Function.CodeChecksum)
	}
	return c.writeJSON(out, "")
}

// serveCode serves a stored code archive (admin API, no signature).
func (s *Server) serveCode(c *call, ref string) {
	s.mu.Lock()
	data, ok := s.st.Blobs[ref]
	s.mu.Unlock()
	if c.r.Method != http.MethodGet {
		writeError(c.w, errPathNotSupported(c.r.Method, c.r.URL.Path))
		return
	}
	if !ok {
		writeError(c.w, newError(http.StatusNotFound, codeCodeNotFound, "code package '%s' does not exist", ref))
		return
	}
	c.w.Header().Set("Content-Type", "application/zip")
	c.w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	c.w.WriteHeader(http.StatusOK)
	_, _ = c.w.Write(data)
}

func ptr[T any](v T) *T { return &v }

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
