/**
 * Word lists used by the heuristic detectors. All entries are stored lowercase with accents folded
 * (see foldText); look them up with a folded word.
 */
import { foldText } from './fold.js';

function set(words: string): ReadonlySet<string> {
  return new Set(
    words
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => foldText(w)),
  );
}

/** Name particles kept inside surnames ("van den Berg", "El Amrani", "Ben Salah"). */
export const PARTICLES = set(`
  el al ben bin ibn bou abou abu van von de der den het 't le la les du des d' l' ter ten te vande vanden vander
  di da do dos das del della mac
`);

/** Titles after which a single capitalised word is taken as a surname. Stored without the final dot. */
export const TITLES = set(`
  meneer mijnheer mevrouw mevr dhr heer juffrouw mr mrs ms miss dr meester
  monsieur madame mme mlle mademoiselle docteur maitre me
  sir mister doctor
`);

/** Common words that start sentences (nl, fr, en): a capitalised one at a sentence start is not a name. */
export const COMMON_WORDS = set(`
  de het een den der des die dat deze dit daar daarna daarom dan dus toen nu ook nog al maar en of want omdat
  als terwijl hoewel indien wanneer zodra nadat voordat sinds tot tijdens volgens voor na bij met zonder naar
  over onder boven tussen door tegen rond om uit aan op in van vanaf vanuit per via zoals behalve
  ik jij je u hij zij ze wij we jullie hen hun haar zijn mijn mij jou ons onze men iemand niemand iedereen alles
  niets wie wat waar waarom hoe welke welk er hier zo wel niet geen nooit altijd soms vaak meestal eerst
  eerder later vandaag gisteren morgen vanavond vanochtend vanmorgen deze week eergisteren overmorgen
  tijdens intussen ondertussen bovendien echter toch verder vervolgens tenslotte uiteindelijk ten slotte
  gelukkig helaas misschien waarschijnlijk zeker eigenlijk natuurlijk opnieuw samen alleen allebei beide
  is was waren zijn ben bent heeft hebben had hadden wordt werd worden kan kon kunnen moet moest moeten zal
  zou zullen gaat ging gaan komt kwam komen wil wilde willen mag mocht mogen blijft bleef krijgt kreeg doet deed
  laat liet zegt zei vindt vond staat stond ligt lag zit zat woont woonde werkt werkte
  bel vraag neem geef kijk zie let
  ja nee neen oke ok dag hallo beste geachte
  le la les un une des du de d' l' ce cet cette ces il elle ils elles on nous vous je j' tu moi toi lui leur
  leurs son sa ses mon ma mes ton ta tes notre nos votre vos qui que quoi dont ou où quand comme si mais et
  ou donc or ni car puis ensuite alors depuis pendant avant apres après avec sans pour par chez vers selon
  malgre malgré sur sous dans entre contre parmi hier aujourd'hui demain ce soir matin
  aujourd ensuite enfin finalement heureusement malheureusement peut-etre peut-être surtout toujours jamais
  souvent parfois deja déjà encore aussi bien tres très plus moins tout tous toute toutes rien personne
  chacun quelqu'un quelqu quelques plusieurs certains certaines aucun aucune lorsqu'il lorsque puisque
  est etait était sont etaient étaient a ai avait avaient sera serait fait faisait va allait vient venait
  peut pouvait doit devait veut voulait reste restait habite habitait travaille travaillait
  oui non bonjour cher chère chers madame monsieur
  the a an this that these those there here then now also still already but and or because when while
  although if since until during according before after with without to for from about over under between
  through against around out on in of at by via like
  i you he she it we they me him her his its our their my your them us who what where why how which
  yes no not never always sometimes often usually first later today yesterday tomorrow tonight
  however moreover furthermore finally eventually meanwhile fortunately unfortunately perhaps maybe
  together alone both each every all some any many most several none nothing everything everyone someone
  is was were are be been has have had will would can could must should may might shall does did do
  dear hello hi mr mrs ms
`);

/**
 * Capitalised words that are not personal names: weekdays, months, institutions, countries,
 * nationalities, street words, titles. A capitalised sequence made only of these is not a name.
 */
