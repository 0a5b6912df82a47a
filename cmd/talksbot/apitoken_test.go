package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestServeRequiresTheAPIToken runs serve with TALKSBOT_API_TOKEN: /v1/ask
// and /metrics want the bearer token, even from this machine, and the
// probes stay open.
func TestServeRequiresTheAPIToken(t *testing.T) {
	const token = "a-token-for-the-serve-test"
	s := startServe(t, map[string]string{"TALKSBOT_API_TOKEN": token})
	do := func(method, path, auth string) int {
		t.Helper()
		var body io.Reader
		if method == http.MethodPost {
			body = strings.NewReader(`{"question":"What has Congress pushed for?"}`)
		}
		req, err := http.NewRequest(method, s.url+path, body)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	tests := []struct {
		method, path, auth string
		want               int
	}{
		{http.MethodPost, "/v1/ask", "", http.StatusUnauthorized},
		{http.MethodPost, "/v1/ask", "Bearer wrong-token-wrong-token", http.StatusUnauthorized},
		{http.MethodPost, "/v1/ask", "Bearer " + token, http.StatusOK},
		{http.MethodGet, "/metrics", "", http.StatusUnauthorized},
		{http.MethodGet, "/metrics", "Bearer " + token, http.StatusOK},
		{http.MethodGet, "/healthz", "", http.StatusOK},
		{http.MethodGet, "/readyz", "", http.StatusOK},
	}
	for _, tt := range tests {
		if got := do(tt.method, tt.path, tt.auth); got != tt.want {
			t.Errorf("%s %s with %q: got %d, want %d", tt.method, tt.path, tt.auth, got, tt.want)
		}
	}
}
