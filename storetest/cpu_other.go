//go:build !unix

package storetest

import "time"

// processCPU is the CPU time the process has used, unknown here.
func processCPU() time.Duration { return 0 }
