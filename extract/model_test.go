package extract_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/relclass/corpus"
)

// TestClassifierModelCurrent checks that the committed relation classifier
// is the one its trainer makes from the annotated articles as the rules
// now read them. The classifier learns from the rules' mentions, coreference
// and parses, so a change to the rules can change it: then retrain with
// `go run ./relclass/cmd/train` and commit relclass/model/relclass.model.gz
// with the change (README, "Learned relations").
func TestClassifierModelCurrent(t *testing.T) {
	want, err := os.ReadFile("../relclass/model/relclass.model.gz")
	if err != nil {
		t.Fatal(err)
	}
	got, err := corpus.Model("../eval/tuning", "../samples")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the rules changed what the relation classifier learns from: retrained model (%d bytes) differs from relclass/model/relclass.model.gz (%d bytes); run go run ./relclass/cmd/train and commit the model",
			len(got), len(want))
	}
}
