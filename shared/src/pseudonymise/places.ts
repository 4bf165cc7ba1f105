/**
 * Places that do not identify anyone: big cities (roughly 30,000+ inhabitants), the Brussels municipalities,
 * provinces and regions, in Dutch, French, German and English spellings. They are never flagged as names,
 * and they make a preceding 4-digit number look like a postcode.
 */
import { foldText } from './fold.js';

export const NON_IDENTIFYING_PLACES: readonly string[] = [
  // Big cities (nl / fr / de / en spellings)
  'Antwerpen', 'Anvers', 'Antwerp', 'Gent', 'Gand', 'Ghent', 'Brussel', 'Bruxelles', 'Brussels', 'Brüssel',
  'Liège', 'Luik', 'Lüttich', 'Charleroi', 'Namur', 'Namen', 'Leuven', 'Louvain', 'Löwen', 'Mechelen', 'Malines',
  'Brugge', 'Bruges', 'Mons', 'Bergen', 'Aalst', 'Alost', 'Hasselt', 'Kortrijk', 'Courtrai', 'Oostende', 'Ostende',
  'Ostend', 'Genk', 'Sint-Niklaas', 'Saint-Nicolas', 'La Louvière', 'Tournai', 'Doornik', 'Seraing', 'Roeselare',
  'Roulers', 'Verviers', 'Mouscron', 'Moeskroen', 'Beveren', 'Dendermonde', 'Termonde', 'Beringen', 'Turnhout',
  'Vilvoorde', 'Vilvorde', 'Lokeren', 'Sint-Truiden', 'Saint-Trond', 'Herstal', 'Geel', 'Ninove', 'Halle', 'Hal',
  'Braine-l\'Alleud', 'Eigenbrakel', 'Châtelet', 'Wavre', 'Waver', 'Ieper', 'Ypres', 'Lommel', 'Waregem',
  'Mol', 'Tienen', 'Tirlemont', 'Arlon', 'Aarlen', 'Ottignies-Louvain-la-Neuve', 'Louvain-la-Neuve', 'Nivelles',
  'Nijvel', 'Binche', 'Maasmechelen', 'Lier', 'Lierre', 'Heist-op-den-Berg', 'Tongeren', 'Tongres', 'Knokke-Heist',
  'Knokke', 'Deinze', 'Evergem', 'Wetteren', 'Harelbeke', 'Ronse', 'Renaix', 'Zaventem', 'Dilbeek', 'Grimbergen',
  'Asse', 'Brasschaat', 'Schoten', 'Mortsel', 'Edegem', 'Kontich', 'Boom', 'Hoboken', 'Deurne', 'Merksem',
  'Wilrijk', 'Berchem', 'Ekeren', 'Huy', 'Hoei', 'Eupen', 'Sint-Pieters-Leeuw', 'Zottegem',
  'Geraardsbergen', 'Grammont', 'Maldegem', 'Eeklo', 'Torhout', 'Tielt', 'Menen', 'Menin', 'Izegem', 'Wevelgem',
  'Bilzen', 'Lanaken', 'Bree', 'Pelt', 'Maaseik', 'Houthalen-Helchteren', 'Heusden-Zolder', 'Zonhoven',
  'Diest', 'Aarschot', 'Westerlo', 'Herentals', 'Brecht', 'Temse', 'Zele', 'Hamme', 'Lebbeke',
  'Aalter', 'Oudenaarde', 'Audenarde', 'Ath', 'Aat', 'Soignies', 'Zinnik', 'Braine-le-Comte', 's-Gravenbrakel',
  'Fleurus', 'Gembloux', 'Andenne', 'Marche-en-Famenne', 'Bastogne', 'Bastenaken', 'Waterloo', 'Rixensart',
  'Tubize', 'Tubeke', 'Ans', 'Flémalle', 'Grâce-Hollogne', 'Chaudfontaine',
  'Boussu', 'Quaregnon', 'Colfontaine', 'Frameries', 'Manage', 'Courcelles', 'Fontaine-l\'Évêque', 'Farciennes',
  'Châtelineau', 'Marcinelle', 'Jumet', 'Gosselies', 'Montignies-sur-Sambre', 'Visé', 'Wezet',
  // Brussels municipalities
  'Anderlecht', 'Oudergem', 'Auderghem', 'Sint-Agatha-Berchem', 'Berchem-Sainte-Agathe', 'Etterbeek', 'Evere',
  'Vorst', 'Forest', 'Ganshoren', 'Elsene', 'Ixelles', 'Jette', 'Koekelberg', 'Sint-Jans-Molenbeek',
  'Molenbeek-Saint-Jean', 'Molenbeek', 'Sint-Gillis', 'Saint-Gilles', 'Sint-Joost-ten-Node', 'Saint-Josse-ten-Noode',
  'Schaarbeek', 'Schaerbeek', 'Ukkel', 'Uccle', 'Watermaal-Bosvoorde', 'Watermael-Boitsfort', 'Sint-Lambrechts-Woluwe',
  'Woluwe-Saint-Lambert', 'Sint-Pieters-Woluwe', 'Woluwe-Saint-Pierre', 'Woluwe', 'Laken', 'Laeken',
  'Neder-Over-Heembeek', 'Haren',
  // Provinces, regions, country
  'Vlaanderen', 'Flandre', 'Flanders', 'Wallonië', 'Wallonie', 'Wallonia', 'Limburg', 'Limbourg', 'Henegouwen',
  'Hainaut', 'Luxemburg', 'Luxembourg', 'Brabant', 'Vlaams-Brabant', 'Brabant-Wallon', 'Waals-Brabant',
  'Oost-Vlaanderen', 'West-Vlaanderen', 'Flandre-Orientale', 'Flandre-Occidentale', 'Kempen', 'Campine',
  'Westhoek', 'Pajottenland', 'Ardennen', 'Ardennes', 'Ardenne', 'Famenne', 'Condroz', 'Hesbaye', 'Haspengouw',
  'Borinage', 'Waasland', 'België', 'Belgique', 'Belgium', 'Belgien',
];

const PLACE_SET: ReadonlySet<string> = new Set(NON_IDENTIFYING_PLACES.map((p) => placeKey(p)));

/** Folded form with hyphens and spaces unified, used to compare place names. */
export function placeKey(name: string): string {
  return foldText(name).replace(/[\s\-']+/g, '-');
}

/** True for big cities, Brussels municipalities, provinces and regions (not identifying). */
export function isNonIdentifyingPlace(word: string): boolean {
  return PLACE_SET.has(placeKey(word));
}
