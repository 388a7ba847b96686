package emulator

import (
	"net/http"
	"strconv"
	"strings"
)

// What every type of stored object shares lives here, once: looking an
// object up with its not-found error, the AlreadyExists, PreconditionFailed
// and NotEmpty answers, and the write sequences (lock, If-Match, change, new
// ETag, commit). A type of object is a record in store.go plus its kind in
// the kinds table there.

// record is a stored object.
type record interface {
	// etag points at the record's ETag; nil when the object has none
	// (versions, the state itself), which skips If-Match.
	etag() *string
	// value is the API object the ETag is computed from.
	value() any
}

// codeHolder is a record that refers to code archives in state.Blobs; the
// archives it names are kept by gcBlobs.
type codeHolder interface {
	codeRefs(use func(ref string))
}

// kind describes one type of stored object.
type kind struct {
	// code prefixes the error codes: <code>NotFound, <code>AlreadyExists,
	// <code>NotEmpty.
	code string
	// noun names one object in messages ("function"); plural counts them
	// in NotEmpty messages ("function(s)").
	noun, plural string
	// parent is the kind holding these objects; nil for objects held by
	// the state (services).
	parent *kind
	// table reaches the objects inside one parent record.
	table table
	// canonical, when set, rewrites a name before lookup ("01" is version
	// "1"); messages keep the name as requested.
	canonical func(string) string
	// cascade is true for objects deleted with their parent (a function's
	// provision and async-invoke configs): they never make it NotEmpty.
	cascade bool
}

// table is the map of one kind of child inside a parent record.
type table interface {
	get(parent record, name string) (record, bool)
	put(parent record, name string, r record)
	remove(parent record, name string)
	each(parent record, f func(name string, r record))
	size(parent record) int
}

// mapTable is the table of children held in a map field of the parent; the
// function returns a pointer to that field. A nil map is an empty table
// and is made on the first put, so a decoded record needs no set-up.
type mapTable[P, R record] func(P) *map[string]R

func (t mapTable[P, R]) get(parent record, name string) (record, bool) {
	r, ok := (*t(parent.(P)))[name]
	return r, ok
}

func (t mapTable[P, R]) put(parent record, name string, r record) {
	m := t(parent.(P))
	if *m == nil {
		*m = map[string]R{}
	}
	(*m)[name] = r.(R)
}

func (t mapTable[P, R]) remove(parent record, name string) { delete(*t(parent.(P)), name) }

func (t mapTable[P, R]) each(parent record, f func(string, record)) {
	for n, r := range *t(parent.(P)) {
		f(n, r)
	}
}

func (t mapTable[P, R]) size(parent record) int { return len(*t(parent.(P))) }

// chain returns k and its ancestors, outermost (service) first.
func (k *kind) chain() []*kind {
	var out []*kind
	for x := k; x != nil; x = x.parent {
		out = append([]*kind{x}, out...)
	}
	return out
}

// describe names an object in messages: names run from the service down,
// e.g. describe(kindTrigger, "s", "f", "t") is
// "trigger 't' of function 'f' of service 's'".
func describe(k *kind, names ...string) string {
	chain := k.chain()
	parts := make([]string, 0, len(chain))
	for i := len(chain) - 1; i >= 0; i-- {
		name := ""
		if i < len(names) {
			name = names[i]
		}
		parts = append(parts, chain[i].noun+" '"+name+"'")
	}
	return strings.Join(parts, " of ")
}

// errNotFound is 404 <Kind>NotFound, e.g. FunctionNotFound "function 'f'
// of service 's' does not exist".
func errNotFound(k *kind, names ...string) *apiError {
	return newError(http.StatusNotFound, k.code+"NotFound", "%s does not exist", describe(k, names...))
}

// errAlreadyExists is 409 <Kind>AlreadyExists, e.g. "service 's' already
// exists".
func errAlreadyExists(k *kind, names ...string) *apiError {
	return newError(http.StatusConflict, k.code+"AlreadyExists", "%s already exists", describe(k, names...))
}

// find looks up the object of kind k named by names (service first). The
// first missing object on the way answers 404 <Kind>NotFound.
func (st *state) find(k *kind, names ...string) (record, *apiError) {
	chain := k.chain()
	if len(names) != len(chain) {
		return nil, errInternal()
	}
	var cur record = st
	for i, kk := range chain {
		name := names[i]
		if kk.canonical != nil {
			name = kk.canonical(name)
		}
		next, ok := kk.table.get(cur, name)
		if !ok {
			return nil, errNotFound(kk, names[:i+1]...)
		}
		cur = next
	}
	return cur, nil
}

// lookup is find with the record's type.
func lookup[R record](st *state, k *kind, names ...string) (R, *apiError) {
	var zero R
	r, e := st.find(k, names...)
	if e != nil {
		return zero, e
	}
	return r.(R), nil
}

// parentOf returns the record holding the object named by names.
func (st *state) parentOf(k *kind, names []string) (record, *apiError) {
	if k.parent == nil {
		return st, nil
	}
	return st.find(k.parent, names[:len(names)-1]...)
}

