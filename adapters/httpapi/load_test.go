package httpapi_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/httpapi"
	"github.com/talksbot/talksbot/adapters/sqlite"
	"github.com/talksbot/talksbot/bot"
)

// loadQuestions mix covered questions, declines and a follow-up-looking one.
var loadQuestions = []string{
	`{"question":"What has Congress pushed for?"}`,
	`{"question":"What are the spoilers?"}`,
	`{"question":"Who won the World Cup?"}`,
	`{"question":"How many centrifuges will Iran keep?"}`,
	`{"question":"What does Khamenei want?"}`,
	`{"question":"and the Iranian side?"}`,
}

// loadClient is an HTTP client able to keep a connection per concurrent
// client open, so a load run measures the API rather than TCP handshakes.
func loadClient(conns int) *http.Client {
	return &http.Client{
		Timeout:   time.Minute,
		Transport: &http.Transport{MaxIdleConns: conns, MaxIdleConnsPerHost: conns},
	}
}

// askOnce posts one question and reads the whole answer; it reports any
// failure as an error.
func askOnce(client *http.Client, url, body string) error {
	resp, err := client.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), `"answered"`) {
		return fmt.Errorf("status %d: %s", resp.StatusCode, b)
	}
	return nil
}

// percentile returns the p-th percentile (0 < p <= 1) of sorted durations.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted))*p+0.5) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

// TestLoadAsk puts 10,000 questions to /v1/ask from 200 concurrent clients
// on 127.0.0.1 and expects every one answered, with the in-memory store and
// with the real SQLite store in a temporary folder (whose question log must
// hold every question). It asserts no speed; the latencies it logs are for
// the record.
func TestLoadAsk(t *testing.T) {
	ix, err := realIndex()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		store func(t *testing.T) (bot.Store, *sqlite.Store)
	}{
		{"memory store", func(*testing.T) (bot.Store, *sqlite.Store) { return bot.NewMemoryStore(), nil }},
		{"sqlite store", func(t *testing.T) (bot.Store, *sqlite.Store) {
			st, err := sqlite.Open(t.Context(), t.TempDir(), sqlite.Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			return st, st
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			const clients, each = 200, 50
			store, db := tt.store(t)
			ts := httptest.NewServer(httpapi.New(httpapi.Options{Core: bot.New(ix, bot.Options{Store: store})}).Handler())
			defer ts.Close()
			latencies, elapsed, errs := runLoad(ts.URL+"/v1/ask", clients, each)
			if len(errs) > 0 {
				t.Errorf("%d of %d requests failed; first: %v", len(errs), clients*each, errs[0])
			}
			t.Logf("%d requests from %d clients in %v (%.0f req/s): p50 %v, p99 %v, max %v",
				len(latencies), clients, elapsed.Round(time.Millisecond), float64(len(latencies))/elapsed.Seconds(),
				percentile(latencies, 0.50), percentile(latencies, 0.99), latencies[len(latencies)-1])
			if db == nil {
				return
			}
			r, err := db.Report(t.Context(), time.Now().Add(-time.Hour))
			if err != nil {
				t.Fatal(err)
			}
			dropped := db.DroppedQuestions()
			if uint64(r.Questions)+dropped != clients*each {
				t.Errorf("question log holds %d and dropped %d, want %d in all", r.Questions, dropped, clients*each)
			}
			t.Logf("question log: %d questions stored, %d dropped", r.Questions, dropped)
		})
	}
}

// runLoad sends each questions from each of clients concurrent clients and
// returns the sorted latencies, the wall time and the failures.
func runLoad(url string, clients, each int) ([]time.Duration, time.Duration, []error) {
	client := loadClient(clients)
	defer client.CloseIdleConnections()
	var (
		wg        sync.WaitGroup
		mu        sync.Mutex
		latencies = make([]time.Duration, 0, clients*each)
		errs      []error
	)
	start := time.Now()
	for c := range clients {
		wg.Go(func() {
			local := make([]time.Duration, 0, each)
			var failures []error
			for i := range each {
				t0 := time.Now()
				err := askOnce(client, url, loadQuestions[(c+i)%len(loadQuestions)])
				local = append(local, time.Since(t0))
				if err != nil {
					failures = append(failures, err)
				}
			}
			mu.Lock()
			latencies = append(latencies, local...)
			errs = append(errs, failures...)
			mu.Unlock()
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(latencies)
	return latencies, elapsed, errs
}

// BenchmarkAsk measures POST /v1/ask end to end over loopback HTTP with the
// real bot, reporting the p50 and p99 request latency alongside ns/op.
func BenchmarkAsk(b *testing.B) {
	ts, _ := newRealAPI(b, httpapi.Options{}, bot.Options{})
	client := loadClient(256)
	defer client.CloseIdleConnections()
	var (
		mu  sync.Mutex
		all []time.Duration
	)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		var local []time.Duration
		i := 0
		for pb.Next() {
			t0 := time.Now()
			if err := askOnce(client, ts.URL+"/v1/ask", loadQuestions[i%len(loadQuestions)]); err != nil {
				b.Error(err)
				return
			}
			local = append(local, time.Since(t0))
			i++
		}
		mu.Lock()
		all = append(all, local...)
		mu.Unlock()
	})
	b.StopTimer()
	slices.Sort(all)
	b.ReportMetric(float64(percentile(all, 0.50).Microseconds()), "p50-µs")
	b.ReportMetric(float64(percentile(all, 0.99).Microseconds()), "p99-µs")
}
