package pgtest

import (
	"io"
	"net"
	"net/url"
	"sync"
	"testing"
)

// Proxy forwards TCP connections from a listener on 127.0.0.1 to a
// PostgreSQL server, until a test cuts it: then every connection through it
// is closed and each new one closed as soon as it is accepted, as a server
// that went away closes them, until Restore. Hang makes it a server that
// accepts connections and never answers. Neither touches any other
// connection to the server.
//
// It also counts round trips: the times a client sent bytes after the
// server last sent any (or first) on a connection. For a protocol of
// requests and responses such as PostgreSQL's, that is how many times the
// client waited for the server. Those that begin with a simple-protocol
// Query message, which is how pgx pings a connection (statements with
// parameters use the extended protocol), are counted apart too.
type Proxy struct {
	ln     net.Listener
	target string

	mu     sync.Mutex
	cut    bool
	hang   bool
	conns  map[net.Conn]struct{}
	trips  int64
	simple int64
	closed bool
	wg     sync.WaitGroup
}

// NewProxy starts a proxy to the server at target (host:port), closed when
// t ends.
func NewProxy(t testing.TB, target string) *Proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("proxy: %v", err)
	}
	p := &Proxy{ln: ln, target: target, conns: make(map[net.Conn]struct{})}
	p.wg.Add(1)
	go p.accept()
	t.Cleanup(p.Close)
	return p
}

// Through returns dbURL with its host and port replaced by the proxy's:
// a store opened on it reaches the server through the proxy. It starts a
// proxy to dbURL's server, closed when t ends.
func Through(t testing.TB, dbURL string) (*Proxy, string) {
	t.Helper()
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatalf("proxy: %v", err)
	}
	host := u.Host
	if u.Port() == "" {
		host = net.JoinHostPort(u.Hostname(), "5432")
	}
	p := NewProxy(t, host)
	u.Host = p.Addr()
	return p, u.String()
}

// Addr is the proxy's address, 127.0.0.1:port.
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

// Cut closes every connection through the proxy, and the proxy closes each
// new one at once until Restore.
func (p *Proxy) Cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.cut = true
	for c := range p.conns {
		c.Close()
	}
}

// Hang closes every connection through the proxy, and the proxy holds
// each new one open without forwarding a byte, until Restore.
func (p *Proxy) Hang() {
	p.Cut()
	p.mu.Lock()
	defer p.mu.Unlock()
	p.cut, p.hang = false, true
}

// Restore lets connections through again.
func (p *Proxy) Restore() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.cut, p.hang = false, false
}

// RoundTrips returns how many round trips clients made through the proxy
// so far.
func (p *Proxy) RoundTrips() int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.trips
}

// SimpleQueries returns how many of the round trips began with a
// simple-protocol Query message: pings, and statements without
// parameters.
func (p *Proxy) SimpleQueries() int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.simple
}

// Close stops the proxy and closes every connection through it.
func (p *Proxy) Close() {
	p.mu.Lock()
	p.closed = true
	p.ln.Close()
	for c := range p.conns {
		c.Close()
	}
	p.mu.Unlock()
	p.wg.Wait()
}

func (p *Proxy) accept() {
	defer p.wg.Done()
	for {
		client, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.wg.Add(1)
		go p.serve(client)
	}
}

// serve forwards one client connection until either side closes it or the
// proxy is cut.
func (p *Proxy) serve(client net.Conn) {
	defer p.wg.Done()
	defer client.Close()
	hang, ok := p.track(client)
	if !ok {
		return
	}
	defer p.untrack(client)
	if hang {
		// Read and drop what the client sends until it gives up, or the
		// proxy is cut or closed.
		_, _ = io.Copy(io.Discard, client)
		return
	}
	server, err := net.Dial("tcp", p.target)
	if err != nil {
		return
	}
	defer server.Close()
	if _, ok := p.track(server); !ok {
		return
	}
	defer p.untrack(server)

	var (
		dirMu      sync.Mutex
		serverLast = true // the server spoke last: the client's next bytes start a round trip
	)
	done := make(chan struct{}, 2)
	go func() {
		p.copy(server, client, func(chunk []byte) {
			dirMu.Lock()
			if serverLast {
				p.mu.Lock()
				p.trips++
				if chunk[0] == 'Q' {
					p.simple++
				}
				p.mu.Unlock()
			}
			serverLast = false
			dirMu.Unlock()
		})
		done <- struct{}{}
	}()
	go func() {
		p.copy(client, server, func([]byte) {
			dirMu.Lock()
			serverLast = true
			dirMu.Unlock()
		})
		done <- struct{}{}
	}()
	<-done
	// One side is done: end the other as a broken connection ends.
	client.Close()
	server.Close()
	<-done
}

// copy copies from src to dst, calling seen with each chunk before
// forwarding it.
func (p *Proxy) copy(dst, src net.Conn, seen func(chunk []byte)) {
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			seen(buf[:n])
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil { // EOF, or the connection was closed
			return
		}
	}
}

// track registers c, or reports false when the proxy is cut or closed;
// hang reports whether the proxy hangs.
func (p *Proxy) track(c net.Conn) (hang, ok bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cut || p.closed {
		return false, false
	}
	p.conns[c] = struct{}{}
	return p.hang, true
}

func (p *Proxy) untrack(c net.Conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.conns, c)
}
