//go:build !unix

package storetest

import "time"

// ProcessCPU is the CPU time the process has used, unknown here.
func ProcessCPU() time.Duration { return 0 }