export const NON_NAME_WORDS = set(`
  maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
  lundi mardi mercredi jeudi vendredi samedi dimanche
  monday tuesday wednesday thursday friday saturday sunday
  januari februari maart april mei juni juli augustus september oktober november december
  janvier fevrier février mars avril mai juin juillet aout août septembre octobre novembre decembre décembre
  january february march april may june july august september october november december
  kerstmis kerst pasen pinksteren ramadan suikerfeest offerfeest noel noël paques pâques christmas easter
  ocmw cpas caw vdab forem actiris riziv inami rva onem fod spf vzw asbl nv sa bv srl
  justitiehuis justitiehuizen maison maisons justice justitie gevangenis prison penitentiaire penitentiair
  strafinrichting rechtbank rechter tribunal tribunaux cour hof parket parquet politie police
  griffie greffe advocaat avocat balie barreau ministerie ministere ministère minister ministre
  regering gouvernement federale fédérale federal vlaamse vlaams vlaanderen wallonie wallonië waals waalse
  wallon wallonne brussels brusselse bruxellois gemeenschap communaute communauté federation fédération
  gewest region région regio stad ville gemeente commune provincie province dienst service diensten services
  centrum centre center huis maison directie direction afdeling departement département
  universiteit université university hogeschool haute ecole école school college lycee lycée athenee athénée
  ziekenhuis hopital hôpital hospital kliniek clinique rode kruis croix-rouge croix rouge red cross
  mutualiteit mutualite mutualité ziekenfonds syndicaat syndicat vakbond interim
  unie union europese europeenne européenne europees european europa europe
  belgie belgië belgique belgium belg belge belgian belgisch belgische nederland nederlands nederlandse
  netherlands dutch frankrijk france frans franse francais français francaise française french
  duitsland allemagne germany duits duitse allemand german engeland angleterre england engels engelse
  anglais english marokko maroc morocco marokkaans marokkaanse marocain marocaine moroccan
  turkije turquie turkey turks turkse turc turque turkish algerije algerie algérie algeria algerijns
  tunesie tunisie tunisia congo congolees congolese congolais congolaise syrie syrië syria syrisch
  afghanistan afghaans afghan irak iraq iraaks irakien arabisch arabe arabic islam islamitisch islamique
  moslim musulman muslim christelijk chretien chrétien christian joods juif jewish koran coran bijbel bible
  nederlandstalig franstalig duitstalig
  straat laan weg plein steenweg rue avenue chaussee chaussée boulevard place chemin square allee allée quai
  impasse dreve drève clos sentier
  meneer mevrouw monsieur madame mademoiselle dokter docteur doctor meester maitre maître professor
  professeur juge procureur directeur directrice
  whatsapp facebook instagram messenger signal telegram google microsoft teams zoom skype tiktok snapchat
  euro euros eur dollar dollars
  god dieu allah
  persoon personne person gemeente commune municipality
  living lab labs relab
  beste geachte lieve dag hallo hoi dear hello hi cher chere chère chers bonjour salut
  algemeen welzijnswerk welzijn liberation libération conditionnelle conditionele invrijheidstelling vrijlating
  enkelband elektronisch toezicht surveillance electronique électronique detention détention
  plan aanpak project projet programma programme traject trajet team equipe équipe werking
  overheidsdienst openbaar public publique hoge raad state conseil etat état grondwet constitution
  paleis palais lijn standaard morgen soir libre tijd nieuwsblad gazet krant journal
`);

/** Words before a 4-digit number that show it is not a postcode ("artikel 1382", "nr 1234"). */
export const NOT_POSTCODE_BEFORE = set(`
  artikel art article nummer nr no num numero numéro pagina page p blz kamer cel cellule dossier zaak affaire
  rolnummer notitie notice bus bte boite boîte box
`);

/** Words before a year that show it is a year, not a postcode ("in 2019", "sinds 2020", "depuis 2018"). */
export const YEAR_BEFORE = set(`
  in sinds tot tussen en vanaf van voor na rond omstreeks begin eind midden jaar het
  en depuis jusqu'en jusqu jusque entre de a à avant apres après vers annee année l'an an fin debut début mi
  since until till between from to before after around year of by during the
`);
