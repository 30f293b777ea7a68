package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// TestLegalFormsWithDots checks that a legal form closes a company's name
// whether written with dots or in capitals: "S.A.", "A.Ş.", "JSC", "AS".
func TestLegalFormsWithDots(t *testing.T) {
	x := run(t, "2024-03-15",
		"Firms",
		"Pesqueras Velmor S.A., one of the largest trawler owners, said it agreed. Tarnvik Kraft AS said it would build a dam.",
		"Orhanlı Bakırcılık A.Ş., which runs a smelter, said so. Tan Loc Garment JSC said so.",
	)
	wantTypes(t, entityTypes(x), map[string]kg.EntityType{
		"Pesqueras Velmor S.A.":   kg.Organization,
		"Tarnvik Kraft AS":        kg.Organization,
		"Orhanlı Bakırcılık A.Ş.": kg.Organization,
		"Tan Loc Garment JSC":     kg.Organization,
	})
}

// TestNamesADealTypes checks names typed by what a deal does with them:
// what is sold or bought, the buyer a sale goes to (after a country's
// possessive too), a subject of its own purchase; and people set before
// "of" and a body, or in apposition to a role in a possessed body.
func TestNamesADealTypes(t *testing.T) {
	x := run(t, "2024-03-15",
		"Deal",
		"The regulator approved the sale of Brannock Trawl to Finland's Oskelo on Monday. Vessmark completed its purchase of the plant.",
		"Luria agreed to sell a stake to Gintaro on Friday. For Ilse Varnhorst of the Dock Workers Union, it was a relief.",
		"Tomas Eberly of the Harbour Pilots Association said so. Kwon Dae-sik, Morvant's chairman, said the group would stay.",
	)
	wantTypes(t, entityTypes(x), map[string]kg.EntityType{
		"Brannock Trawl": kg.Organization,
		"Oskelo":         kg.Organization,
		"Vessmark":       kg.Organization,
		"Gintaro":        kg.Organization,
		"Ilse Varnhorst": kg.Person,
		"Tomas Eberly":   kg.Person,
		"Kwon Dae-sik":   kg.Person,
	})
}

// TestFieldMinistriesInLowerCase checks that a ministry named in lower
// case by its field after "the" is a body, and
// that one only described ("a former trade ministry official") is not.
func TestFieldMinistriesInLowerCase(t *testing.T) {
	x := run(t, "2024-03-15",
		"Ministries",
		"The foreign ministry of Velmora summoned the envoy. The permit was issued by the fisheries ministry, which Dario Kessel leads. The licence came from the forestry ministry.",
		"Anja Brell, a former trade ministry official, said the interior ministry's police had left.",
	)
	got := entityTypes(x)
	wantTypes(t, got, map[string]kg.EntityType{
		"foreign ministry":   kg.Organization,
		"fisheries ministry": kg.Organization,
		"interior ministry":  kg.Organization,
		"forestry ministry":  kg.Organization,
	})
	if _, ok := got["trade ministry"]; ok {
		t.Errorf("trade ministry is an entity: it only describes an official (all: %v)", got)
	}
}

// TestStaffAndFamilyNames checks a body named by the staff that work at it
// ("a staff association at X", "XYZ inspectors") and a person named with
// both surnames beside a relative named with the first.
func TestStaffAndFamilyNames(t *testing.T) {
	x := run(t, "2024-03-15",
		"Mine",
		"TORVIK — KGT inspectors said on Friday that the shaft was safe. A staff association at Orveda Talc broke with the union.",
		"For Mateo Carvallo Huenchul, the deal brings money. For Inés Carvallo of the Dock Workers Union, it brings security.",
	)
	wantTypes(t, entityTypes(x), map[string]kg.EntityType{
		"KGT":                     kg.Organization,
		"Orveda Talc":             kg.Organization,
		"Mateo Carvallo Huenchul": kg.Person,
	})
}

// TestRulesOutvoteTheNameFinder checks that a name the statistical finder
// calls a person is a firm when a rule says so elsewhere in the document
// ("X's chief executive").
func TestRulesOutvoteTheNameFinder(t *testing.T) {
	x := run(t, "2024-03-15",
		"Licence",
		"The regulator revoked the licence of Pelorin Mobile, the country's second-largest mobile operator. Pelorin Mobile's chief executive, Dilna Asrova, said the company would appeal.",
	)
	wantTypes(t, entityTypes(x), map[string]kg.EntityType{
		"Pelorin Mobile": kg.Organization,
		"Dilna Asrova":   kg.Person,
	})
}

// TestSitesSharesAndBuyers checks the place a site of work is named for
// ("the Tarvu gold mine"), a firm whose shares are traded ("shares in X"),
// a firm with a managing director, and a buyer of two words.
func TestSitesSharesAndBuyers(t *testing.T) {
	x := run(t, "2024-03-15",
		"Mine",
		"The strike at the Tarvu gold mine ended. Shares in Orrin Vale rose 4 percent. Ewan Price, Kelso Downs's managing director, said so.",
		"The minister will not rule on the sale of a stake in the miner to Brannoch Hill until the strike ends.",
	)
	wantTypes(t, entityTypes(x), map[string]kg.EntityType{
		"Tarvu":         kg.Location,
		"Orrin Vale":    kg.Organization,
		"Kelso Downs":   kg.Organization,
		"Brannoch Hill": kg.Organization,
		"Ewan Price":    kg.Person,
	})
}

// TestProfessionsAndMalayParticles checks a person named after a
// profession no list holds ("the cardiologist X", even with ", which"
// after it describing the firm before), and Malay and Iban names whole
// across "binti" and "anak".
func TestProfessionsAndMalayParticles(t *testing.T) {
	x := run(t, "2024-03-15",
		"Court",
		"Doctors are hired by CardioLink, a Bremen firm founded by the Oranian-born cardiologist Samir Telly, which places doctors in clinics.",
		"Justice Rohana binti Abdul Karim of the High Court said so. The case was brought by Jelani anak Ngumbang, a farmer.",
	)
	wantTypes(t, entityTypes(x), map[string]kg.EntityType{
		"Samir Telly":              kg.Person,
		"Rohana binti Abdul Karim": kg.Person,
		"Jelani anak Ngumbang":     kg.Person,
	})
}
