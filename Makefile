# The README's commands. `make test` is what CI runs.
export NEO4J_PORT ?= 17687
export NEO4J_TEST_URI ?= bolt://127.0.0.1:$(NEO4J_PORT)

.PHONY: test test-go neo4j-start neo4j-stop serve bench fuzz

# Installs what the tests need (Java, Maven, Chromium) when missing, starts a
# real Neo4j (tools/neo4j, built with Maven on first use), runs every Go test
# against both stores, and stops Neo4j whatever the outcome.
test:
	@scripts/test-deps.sh
	@scripts/neo4j.sh start
	@status=0; $(MAKE) --no-print-directory test-go || status=$$?; scripts/neo4j.sh stop; exit $$status

test-go:
	go vet ./...
	go test -count=1 -timeout 20m ./...

neo4j-start:
	scripts/neo4j.sh start

neo4j-stop:
	scripts/neo4j.sh stop

serve:
	go run . serve

bench:
	go test -run '^$$' -bench . -benchmem ./...
