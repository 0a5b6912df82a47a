package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"strings"
)

// readQuestion reads and checks the body of POST /v1/ask: one JSON object
// whose only key is "question", a non-blank string. On failure it returns
// the status and message to answer with; status is 0 on success.
func readQuestion(w http.ResponseWriter, r *http.Request, maxBytes int64) (question string, status int, msg string) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		return "", http.StatusUnsupportedMediaType, "Content-Type must be application/json"
	}
	tooLarge := fmt.Sprintf("request body is larger than %d bytes", maxBytes)
	if r.ContentLength > maxBytes {
		return "", http.StatusRequestEntityTooLarge, tooLarge
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBytes))
	var (
		fields  map[string]json.RawMessage
		maxErr  *http.MaxBytesError
		typeErr *json.UnmarshalTypeError
		syntax  *json.SyntaxError
	)
	err = dec.Decode(&fields)
	if err == nil {
		// One object and nothing after it.
		if _, terr := dec.Token(); terr != io.EOF {
			err = errTrailing
			if errors.As(terr, &maxErr) {
				err = terr
			}
		}
	}
	notObject := `request body must be a JSON object such as {"question": "..."}`
	switch {
	case err == nil:
	case errors.Is(err, errTrailing):
		return "", http.StatusBadRequest, "unexpected data after the JSON object"
	case errors.As(err, &maxErr):
		return "", http.StatusRequestEntityTooLarge, tooLarge
	case errors.As(err, &typeErr):
		// An array, string, number or boolean where the object belongs.
		return "", http.StatusBadRequest, notObject
	case errors.As(err, &syntax), errors.Is(err, io.ErrUnexpectedEOF):
		return "", http.StatusBadRequest, "malformed JSON in request body"
	case errors.Is(err, io.EOF):
		return "", http.StatusBadRequest, `empty request body: send {"question": "..."}`
	default:
		return "", http.StatusBadRequest, "unreadable request body"
	}
	if fields == nil { // the body was null
		return "", http.StatusBadRequest, notObject
	}
	var unknown []string
	for k := range fields {
		if k != "question" {
			unknown = append(unknown, fmt.Sprintf("%q", k))
		}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		return "", http.StatusBadRequest, "unknown field " + strings.Join(unknown, ", ") + `: only "question" is accepted`
	}
	raw, ok := fields["question"]
	if !ok || string(raw) == "null" {
		return "", http.StatusBadRequest, `"question" is required`
	}
	if err := json.Unmarshal(raw, &question); err != nil {
		return "", http.StatusBadRequest, `"question" must be a string`
	}
	if strings.TrimSpace(question) == "" {
		return "", http.StatusBadRequest, `"question" is empty`
	}
	return question, 0, ""
}

// errTrailing marks a body with more after its JSON object.
var errTrailing = errors.New("trailing data")
