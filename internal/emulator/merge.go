package emulator

import "reflect"

// mergePresent copies every field of src that is present into dst. Both
// must be pointers to the same struct type whose fields follow the
// presence scheme of internal/fc/models.go: pointers, maps and slices,
// where nil means absent. A present nested object replaces the stored
// object whole; absent fields keep the stored value.
func mergePresent(dst, src any) {
	dv := reflect.ValueOf(dst).Elem()
	sv := reflect.ValueOf(src).Elem()
	for i := 0; i < sv.NumField(); i++ {
		f := sv.Field(i)
		switch f.Kind() {
		case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Interface:
			if !f.IsNil() {
				dv.Field(i).Set(f)
			}
		default:
			dv.Field(i).Set(f)
		}
	}
}

// dropCleared normalizes a stored object after a create or a merge: an
// empty map or slice ({} or []) and a nested object whose fields are all
// empty mean "cleared" and become absent.
func dropCleared(obj any) {
	v := reflect.ValueOf(obj).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.Map, reflect.Slice:
			if !f.IsNil() && f.Len() == 0 {
				f.Set(reflect.Zero(f.Type()))
			}
		case reflect.Pointer:
			if !f.IsNil() && f.Elem().Kind() == reflect.Struct && isBlank(f) {
				f.Set(reflect.Zero(f.Type()))
			}
		}
	}
}

// isBlank reports whether v holds no information: nil pointers, maps,
// slices and interfaces, empty maps and slices, zero scalars, and structs
// (or pointers to structs) made only of blank fields. A pointer to a
// scalar is never blank: it is an explicit value.
func isBlank(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return true
		}
		if v.Elem().Kind() == reflect.Struct {
			return isBlank(v.Elem())
		}
		return false
	case reflect.Interface:
		return v.IsNil()
	case reflect.Map, reflect.Slice:
		return v.Len() == 0
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if !isBlank(v.Field(i)) {
				return false
			}
		}
		return true
	default:
		return v.IsZero()
	}
}
