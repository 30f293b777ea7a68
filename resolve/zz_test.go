package resolve

import (
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

func TestZZPairs(t *testing.T) {
	for _, p := range [][2]string{
		{"Tarvel Cocoa Farmers' Union", "Tarvel Cocoa Processing Company"},
		{"Tarvel Cocoa", "Tarvel Cocoa Processing Company"},
		{"Tarvel Cocoa", "Tarvel Cocoa Farmers' Union"},
		{"Cocoa Farmers' Union", "Tarvel Cocoa Farmers' Union"},
		{"Tarvel Cocoa Farmers Union", "Tarvel Cocoa Farmers' Union"},
		{"Tarvel Farmers' Union", "Tarvel Cocoa Farmers' Union"},
		{"Tarvel Mining Union", "Tarvel Miners' Union"},
		{"Tarvel Mining Union", "Tarvel Mining Company"},
		{"Tarvel Mining", "Tarvel Mining Company"},
		{"Tarvel Mining", "Tarvel Miners' Union"},
		{"Tarvel Commodities SA", "Tarvel Commodities"},
		{"Tarvel Commodities", "Tarvel Shipping"},
		{"Tarvel", "Tarvel Shipping"},
		{"Labour Organization", "International Labour Organization"},
		{"Labour Rights Organisation", "Eurasian Labour Rights Organisation"},
		{"Labour Organization", "Eurasian Labour Rights Organisation"},
		{"International Labour Organization", "Eurasian Labour Rights Organisation"},
		{"Tarvel Coffee Cooperative Union", "Tarvel Coffee Farmers Cooperative Union"},
		{"Tarvel Coffee Union", "Tarvel Coffee Cooperative Union"},
		{"Tarvel Coffee Traders", "Tarvel Coffee Trading"},
		{"Tarvel Trading", "Tarvel Trading BV"},
		{"Tarvel Trading", "Tarvel Logistics"},
		{"Tarvel Coffee Exporters Association", "Tarvel Coffee Export Company"},
	} {
		m := CompareNames(Parse(kg.Organization, p[0]), Parse(kg.Organization, p[1]))
		fmt.Printf("%-40s %-40s %.2f veto=%v partial=%v %s\n", p[0], p[1], m.Score, m.Veto, m.Partial, m.Why)
	}
}
