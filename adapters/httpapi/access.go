package httpapi

import (
	"crypto/subtle"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// Who may use /v1/ask and /metrics. With Options.APIToken set, any client
// presenting it as a bearer token; without it, clients on this machine
// only. The probes (/healthz, /readyz) stay open, and the platform routes
// are authenticated by the platforms' own signatures.

// guard wraps a route that needs the API token, or a loopback client when
// no token is set.
func (s *Server) guard(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.opts.APIToken == "" {
			if !s.local(r) {
				writeError(w, http.StatusForbidden,
					"this route answers clients on this machine only; set TALKSBOT_API_TOKEN to serve it to others")
				return
			}
			h(w, r)
			return
		}
		got, ok := bearer(r)
		if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(s.opts.APIToken)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="talksbot"`)
			writeError(w, http.StatusUnauthorized, "missing or wrong API token: send Authorization: Bearer <TALKSBOT_API_TOKEN>")
			return
		}
		h(w, r)
	}
}

// bearer returns the token of an "Authorization: Bearer …" header.
func bearer(r *http.Request) (string, bool) {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	token = strings.TrimSpace(token)
	return token, token != ""
}

// local reports whether the client is on this machine: its address, as
// client resolves it, is a loopback one.
func (s *Server) local(r *http.Request) bool {
	ip, ok := s.client(r)
	return ok && ip.IsLoopback()
}

// client returns the client's address: the peer's, or, when the peer is a
// trusted proxy, the nearest address in X-Forwarded-For that is not one.
// A request forwarded by an untrusted peer has no client it can vouch for
// (ok is false), though its peer still names it for rate limits.
func (s *Server) client(r *http.Request) (ip netip.Addr, ok bool) {
	peer, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return netip.Addr{}, false
	}
	ip = peer.Addr().Unmap()
	forwarded := r.Header.Values("X-Forwarded-For")
	if len(forwarded) == 0 {
		return ip, true
	}
	if !s.trusted(ip) {
		// A proxy we do not know says who the client is: the peer is not
		// the client, and the header cannot be believed.
		return ip, false
	}
	hops := strings.Split(strings.Join(forwarded, ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		hop, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			return ip, false
		}
		ip = hop.Unmap()
		if !s.trusted(ip) {
			return ip, true
		}
	}
	return ip, true
}

// trusted reports whether ip is one of the trusted proxies.
func (s *Server) trusted(ip netip.Addr) bool {
	for _, p := range s.opts.TrustedProxies {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// user names the client for per-user rate limits: its address, or for
// IPv6 its /64, which one host can rotate addresses within.
func (s *Server) user(r *http.Request) string {
	ip, _ := s.client(r)
	if !ip.IsValid() {
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			return r.RemoteAddr
		}
		return host
	}
	if ip.Is6() {
		p, _ := ip.Prefix(64)
		return p.String()
	}
	return ip.String()
}
