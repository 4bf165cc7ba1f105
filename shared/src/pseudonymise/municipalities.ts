/**
 * Small Belgian municipalities (fewer than about 15,000 inhabitants), where naming the municipality can
 * narrow a person down to a handful of people.
 *
 * HAND-COMPILED from public population figures (Statbel, early 2020s); the figures are approximate and the
 * list is deliberately incomplete: it covers Flanders, Wallonia and the German-speaking Community, with the
 * French / Dutch / German names where an exonym is in common use, and it also keeps the names of a few
 * small municipalities that were merged since 2019 (the village names still identify). Names that are also
 * ordinary words (As, Ham, Lint, Peer, Halen, Celles, Clavier, Héron, Silly, Lens, Nazareth, …) are left out
 * on purpose to avoid false positives.
 *
 * Anything missing can be added by the author to the names list of the reflection, which is searched as well.
 *
 * Each entry lists the names of one municipality; the first name is the canonical one used in the key.
 */
import { foldAccents, foldText, NOT_WORD_AFTER, NOT_WORD_BEFORE } from './fold.js';
import { TITLES } from './stopwords.js';
import { makeDetection, type Detection } from './types.js';

export const SMALL_MUNICIPALITIES: readonly (readonly string[])[] = [
  // West-Vlaanderen
  ['Mesen', 'Messines'], ['Zuienkerke'], ['Vleteren'], ['Spiere-Helkijn', 'Espierres-Helchin'], ['Lo-Reninge'],
  ['Alveringem'], ['Heuvelland'], ['Langemark-Poelkapelle'], ['Houthulst'], ['Staden'], ['Lichtervelde'],
  ['Koekelare'], ['Kortemark'], ['Ichtegem'], ['Gistel'], ['Nieuwpoort', 'Nieuport'], ['De Panne', 'La Panne'],
  ['Veurne', 'Furnes'], ['Jabbeke'], ['Oudenburg'], ['Damme'], ['Ledegem'], ['Moorslede'], ['Zonnebeke'],
  ['Anzegem'], ['Avelgem'], ['Deerlijk'], ['Dentergem'], ['Oostrozebeke'], ['Wielsbeke'], ['Ingelmunster'],
  ['Ardooie'], ['Pittem'], ['Lendelede'], ['Hooglede'], ['Kuurne'], ['Ruiselede'], ['Wingene'], ['Meulebeke'],
  // Oost-Vlaanderen
  ['Horebeke'], ['Maarkedal'], ['Kluisbergen'], ['Wortegem-Petegem'], ['Zwalm'], ['Lierde'],
  ['Sint-Lievens-Houtem'], ['Laarne'], ['Wichelen'], ['Waasmunster'], ['Moerbeke'], ['Wachtebeke'], ['Zelzate'],
  ['Assenede'], ['Kaprijke'], ['Sint-Laureins'], ['Sint-Martens-Latem'], ['De Pinte'], ['Oosterzele'], ['Melle'],
  ['Gavere'],
  // Vlaams-Brabant
  ['Bever', 'Biévène'], ['Galmaarden', 'Gammerages'], ['Gooik'], ['Herne', 'Hérinnes'], ['Pepingen'], ['Roosdaal'],
  ['Lennik'], ['Affligem'], ['Kapelle-op-den-Bos'], ['Kampenhout'], ['Steenokkerzeel'], ['Boortmeerbeek'],
  ['Keerbergen'], ['Begijnendijk'], ['Tielt-Winge'], ['Glabbeek'], ['Kortenaken'], ['Linter'],
  ['Zoutleeuw', 'Léau'], ['Geetbets'], ['Bekkevoort'], ['Hoegaarden'], ['Boutersem'], ['Holsbeek'], ['Bierbeek'],
  ['Oud-Heverlee'], ['Huldenberg'], ['Bertem'], ['Linkebeek'], ['Drogenbos'], ['Kraainem', 'Crainhem'],
  ['Wezembeek-Oppem'], ['Hoeilaart'], ['Opwijk'],
  // Antwerpen
  ['Baarle-Hertog', 'Baerle-Duc'], ['Merksplas'], ['Rijkevorsel'], ['Vorselaar'], ['Retie'], ['Dessel'],
  ['Meerhout'], ['Olen'], ['Herenthout'], ['Grobbendonk'], ['Berlaar'], ['Zandhoven'], ['Wijnegem'], ['Hemiksem'],
  ['Aartselaar'], ['Schelle'], ['Niel'], ['Boechout'], ['Hove'], ['Hulshout'], ['Borsbeek'], ['Herselt'],
  // Limburg
  ['Herstappe'], ['Voeren', 'Fourons'], ['Wellen'], ['Kortessem'], ['Hoeselt'], ['Alken'], ['Nieuwerkerken'],
  ['Gingelom'], ['Heers'], ['Borgloon', 'Looz'], ['Herk-de-Stad', 'Herck-la-Ville'], ['Bocholt'], ['Hechtel-Eksel'],
  ['Hamont-Achel'], ['Kinrooi'], ['Zutendaal'], ['Opglabbeek'], ['Meeuwen-Gruitrode'],
  // Brabant wallon
  ['Beauvechain', 'Bevekom'], ['Chastre'], ['Hélécine'], ['Incourt'], ['Orp-Jauche'], ['Ramillies'],
  ['Perwez', 'Perwijs'], ['Mont-Saint-Guibert'], ['Villers-la-Ville'], ['Walhain'], ['Court-Saint-Étienne'],
  ['Chaumont-Gistoux'], ['Grez-Doiceau'], ['Lasne'], ['Rebecq', 'Roosbeek'], ['Ittre', 'Itter'],
  ['Jodoigne', 'Geldenaken'],
  // Hainaut
  ['Brugelette'], ['Ellezelles', 'Elzele'], ['Flobecq', 'Vloesberg'], ['Frasnes-lez-Anvaing'],
  ["Mont-de-l'Enclus"], ['Rumes'], ['Brunehaut'], ['Pecq'], ['Estaimpuis', 'Steenput'], ['Honnelles'], ['Quévy'],
  ['Estinnes'], ['Erquelinnes'], ['Momignies'], ['Sivry-Rance'], ['Froidchapelle'], ['Beaumont'], ['Chimay'],
  ['Merbes-le-Château'], ['Jurbise'], ['Chièvres'], ['Beloeil'], ['Bernissart'], ['Les Bons Villers'],
  ['Anderlues'], ['Ham-sur-Heure-Nalinnes'], ['Enghien', 'Edingen'],
  // Namur
  ['Daverdisse'], ['Vresse-sur-Semois'], ['Bièvre'], ['Gedinne'], ['Beauraing'], ['Houyet'], ['Onhaye'],
  ['Hastière'], ['Doische'], ['Viroinval'], ['Cerfontaine'], ['Philippeville'], ['Florennes'], ['Mettet'],
  ['Anhée'], ['Yvoir'], ['Hamois'], ['Havelange'], ['Somme-Leuze'], ['Ohey'], ['Gesves'], ['Assesse'],
  ['Fernelmont'], ['La Bruyère'], ['Profondeville'], ['Fosses-la-Ville'], ['Floreffe'], ['Sombreffe'],
  ['Rochefort'], ['Dinant'],
  // Luxembourg
  ['Martelange'], ['Fauvillers'], ['Attert'], ['Léglise'], ['Sainte-Ode'], ['Wellin'], ['Tellin'], ['Houffalize'],
  ['Gouvy'], ['Vielsalm'], ['Manhay'], ['Érezée'], ['Rendeux'], ['La Roche-en-Ardenne'], ['Tenneville'],
  ['Nassogne'], ['Libramont-Chevigny'], ['Neufchâteau'], ['Herbeumont'], ['Bertrix'], ['Paliseul'], ['Bouillon'],
  ['Florenville'], ['Chiny'], ['Habay'], ['Étalle'], ['Tintigny'], ['Meix-devant-Virton'], ['Rouvroy'], ['Musson'],
  ['Saint-Léger'], ['Messancy'], ['Virton'], ['Vaux-sur-Sûre'], ['Bertogne'], ['Durbuy'], ['Hotton'],
  // Liège
  ['Stoumont'], ['Trois-Ponts'], ['Lierneux'], ['Hamoir'], ['Stavelot'], ['Malmedy'], ['Waimes', 'Weismes'], ['Jalhay'],
  ['Theux'], ['Aywaille'], ['Ferrières'], ['Ouffet'], ['Tinlot'], ['Anthisnes'], ['Comblain-au-Pont'], ['Modave'],
  ['Marchin'], ['Nandrin'], ['Neupré'], ['Burdinne'], ['Wanze'], ['Braives'], ['Lincent', 'Lijsem'], ['Wasseiges'],
  ['Geer'], ['Berloz'], ['Faimes'], ['Donceel'], ['Villers-le-Bouillet'], ['Amay'], ['Engis'],
  ['Saint-Georges-sur-Meuse'], ['Fexhe-le-Haut-Clocher'], ['Crisnée'], ['Oreye', 'Oerle'], ['Remicourt'],
  ['Juprelle'], ['Bassenge', 'Bitsingen'], ['Blegny'], ['Dalhem'], ['Aubel'], ['Plombières'],
  ['Thimister-Clermont'], ['Baelen'], ['Olne'], ['Trooz'], ['Esneux'], ['Welkenraedt'], ['Pepinster'],
  // German-speaking Community
  ['Amel', 'Amblève'], ['Büllingen', 'Bullange'], ['Bütgenbach'], ['Burg-Reuland'], ['Sankt Vith', 'Saint-Vith'],
  ['Lontzen'], ['Raeren'], ['Kelmis', 'La Calamine'],
];

