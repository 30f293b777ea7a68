package e2e

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// pythonModules are what the notebook test needs; scripts/test-deps.sh
// installs them.
var pythonModules = []string{"pandas", "networkx", "nbclient", "nbformat", "ipykernel", "setuptools", "wheel"}

// requirePython returns python3 when it imports every module; it fails
// under CI and skips elsewhere.
func requirePython(t *testing.T, modules ...string) string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err == nil && len(modules) > 0 {
		err = exec.Command(py, "-c", "import "+strings.Join(modules, ", ")).Run()
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("python3 with %s: %v (scripts/test-deps.sh installs them)", strings.Join(modules, ", "), err)
		}
		t.Skipf("python3 with %s not available (%v); run scripts/test-deps.sh", strings.Join(modules, ", "), err)
	}
	return py
}

// TestPythonNotebook installs the Python client with pip from the
// repository path, starts a real server on the samples and the seed
// article (a first start beside shared/articles), and executes the example
// notebook unchanged; any failing cell fails the test.
func TestPythonNotebook(t *testing.T) {
	py := requirePython(t, pythonModules...)
	site := t.TempDir()
	pip := exec.Command(py, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--target", site, "../clients/python")
	pip.Env = append(os.Environ(), "PIP_DISABLE_PIP_VERSION_CHECK=1")
	if out, err := pip.CombinedOutput(); err != nil {
		t.Fatalf("pip install clients/python: %v\n%s", err, out)
	}

	checkout, data := besideShared(t)
	s := startServerIn(t, checkout, data)

	nb, err := filepath.Abs("../clients/python/examples/analyst.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	const runner = `
import sys, nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
nb = nbformat.read(sys.argv[1], as_version=4)
try:
    NotebookClient(nb, timeout=180, kernel_name="python3").execute()
except CellExecutionError as err:
    print(err, file=sys.stderr)
    sys.exit(1)
cells = [c for c in nb.cells if c.cell_type == "code"]
print(len(cells), "cells ran")
`
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, py, "-c", runner, nb)
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "NEWSGRAPH_URL="+s.url, "PYTHONPATH="+site)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("the notebook failed: %v\n%s\n%s", err, out.String(), stderr.String())
	}
	if !strings.Contains(out.String(), "cells ran") {
		t.Fatalf("the notebook runner said: %s", out.String())
	}
	t.Log(strings.TrimSpace(out.String()))
}

// TestPythonClientUnit runs the client's own unit tests (error mapping,
// paging that halves under the complexity limit) against their fake server.
func TestPythonClientUnit(t *testing.T) {
	py := requirePython(t)
	dir, err := filepath.Abs("../clients/python")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, "-m", "unittest", "discover", "-s", "tests", "-v")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PYTHONPATH="+dir, "PYTHONDONTWRITEBYTECODE=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("python unit tests: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "OK") {
		t.Fatalf("python unit tests said: %s", out)
	}
}
