package resolve

import "strings"

// givenEquivalents are the forms one given name takes in the languages news
// writes it from: the same person is "Pyotr" in a Russian outlet's copy,
// "Peter" in an English one's. Each line is one name; forms are written as
// people spell them and folded by translit once.
var givenEquivalents = []string{
	"john ivan juan jean johann johannes hans giovanni joao jan ioan ion ian sean evan yohannes yahya ivo",
	"peter pyotr petr pedro pierre pietro piotr petro petar pieter boutros butrus",
	"michael mikhail mikheil mykhailo michal miguel michel michele mikael mihail mihai mikhael",
	"george georgiy georgy georgii giorgi jorge georges giorgio georg heorhiy jerzy",
	"paul pavel pablo paolo pavlo pawel paulo",
	"joseph iosif ioseb yosef yusuf yousef youssef jose giuseppe josef jozef osip",
	"eugene yevgeny evgeny yevgeniy yevgeni evgeni eugen eugenio yevhen eugeniusz",
	"alexander aleksandr oleksandr alexandr alexandre alejandro alessandro aleksander",
	"nicholas nikolai nikolay mykola nicolas nicola nikolaos nicolae mikola",
	"andrew andrei andrey andriy andres andreas andre andrzej",
	"stephen steven stepan stefan esteban stefano stephane",
	"jacob yakov yaakov jakob jakub jacques giacomo yaqub",
	"matthew matvei matvey mateo matteo mateusz mathieu matthias",
	"thomas tomas tommaso tomasz foma",
	"william wilhelm guillaume guillermo guglielmo willem",
	"charles carlos carlo karl carl karol",
	"henry henri enrique enrico heinrich genrikh",
	"anthony antonio anton antoine antoni",
	"francis francisco francesco francois franz frantisek",
	"simon semyon shimon",
	"gregory grigory grigoriy grigol gregorio grzegorz hryhoriy",
	"vladimir volodymyr wlodzimierz",
	"sergei sergey serhiy sergiy sergio serge",
	"dmitry dmitri dmytro dimitri dimitrios",
	"alexei aleksei alexey aleksey oleksiy",
	"vasily vasiliy vasyl basil vasilis",
	"ilya elijah elias ilias",
	"abraham ibrahim avraham",
	"moses musa moshe",
	"solomon sulayman suleiman shlomo",
	"david davit dawud daoud",
	"isaac ishaq yitzhak",
	"gabriel jibril gavriil",
	"zachary zakaria zakariya",
	"mary maria mariya marie maryam",
	"catherine ekaterina yekaterina kateryna katarzyna catalina caterina katharina",
	"helen helena elena yelena olena",
	"olga olha",
	"tatiana tatyana tetiana",
}

// givenCanon maps each folded form to its name's first form.
var givenCanon = func() map[string]string {
	m := map[string]string{}
	for _, line := range givenEquivalents {
		forms := strings.Fields(line)
		canon := translit(forms[0])
		for _, f := range forms {
			m[translit(f)] = canon
		}
	}
	return m
}()

// canonGiven writes a folded given name in its name's first form.
func canonGiven(w string) string {
	if c, ok := givenCanon[w]; ok {
		return c
	}
	return w
}
