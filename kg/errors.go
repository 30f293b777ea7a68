package kg

import (
	"errors"
	"fmt"
)

// Error codes, mapped to GraphQL extensions.code at the API edge.
const (
	ENotFound     = "NOT_FOUND"
	EInvalid      = "BAD_USER_INPUT"
	EConflict     = "CONFLICT"
	EUnavailable  = "UNAVAILABLE"
	EUnauthorized = "UNAUTHENTICATED"
	EInternal     = "INTERNAL"
)

// Error is an error whose message is safe to show a client.
type Error struct {
	Code    string
	Message string
}

// Error returns the client-safe message.
func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the given code.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EInternal
// for any other error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	}
	return EInternal
}

// ErrorMessage returns the client-safe message of err: the *Error's message,
// or a generic text that hides internal details.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Message
	}
	return "internal error"
}
