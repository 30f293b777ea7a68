package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/kg"
)

// maxReasonRunes bounds the reason a curator gives.
const maxReasonRunes = 2000

// keyID identifies an API key in the audit log without revealing it: a
// prefix of its SHA-256, enough to tell keys apart.
func keyID(key string) string {
	if key == "" {
		return ""
	}
	h := sha256.Sum256([]byte(key))
	return "key:" + hex.EncodeToString(h[:6])
}

// curation is who makes a request's curation and why: the key's
// identifier when the request carries the key, else "anonymous" (a server
// without a key).
func (r *Resolver) curation(ctx context.Context, reason *string) (kg.Curation, error) {
	why := strings.TrimSpace(deref(reason))
	if utf8.RuneCountInString(why) > maxReasonRunes {
		return kg.Curation{}, kg.Errorf(kg.EInvalid, "reason is longer than %d characters", maxReasonRunes)
	}
	actor := "anonymous"
	if authed, _ := ctx.Value(authKey{}).(bool); authed && r.keyID != "" {
		actor = r.keyID
	}
	return kg.Curation{Actor: actor, Reason: why}, nil
}

// decide accepts or rejects a merge candidate.
func (r *Resolver) decide(ctx context.Context, id string, accept bool, reason *string) (*kg.MergeCandidate, error) {
	c, err := r.curation(ctx, reason)
	if err != nil {
		return nil, err
	}
	mc, err := r.store.DecideMergeCandidate(ctx, id, accept, c)
	if err != nil {
		return nil, fmt.Errorf("decide merge candidate %q: %w", id, err)
	}
	r.loaders(ctx).clear()
	return mc, nil
}

// rfc3339 formats a stored time for the API; nil for the zero time.
func rfc3339(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.RFC3339Nano)
	return &s
}
