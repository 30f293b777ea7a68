package graph

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync/atomic"
	"time"
)

// Server is the API's HTTP server: NewHandler behind the timeouts of its
// Config, with a graceful shutdown that ends overdue requests with a clear
// answer.
type Server struct {
	cfg    Config
	http   *http.Server
	active atomic.Int64 // requests being served
	// base is the parent of every request's context; canceling it with
	// errShuttingDown ends the requests still running after the grace.
	base   context.Context
	cancel context.CancelCauseFunc
}

// NewServer returns the server of cfg.
func NewServer(cfg Config) *Server {
	cfg = cfg.withDefaults()
	s := &Server{cfg: cfg}
	s.base, s.cancel = context.WithCancelCause(context.Background())
	h := NewHandler(cfg)
	s.http = &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			s.active.Add(1)
			defer s.active.Add(-1)
			h.ServeHTTP(w, r)
		}),
		ReadHeaderTimeout: cfg.ReadHeaderTimeout,
		ReadTimeout:       cfg.ReadTimeout,
		WriteTimeout:      cfg.WriteTimeout,
		IdleTimeout:       cfg.IdleTimeout,
		BaseContext:       func(net.Listener) context.Context { return s.base },
	}
	return s
}

// Listen binds addr, so that a busy or invalid address fails before
// anything says the server is serving.
func (s *Server) Listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("cannot listen on %s: %w", addr, err)
	}
	return ln, nil
}

// Serve answers on ln until ctx ends, then shuts down: it stops accepting,
// lets running requests finish within the shutdown grace, and ends those
// still running after it with UNAVAILABLE ("the server is shutting down")
// before closing their connections.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- s.http.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	grace, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownGrace)
	defer cancel()
	err := s.http.Shutdown(grace)
	if !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	n := s.active.Load()
	s.cancel(errShuttingDown)
	// Give the ended requests a moment to send their answer.
	for deadline := time.Now().Add(2 * time.Second); s.active.Load() > 0 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	stuck := s.active.Load()
	_ = s.http.Close()
	if stuck > 0 {
		// Say so rather than claim an answer these clients never got.
		return fmt.Errorf("shutdown: %d requests still running after the %s grace were ended; %d of them did not stop and were cut off without an answer", n, s.cfg.ShutdownGrace, stuck)
	}
	return fmt.Errorf("shutdown: %d requests still running after the %s grace were ended (their clients got UNAVAILABLE: the server is shutting down)", n, s.cfg.ShutdownGrace)
}
