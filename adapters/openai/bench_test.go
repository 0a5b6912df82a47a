package openai_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/talksbot/talksbot/adapters/openai"
)

func BenchmarkFuseRRF(b *testing.B) {
	one := make([]string, 100)
	two := make([]string, 100)
	for i := range one {
		one[i] = fmt.Sprintf("doc#%d", i)
		two[i] = fmt.Sprintf("doc#%d", (i*7)%150)
	}
	b.ReportAllocs()
	for b.Loop() {
		openai.FuseRRF(60, one, two)
	}
}

// BenchmarkDraft measures a whole draft round trip against a fake server on
// the loopback: prompt building, the guard, go-openai's encoding and
// decoding, and HTTP.
func BenchmarkDraft(b *testing.B) {
	for _, streamed := range []bool{false, true} {
		b.Run(map[bool]string{false: "plain", true: "streamed"}[streamed], func(b *testing.B) {
			f := newFake(b, func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				if req.Stream {
					stream(w, "m", "Congress has pushed", ` for "more hard-hitting sanctions"`, " [1].")
					return
				}
				completion(w, "m", `Congress has pushed for "more hard-hitting sanctions" [1].`, "stop")
			}, nil)
			d := newDrafter(b, f, nil)
			req := askRequest()
			if streamed {
				req.Partial = func(string) {}
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := d.Draft(context.Background(), req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
