package discordtest

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// Signing says how Deliver signs an interaction.
type Signing int

const (
	// Signed signs with the fake's key, as Discord does.
	Signed Signing = iota
	// Unsigned sends neither signature header.
	Unsigned
	// ForeignKey signs with a key other than the fake's, as a forger would.
	ForeignKey
	// Tampered signs the body and then changes one byte of it.
	Tampered
)

// maxDeliveryAnswer bounds what Deliver reads of an endpoint's answer.
const maxDeliveryAnswer = 1 << 20

// Delivery is what an application's interactions endpoint answered to one
// interaction Deliver posted.
type Delivery struct {
	Status int    // the HTTP status
	Body   []byte // the body as answered
	// Accepted reports whether the fake took the body, answered with 200,
	// as the interaction's initial response. Refusal is Discord's JSON
	// error when it did not (a second response is refused with code 40060,
	// an invalid one with 50035); nil otherwise.
	Accepted bool
	Refusal  []byte
}

// PublicKey returns the key that verifies the fake's interactions,
// hex-encoded as the Developer Portal shows it (DISCORD_PUBLIC_KEY).
func (s *Server) PublicKey() string {
	return hex.EncodeToString(s.key.Public().(ed25519.PublicKey))
}

// Deliver posts an interaction to an application's interactions endpoint,
// url, as Discord does once an Interactions Endpoint URL is set: JSON with
// X-Signature-Ed25519, the signature of X-Signature-Timestamp followed by the
// body, made as sign says. payload is encoded as JSON, or sent as it is when
// it is a []byte.
//
// The interaction is known to the webhook routes from the start (delivered
// again, it keeps its state: answered once, it stays answered), and they hold
// back until the endpoint's answer is read: Discord hands out an
// interaction's webhook only once it has its initial response. A 200 answer
// is taken as that response and checked as a callback is (Delivery.Accepted,
// Delivery.Refusal); a PING (type 1) must be answered with a PONG.
func (s *Server) Deliver(ctx context.Context, url string, payload any, sign Signing) (Delivery, error) {
	body, ok := payload.([]byte)
	if !ok {
		var err error
		if body, err = json.Marshal(payload); err != nil {
			return Delivery{}, fmt.Errorf("deliver: %w", err)
		}
	}
	var head struct {
		Type int `json:"type"`
	}
	_ = json.Unmarshal(body, &head) // a malformed payload is the test's to send
	s.mu.Lock()
	token := s.learn(body, true)
	s.mu.Unlock()
	defer s.settle(token)

	req, err := s.signedRequest(ctx, url, body, sign)
	if err != nil {
		return Delivery{}, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return Delivery{}, fmt.Errorf("deliver: %w", err)
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(resp.Body, maxDeliveryAnswer))
	if err != nil {
		return Delivery{}, fmt.Errorf("deliver: read the answer: %w", err)
	}
	d := Delivery{Status: resp.StatusCode, Body: answer}
	if resp.StatusCode != http.StatusOK {
		return d, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	in := s.interactions[token]
	if in == nil {
		d.Refusal = apiError(10062, "Unknown interaction")
		return d, nil
	}
	if status, refusal := s.acceptLocked(in, answer, head.Type == 1); status != 0 {
		d.Refusal = refusal
		return d, nil
	}
	d.Accepted = true
	return d, nil
}

// signedRequest builds the POST of body to url, signed as sign says.
func (s *Server) signedRequest(ctx context.Context, url string, body []byte, sign Signing) (*http.Request, error) {
	timestamp := strconv.FormatInt(time.Now().Unix(), 10)
	key := s.key
	if sign == ForeignKey {
		var err error
		if _, key, err = ed25519.GenerateKey(rand.Reader); err != nil {
			return nil, fmt.Errorf("deliver: generate a foreign key: %w", err)
		}
	}
	signature := ed25519.Sign(key, append([]byte(timestamp), body...))
	sent := body
	if sign == Tampered {
		sent = bytes.Clone(body)
		if len(sent) > 0 {
			sent[len(sent)-1] ^= 1
		}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(sent))
	if err != nil {
		return nil, fmt.Errorf("deliver: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Discord-Interactions/1.0 (+https://discord.com)")
	if sign != Unsigned {
		req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(signature))
		req.Header.Set("X-Signature-Timestamp", timestamp)
	}
	return req, nil
}
