package httpapi_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/adapters/httpapi"
	"github.com/talksbot/talksbot/bot"
)

// localRequest is a request from a client on this machine, as the routes
// that need no token without TALKSBOT_API_TOKEN require.
func localRequest(method, target string, body io.Reader) *http.Request {
	req := httptest.NewRequest(method, target, body)
	req.RemoteAddr = "127.0.0.1:1234"
	return req
}

// recordUsers returns a Server whose core remembers the user of each
// question, and the list it fills.
func recordUsers(opts httpapi.Options) (*httpapi.Server, *[]string) {
	var users []string
	opts.Core = coreFunc(func(_ context.Context, req bot.Request) bot.Reply {
		users = append(users, req.User)
		return bot.Reply{Kind: bot.KindDeclined, Text: "The article doesn't cover that.", Mode: bot.ModeExtractive}
	})
	opts.Metrics = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "ok\n") })
	return httpapi.New(opts), &users
}

func TestAccessWithoutToken(t *testing.T) {
	api, _ := recordUsers(httpapi.Options{TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}})
	tests := []struct {
		name, peer, path string
		forwarded        string
		want             int
	}{
		{"loopback asks", "127.0.0.1:5000", "/v1/ask", "", 200},
		{"loopback IPv6 reads metrics", "[::1]:5000", "/metrics", "", 200},
		{"another host asks", "203.0.113.9:5000", "/v1/ask", "", 403},
		{"another host reads metrics", "203.0.113.9:5000", "/metrics", "", 403},
		{"a local proxy forwards a remote client", "127.0.0.1:5000", "/v1/ask", "203.0.113.9", 403},
		{"a trusted proxy forwards a local client", "10.1.2.3:5000", "/v1/ask", "127.0.0.1", 200},
		{"a trusted proxy forwards a remote client", "10.1.2.3:5000", "/v1/ask", "203.0.113.9", 403},
		{"probes stay open", "203.0.113.9:5000", "/healthz", "", 200},
		{"readiness stays open", "203.0.113.9:5000", "/readyz", "", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method, body := http.MethodGet, io.Reader(nil)
			if tt.path == "/v1/ask" {
				method, body = http.MethodPost, strings.NewReader(`{"question":"q"}`)
			}
			req := httptest.NewRequest(method, tt.path, body)
			req.Header.Set("Content-Type", "application/json")
			req.RemoteAddr = tt.peer
			if tt.forwarded != "" {
				req.Header.Set("X-Forwarded-For", tt.forwarded)
			}
			rec := httptest.NewRecorder()
			api.Handler().ServeHTTP(rec, req)
			if rec.Code != tt.want {
				t.Fatalf("got %d %s, want %d", rec.Code, rec.Body, tt.want)
			}
			if tt.want == 403 && !strings.Contains(rec.Body.String(), "TALKSBOT_API_TOKEN") {
				t.Errorf("got %s, want the setting named", rec.Body)
			}
		})
	}
}

func TestAccessWithToken(t *testing.T) {
	api, _ := recordUsers(httpapi.Options{APIToken: "s3cret-token-for-tests"})
	tests := []struct {
		name, peer, auth string
		want             int
	}{
		{"right token from anywhere", "203.0.113.9:5000", "Bearer s3cret-token-for-tests", 200},
		{"scheme in any case", "203.0.113.9:5000", "bearer s3cret-token-for-tests", 200},
		{"no token, even from loopback", "127.0.0.1:5000", "", 401},
		{"wrong token", "203.0.113.9:5000", "Bearer s3cret-token-for-test", 401},
		{"basic auth", "203.0.113.9:5000", "Basic czNjcmV0", 401},
	}
	for _, path := range []string{"/v1/ask", "/metrics"} {
		for _, tt := range tests {
			t.Run(path+" "+tt.name, func(t *testing.T) {
				method, body := http.MethodGet, io.Reader(nil)
				if path == "/v1/ask" {
					method, body = http.MethodPost, strings.NewReader(`{"question":"q"}`)
				}
				req := httptest.NewRequest(method, path, body)
				req.Header.Set("Content-Type", "application/json")
				req.RemoteAddr = tt.peer
				if tt.auth != "" {
					req.Header.Set("Authorization", tt.auth)
				}
				rec := httptest.NewRecorder()
				api.Handler().ServeHTTP(rec, req)
				if rec.Code != tt.want {
					t.Fatalf("got %d %s, want %d", rec.Code, rec.Body, tt.want)
				}
				if tt.want == 401 {
					if rec.Header().Get("WWW-Authenticate") == "" || !strings.Contains(rec.Header().Get("Content-Type"), "json") {
						t.Errorf("got headers %v, want WWW-Authenticate and a JSON error", rec.Header())
					}
				}
			})
		}
	}
}

// TestRateLimitUser checks whom the bot's per-user limit counts: the
// client behind a trusted proxy, and an IPv6 client by its /64.
func TestRateLimitUser(t *testing.T) {
	api, users := recordUsers(httpapi.Options{APIToken: "tok-tok-tok-tok", TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}})
	ask := func(peer, forwarded string) {
		req := httptest.NewRequest(http.MethodPost, "/v1/ask", strings.NewReader(`{"question":"q"}`))
		req.Header.Set("Content-Type", "application/json")
		req.RemoteAddr = peer
		req.Header.Set("Authorization", "Bearer tok-tok-tok-tok")
		if forwarded != "" {
			req.Header.Set("X-Forwarded-For", forwarded)
		}
		api.Handler().ServeHTTP(httptest.NewRecorder(), req)
	}
	ask("10.0.0.5:1", "198.51.100.7, 10.0.0.9") // two trusted hops
	ask("203.0.113.9:1", "198.51.100.7")        // untrusted: the peer
	ask("[2001:db8:1:2:aaaa::1]:1", "")         // an IPv6 client
	ask("[2001:db8:1:2:bbbb::2]:1", "")         // the same /64
	ask("10.0.0.5:1", "2001:db8:9:9::1")        // forwarded IPv6
	want := []string{"198.51.100.7", "203.0.113.9", "2001:db8:1:2::/64", "2001:db8:1:2::/64", "2001:db8:9:9::/64"}
	if strings.Join(*users, " ") != strings.Join(want, " ") {
		t.Errorf("got users %q, want %q", *users, want)
	}
}
