package pgtest_test

import (
	"bufio"
	"io"
	"net"
	"testing"

	"github.com/talksbot/talksbot/adapters/postgres/pgtest"
)

// echoServer answers each line it reads with the same line, until the
// test ends.
func echoServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				r := bufio.NewReader(c)
				for {
					line, err := r.ReadString('\n')
					if err != nil {
						return
					}
					if _, err := io.WriteString(c, line); err != nil {
						return
					}
				}
			}()
		}
	}()
	return ln.Addr().String()
}

// exchange sends line and reads the echo.
func exchange(c net.Conn, r *bufio.Reader, line string) (string, error) {
	if _, err := io.WriteString(c, line+"\n"); err != nil {
		return "", err
	}
	got, err := r.ReadString('\n')
	if len(got) > 0 {
		got = got[:len(got)-1]
	}
	return got, err
}

// TestProxy checks the proxy's round-trip count, Cut and Restore; its Hang
// is checked by the store's test of a server that never answers.
func TestProxy(t *testing.T) {
	p := pgtest.NewProxy(t, echoServer(t))
	c, err := net.Dial("tcp", p.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	r := bufio.NewReader(c)
	for _, line := range []string{"Bind one", "Bind two", "Query ping", "Bind three"} {
		if got, err := exchange(c, r, line); got != line || err != nil {
			t.Fatalf("exchange(%q) = %q, %v", line, got, err)
		}
	}
	if got, simple := p.RoundTrips(), p.SimpleQueries(); got != 4 || simple != 1 {
		t.Errorf("RoundTrips, SimpleQueries = %d, %d after 4 exchanges, one a Query; want 4, 1", got, simple)
	}

	p.Cut()
	if _, err := exchange(c, r, "after the cut"); err == nil {
		t.Error("an open connection still works after Cut")
	}
	c2, err := net.Dial("tcp", p.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	if _, err := exchange(c2, bufio.NewReader(c2), "new while cut"); err == nil {
		t.Error("a new connection works while cut")
	}

	p.Restore()
	c3, err := net.Dial("tcp", p.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer c3.Close()
	if got, err := exchange(c3, bufio.NewReader(c3), "restored"); got != "restored" || err != nil {
		t.Errorf("after Restore: %q, %v", got, err)
	}
}