// checkIfMatch answers 412 PreconditionFailed when the request's If-Match
// does not match the record's ETag.
func (c *call) checkIfMatch(r record, k *kind, names []string) *apiError {
	tag := r.etag()
	if tag == nil {
		return nil
	}
	if h, ok := c.ifMatch(*tag); !ok {
		return errPreconditionFailed(describe(k, names...), h)
	}
	return nil
}

// notEmpty answers 409 <Kind>NotEmpty when the record still holds children
// of any kind, naming how many of each, e.g. "service 's' still has 1
// function(s) and 2 version(s); delete them before the service".
func notEmpty(r record, k *kind, names []string) *apiError {
	var holds []string
	for _, child := range kinds {
		if child.parent != k || child.cascade {
			continue
		}
		if n := child.table.size(r); n > 0 {
			holds = append(holds, strconv.Itoa(n)+" "+child.plural)
		}
	}
	if len(holds) == 0 {
		return nil
	}
	list := holds[len(holds)-1]
	if len(holds) > 1 {
		list = strings.Join(holds[:len(holds)-1], ", ") + " and " + list
	}
	return newError(http.StatusConflict, k.code+"NotEmpty",
		"%s still has %s; delete them before the %s", describe(k, names...), list, k.noun)
}

// create is the write sequence of a new object, under s.mu: the parent
// must exist (404), the name must be free (409 <Kind>AlreadyExists),
// prepare (optional) completes the record and may refuse it (nothing is
// stored then), the record gets its ETag, is stored and committed, and
// answer writes the response.
func create[R record](s *Server, c *call, k *kind, names []string, rec R,
	prepare func(parent record) *apiError, answer func(R) *apiError) *apiError {
	s.mu.Lock()
	defer s.mu.Unlock()
	parent, e := s.st.parentOf(k, names)
	if e != nil {
		return e
	}
	name := names[len(names)-1]
	if _, exists := k.table.get(parent, name); exists {
		return errAlreadyExists(k, names...)
	}
	if prepare != nil {
		if e := prepare(parent); e != nil {
			return e
		}
	}
	if tag := rec.etag(); tag != nil {
		*tag = s.st.nextETag(rec.value())
	}
	k.table.put(parent, name, rec)
	if e := s.commit(); e != nil {
		return e
	}
	return answer(rec)
}

// modify is the write sequence of an existing object, under s.mu: look it
// up (404), check If-Match against its ETag (412), apply change (which
// validates first and changes nothing when it refuses), give the object a
// new ETag unless keepETag, commit and answer.
func modify[R record](s *Server, c *call, k *kind, names []string, keepETag bool,
	change func(R) *apiError, answer func(R) *apiError) *apiError {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, e := lookup[R](s.st, k, names...)
	if e != nil {
		return e
	}
	if e := c.checkIfMatch(rec, k, names); e != nil {
		return e
	}
	if e := change(rec); e != nil {
		return e
	}
	if tag := rec.etag(); tag != nil && !keepETag {
		*tag = s.st.nextETag(rec.value())
	}
	if e := s.commit(); e != nil {
		return e
	}
	return answer(rec)
}

// remove is the delete sequence, under s.mu: look the object up (404),
// check If-Match (412), refuse while it holds children (409
// <Kind>NotEmpty), run check (optional, e.g. VersionInUse), delete it,
// commit and answer with status (200 empty or 204).
func remove[R record](s *Server, c *call, k *kind, names []string, check func(R) *apiError, status int) *apiError {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, e := lookup[R](s.st, k, names...)
	if e != nil {
		return e
	}
	if e := c.checkIfMatch(rec, k, names); e != nil {
		return e
	}
	if e := notEmpty(rec, k, names); e != nil {
		return e
	}
	if check != nil {
		if e := check(rec); e != nil {
			return e
		}
	}
	parent, e := s.st.parentOf(k, names)
	if e != nil {
		return e
	}
	name := names[len(names)-1]
	if k.canonical != nil {
		name = k.canonical(name)
	}
	k.table.remove(parent, name)
	if e := s.commit(); e != nil {
		return e
	}
	c.w.WriteHeader(status)
	return nil
}

// list answers a list operation of the children of kind k in the object
// named by parentNames: one page by name (page), each item rendered by
// view.
func list[R record, V any](s *Server, c *call, k *kind, parentNames []string, view func(R) V,
	build func(items []V, next string) any) *apiError {
	p, e := parseListParams(c.r.URL.Query())
	if e != nil {
		return e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var parent record = s.st
	if k.parent != nil {
		if parent, e = s.st.find(k.parent, parentNames...); e != nil {
			return e
		}
	}
	names := make([]string, 0, k.table.size(parent))
	k.table.each(parent, func(n string, _ record) { names = append(names, n) })
	selected, next := page(names, p)
	items := make([]V, 0, len(selected))
	for _, n := range selected {
		r, _ := k.table.get(parent, n)
		items = append(items, view(r.(R)))
	}
	return c.writeJSON(build(items, next), "")
}
