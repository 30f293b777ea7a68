package extract

// countryTable is general knowledge: every sovereign state (and a few
// territories that act like one in news) with its demonym adjectives
// (comma list, the first is the main one), the plural for its people when
// English has one ("*" means the first adjective plus "s"), its capital (a metonym for the government: "Washington said") and
// other names. Fields: name|adjective|people|capital|aliases (comma list).
const countryTable = `Afghanistan|Afghan|*|Kabul|
Albania|Albanian|*|Tirana|
Algeria|Algerian|*|Algiers|
Andorra|Andorran|*|Andorra la Vella|
Angola|Angolan|*|Luanda|
Antigua and Barbuda|Antiguan|*|St. John's|
Argentina|Argentine,Argentinian|Argentines|Buenos Aires|
Armenia|Armenian|*|Yerevan|
Australia|Australian|*|Canberra|
Austria|Austrian|*|Vienna|
Azerbaijan|Azerbaijani|*|Baku|
Bahamas|Bahamian|*|Nassau|The Bahamas
Bahrain|Bahraini|*|Manama|
Bangladesh|Bangladeshi|*|Dhaka|
Barbados|Barbadian|*|Bridgetown|
Belarus|Belarusian|*|Minsk|
Belgium|Belgian|*|Brussels|
Belize|Belizean|*|Belmopan|
Benin|Beninese||Porto-Novo|
Bhutan|Bhutanese||Thimphu|
Bolivia|Bolivian|*|Sucre|
Bosnia and Herzegovina|Bosnian|*|Sarajevo|Bosnia
Botswana|Botswanan||Gaborone|
Brazil|Brazilian|*|Brasília|Brasilia
Brunei|Bruneian|*|Bandar Seri Begawan|
Bulgaria|Bulgarian|*|Sofia|
Burkina Faso|Burkinabe||Ouagadougou|
Burundi|Burundian|*|Gitega|
Cambodia|Cambodian|*|Phnom Penh|
Cameroon|Cameroonian|*|Yaoundé|
Canada|Canadian|*|Ottawa|
Cape Verde|Cape Verdean|*|Praia|Cabo Verde
Central African Republic|Central African|*|Bangui|
Chad|Chadian|*|N'Djamena|
Chile|Chilean|*|Santiago|
China|Chinese||Beijing|People's Republic of China,PRC
Colombia|Colombian|*|Bogotá|Bogota
Comoros|Comoran|*|Moroni|
Democratic Republic of the Congo|Congolese||Kinshasa|DRC,Congo-Kinshasa,DR Congo,Zaire
Republic of the Congo|||Brazzaville|Congo-Brazzaville,Congo
Costa Rica|Costa Rican|*|San José|
Croatia|Croatian|Croats|Zagreb|
Cuba|Cuban|*|Havana|
Cyprus|Cypriot|*|Nicosia|
Czech Republic|Czech|*|Prague|Czechia
Denmark|Danish|Danes|Copenhagen|
Djibouti|Djiboutian|*|Djibouti|
Dominica|Dominican||Roseau|
Dominican Republic|||Santo Domingo|
East Timor|Timorese||Dili|Timor-Leste
Ecuador|Ecuadorian|*|Quito|
Egypt|Egyptian|*|Cairo|
El Salvador|Salvadoran|*|San Salvador|
Equatorial Guinea|Equatoguinean|*|Malabo|
Eritrea|Eritrean|*|Asmara|
Estonia|Estonian|*|Tallinn|
Eswatini|Swazi|*|Mbabane|Swaziland
Ethiopia|Ethiopian|*|Addis Ababa|
Fiji|Fijian|*|Suva|
Finland|Finnish|Finns|Helsinki|
France|French|Frenchmen|Paris|
Gabon|Gabonese||Libreville|
Gambia|Gambian|*|Banjul|The Gambia
Georgia|Georgian|*|Tbilisi|
Germany|German|*|Berlin|
Ghana|Ghanaian|*|Accra|
Greece|Greek|*|Athens|
Grenada|Grenadian|*|St. George's|
Guatemala|Guatemalan|*|Guatemala City|
Guinea|Guinean|*|Conakry|
Guinea-Bissau|Bissau-Guinean|*|Bissau|
Guyana|Guyanese||Georgetown|
Haiti|Haitian|*|Port-au-Prince|
Honduras|Honduran|*|Tegucigalpa|
Hungary|Hungarian|*|Budapest|
Iceland|Icelandic|Icelanders|Reykjavik|
India|Indian|*|New Delhi|
Indonesia|Indonesian|*|Jakarta|
Iran|Iranian|*|Tehran|Islamic Republic of Iran,Persia
Iraq|Iraqi|*|Baghdad|Republic of Iraq
Ireland|Irish||Dublin|
Israel|Israeli|*|Jerusalem|
Italy|Italian|*|Rome|
Ivory Coast|Ivorian|*|Yamoussoukro|Côte d'Ivoire,Cote d'Ivoire
Jamaica|Jamaican|*|Kingston|
Japan|Japanese||Tokyo|
Jordan|Jordanian|*|Amman|
Kazakhstan|Kazakh|*|Astana|
Kenya|Kenyan|*|Nairobi|
Kiribati|I-Kiribati||Tarawa|
Kosovo|Kosovar|*|Pristina|
Kuwait|Kuwaiti|*|Kuwait City|
Kyrgyzstan|Kyrgyz||Bishkek|
Laos|Lao||Vientiane|
Latvia|Latvian|*|Riga|
Lebanon|Lebanese||Beirut|
Lesotho|Basotho||Maseru|
Liberia|Liberian|*|Monrovia|
Libya|Libyan|*|Tripoli|
Liechtenstein|Liechtensteiner|*|Vaduz|
Lithuania|Lithuanian|*|Vilnius|
Luxembourg|Luxembourgish|Luxembourgers|Luxembourg|
Madagascar|Malagasy||Antananarivo|
Malawi|Malawian|*|Lilongwe|
Malaysia|Malaysian|*|Kuala Lumpur|
Maldives|Maldivian|*|Malé|
Mali|Malian|*|Bamako|
Malta|Maltese||Valletta|
Marshall Islands|Marshallese||Majuro|
Mauritania|Mauritanian|*|Nouakchott|
Mauritius|Mauritian|*|Port Louis|
Mexico|Mexican|*|Mexico City|
Micronesia|Micronesian|*|Palikir|
Moldova|Moldovan|*|Chisinau|
Monaco|Monegasque||Monaco|
Mongolia|Mongolian|*|Ulaanbaatar|
Montenegro|Montenegrin|*|Podgorica|
Morocco|Moroccan|*|Rabat|
Mozambique|Mozambican|*|Maputo|
Myanmar|Burmese||Naypyidaw|Burma
Namibia|Namibian|*|Windhoek|
Nauru|Nauruan|*|Yaren|
Nepal|Nepali|*|Kathmandu|
Netherlands|Dutch||Amsterdam|Holland,The Netherlands
New Zealand|New Zealand|New Zealanders|Wellington|
Nicaragua|Nicaraguan|*|Managua|
Niger|Nigerien|*|Niamey|
Nigeria|Nigerian|*|Abuja|
North Korea|North Korean|*|Pyongyang|
North Macedonia|Macedonian|*|Skopje|Macedonia
Norway|Norwegian|*|Oslo|
Oman|Omani|*|Muscat|
Pakistan|Pakistani|*|Islamabad|
Palau|Palauan|*|Ngerulmud|
Palestine|Palestinian|*|Ramallah|Palestinian territories
Panama|Panamanian|*|Panama City|
Papua New Guinea|Papua New Guinean|*|Port Moresby|
Paraguay|Paraguayan|*|Asunción|
Peru|Peruvian|*|Lima|
Philippines|Philippine,Filipino|Filipinos|Manila|
Poland|Polish|Poles|Warsaw|
Portugal|Portuguese||Lisbon|
Qatar|Qatari|*|Doha|
Romania|Romanian|*|Bucharest|
Russia|Russian|*|Moscow|Russian Federation
Rwanda|Rwandan|*|Kigali|
Saint Kitts and Nevis|Kittitian|*|Basseterre|
Saint Lucia|Saint Lucian|*|Castries|
Saint Vincent and the Grenadines|Vincentian|*|Kingstown|
Samoa|Samoan|*|Apia|
San Marino|Sammarinese||San Marino|
Sao Tome and Principe|Santomean|*|São Tomé|
Saudi Arabia|Saudi,Saudi Arabian|Saudis|Riyadh|
Senegal|Senegalese||Dakar|
Serbia|Serbian|Serbs|Belgrade|
Seychelles|Seychellois||Victoria|
Sierra Leone|Sierra Leonean|*|Freetown|
Singapore|Singaporean|*|Singapore|
Slovakia|Slovak|*|Bratislava|
Slovenia|Slovenian|*|Ljubljana|
Solomon Islands|Solomon Islander|*|Honiara|
Somalia|Somali|*|Mogadishu|
South Africa|South African|*|Pretoria|
South Korea|South Korean|*|Seoul|Republic of Korea
South Sudan|South Sudanese||Juba|
Spain|Spanish|Spaniards|Madrid|
Sri Lanka|Sri Lankan|*|Colombo|
Sudan|Sudanese||Khartoum|
Suriname|Surinamese||Paramaribo|
Sweden|Swedish|Swedes|Stockholm|
Switzerland|Swiss||Bern|
Syria|Syrian|*|Damascus|
Taiwan|Taiwanese||Taipei|
Tajikistan|Tajik|*|Dushanbe|
Tanzania|Tanzanian|*|Dodoma|
Thailand|Thai|*|Bangkok|
Togo|Togolese||Lomé|
Tonga|Tongan|*|Nuku'alofa|
Trinidad and Tobago|Trinidadian|*|Port of Spain|
Tunisia|Tunisian|*|Tunis|
Turkey|Turkish|Turks|Ankara|Türkiye
Turkmenistan|Turkmen||Ashgabat|
Tuvalu|Tuvaluan|*|Funafuti|
Uganda|Ugandan|*|Kampala|
Ukraine|Ukrainian|*|Kyiv|Kiev
United Arab Emirates|Emirati|*|Abu Dhabi|UAE,U.A.E.,Emirates
United Kingdom|British|Britons|London|U.K.,UK,Britain,Great Britain
United States|American|*|Washington|U.S.,US,USA,U.S.A.,America,United States of America
Uruguay|Uruguayan|*|Montevideo|
Uzbekistan|Uzbek|*|Tashkent|
Vanuatu|Ni-Vanuatu||Port Vila|
Vatican City|Vatican||Vatican City|Holy See,Vatican
Venezuela|Venezuelan|*|Caracas|
Vietnam|Vietnamese||Hanoi|Viet Nam
Yemen|Yemeni|*|Sanaa|
Zambia|Zambian|*|Lusaka|
Zimbabwe|Zimbabwean|*|Harare|`