/** Canonical key part for a municipality: folded, lowercase, spaces and hyphens as '-'. */
function canonical(name: string): string {
  return foldText(name).replace(/[\s\-']+/g, '-');
}

/** Regex source for one name: hyphens and spaces interchangeable, apostrophes in any form. */
function namePattern(name: string): string {
  return foldText(name)
    .split(/[\s\-]+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/'/g, "[''`]"))
    .join('[\\s\\-]+');
}

interface Compiled {
  regex: RegExp;
  keyByName: ReadonlyMap<string, string>;
}
let compiled: Compiled | undefined;

function compile(): Compiled {
  const keyByName = new Map<string, string>();
  const names: string[] = [];
  for (const entry of SMALL_MUNICIPALITIES) {
    const key = `municipality:${canonical(entry[0]!)}`;
    for (const name of entry) {
      keyByName.set(canonical(name), key);
      names.push(name);
    }
  }
  names.sort((a, b) => b.length - a.length);
  const regex = new RegExp(`${NOT_WORD_BEFORE}(?:${names.map(namePattern).join('|')})${NOT_WORD_AFTER}`, 'gu');
  return { regex, keyByName };
}

/** Looks up the key of a municipality name (any listed spelling), or undefined. */
export function smallMunicipalityKey(name: string): string | undefined {
  compiled ??= compile();
  return compiled.keyByName.get(canonical(name));
}

/** Names of small municipalities: whole words, first letter capitalised, accent-insensitive, hyphen or space. */
export function detectMunicipalities(text: string): Detection[] {
  compiled ??= compile();
  const folded = foldText(text);
  const keepCase = foldAccents(text);
  const out: Detection[] = [];
  for (const m of folded.matchAll(compiled.regex)) {
    const start = m.index;
    const end = start + m[0].length;
    const first = keepCase[start]!;
    if (first === first.toLowerCase()) continue; // must start with a capital
    const key = compiled.keyByName.get(canonical(m[0]));
    if (!key) continue;
    if (afterTitle(text, start)) continue; // "mevrouw Beaumont" is a person
    out.push(makeDetection(text, 'municipality', start, end, key, 'certain'));
  }
  return out;
}

/** True when a title ("meneer", "Mme", "M.") directly precedes `pos`. */
function afterTitle(text: string, pos: number): boolean {
  const m = text.slice(Math.max(0, pos - 20), pos).match(/(?<![\p{L}\p{M}])(\p{L}+)(\.?)[ \u00a0]+$/u);
  if (!m) return false;
  const word = m[1]!;
  if (word === 'M' && m[2] === '.') return true;
  if (word.toLowerCase() === 'me') return word === 'Me';
  return TITLES.has(foldText(word));
}
