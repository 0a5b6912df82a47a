package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/postgres/pgtest"
	"github.com/talksbot/talksbot/config"
)

// Throughput of replicas sharing PostgreSQL against one replica on SQLite:
//
//	go test -run '^$' -bench Replicas -benchtime 1x ./cmd/talksbot
//
// Each run sends benchAsks questions through /v1/ask, benchClients at a
// time, first to one replica with SQLite in its state folder, then spread
// round-robin over benchReplicas replicas on one fresh PostgreSQL schema
// (TALKSBOT_TEST_DATABASE_URL's server), and, for scale, to one replica on
// PostgreSQL alone; all in this process on this machine. Every ask comes from one of
// benchUsers users (X-Forwarded-For from a trusted proxy), so that each
// takes a token from its user's bucket in the store; the rate limit is
// high enough that none is refused. It reports asks a second for each, and
// the ratio of the replicas' to SQLite's.
const (
	benchAsks     = 2000
	benchClients  = 24
	benchReplicas = 3
	benchUsers    = 200
	benchToken    = "bench-api-token-0123456789"
)

// benchQuestions are asked in turn.
var benchQuestions = []string{
	"What has Congress pushed for?",
	"Who are the spoilers the author talks about?",
	"Where are the negotiations being held?",
	"What does Limbert compare diplomacy to?",
	"What are Iran's hardliners afraid of?",
	"Is Iran a superpower?",
	"What happened in Geneva?",
	"Who won the World Cup?",
}

func BenchmarkReplicas(b *testing.B) {
	for range b.N {
		b.StopTimer()
		single := []string{startReplica(b, map[string]string{})}
		b.StartTimer()
		sqliteRate := askAll(b, single)
		b.StopTimer()

		url := pgtest.NewSchema(b)
		var replicas []string
		for range benchReplicas {
			replicas = append(replicas, startReplica(b, map[string]string{"TALKSBOT_DATABASE_URL": url}))
		}
		b.StartTimer()
		pgRate := askAll(b, replicas)
		b.StopTimer()

		one := []string{startReplica(b, map[string]string{"TALKSBOT_DATABASE_URL": pgtest.NewSchema(b)})}
		b.StartTimer()
		pgOneRate := askAll(b, one)

		b.ReportMetric(sqliteRate, "sqlite-asks/s")
		b.ReportMetric(pgRate, "postgres-3-asks/s")
		b.ReportMetric(pgOneRate, "postgres-1-asks/s")
		b.ReportMetric(pgRate/sqliteRate, "ratio")
	}
}

// startReplica runs serve in this process with env on top of the
// benchmark's settings, and returns its base URL. It stops when b ends.
func startReplica(b *testing.B, env map[string]string) string {
	b.Helper()
	settings := map[string]string{
		"TALKSBOT_DATA":            b.TempDir(),
		"TALKSBOT_HTTP_ADDR":       "127.0.0.1:0",
		"TALKSBOT_API_TOKEN":       benchToken,
		"TALKSBOT_TRUSTED_PROXIES": "127.0.0.1/32",
		"TALKSBOT_RATE_LIMIT":      "1000000",
	}
	for k, v := range env {
		settings[k] = v
	}
	cfg, err := config.Load(config.Sources{Env: func(k string) (string, bool) { v, ok := settings[k]; return v, ok }})
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan net.Addr, 1)
	s, err := newService(ctx, cfg, slog.New(slog.DiscardHandler), serveHooks{ready: func(a net.Addr) { ready <- a }}, make(chan os.Signal, 1))
	if err != nil {
		cancel()
		b.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.run(ctx) }()
	b.Cleanup(func() {
		cancel()
		<-done
	})
	select {
	case addr := <-ready:
		return "http://" + addr.String()
	case err := <-done:
		b.Fatalf("serve stopped before listening: %v", err)
	}
	return ""
}

// askAll sends benchAsks questions spread over replicas, after a warm-up
// of each, and returns the asks answered a second. Any ask that does not
// come back 200 fails b.
func askAll(b *testing.B, replicas []string) float64 {
	b.Helper()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: benchClients}}
	defer client.CloseIdleConnections()
	for _, r := range replicas {
		for i := range 20 {
			if err := ask(client, r, i); err != nil {
				b.Fatal(err)
			}
		}
	}
	var (
		next   atomic.Int64
		wg     sync.WaitGroup
		mu     sync.Mutex
		failed error
	)
	start := time.Now()
	for range benchClients {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= benchAsks {
					return
				}
				if err := ask(client, replicas[i%len(replicas)], i); err != nil {
					mu.Lock()
					failed = err
					mu.Unlock()
					return
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	if failed != nil {
		b.Fatal(failed)
	}
	return benchAsks / elapsed.Seconds()
}

// ask asks the i-th question, as the i-th user, of the replica at base.
func ask(client *http.Client, base string, i int) error {
	body, _ := json.Marshal(map[string]string{"question": benchQuestions[i%len(benchQuestions)]})
	req, err := http.NewRequest(http.MethodPost, base+"/v1/ask", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+benchToken)
	req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.0.%d.%d", (i%benchUsers)/250, (i%benchUsers)%250+1))
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("ask %d of %s: %d %s", i, base, resp.StatusCode, raw)
	}
	return nil
}
