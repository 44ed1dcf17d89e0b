/**
 * The closed word classes attribution reads: verbs of saying, the words around them, titles. These are
 * the grammar of news attribution, not facts about the world; what a word is (a first name, a place,
 * an organisation word, a job) comes from compromise's lexicon (lexicon.ts).
 */
import { lookupTable } from './lookupTable';

const set = (words: string) => new Set(words.split(' '));

/** Verbs that put words in someone's mouth ("said", "told reporters", "wrote in an email"). */
export const SPEECH_VERBS = set(
  'said says say told tells tell claimed claims added adds wrote writes stated states noted notes argued argues warned warns asked asks explained explains insisted insists denied denies announced announces urged urges replied replies continued recalled recalls acknowledged acknowledges admitted admits confirmed confirms tweeted posted testified testifies suggested suggests reported reports estimated estimates predicted predicts conceded concedes cautioned cautions stressed stresses emphasized emphasised responded responds described describes credited credits blamed blames countered counters agreed agrees recommended recommends calls called ruled rules reminded reminds',
);

/** Participles that attribute to the clause they hang on: "X opposes the bill, saying …". */
export const SPEECH_PARTICIPLES = set(
  'saying adding noting arguing warning ruling citing calling claiming insisting urging stressing explaining',
);

/**
 * Verbs by which a document reports ("the report found", "the filing showed"): attributions only
 * when a document (or a subject followed by "that") stands before them.
 */
export const DOCUMENT_VERBS = set('found finds showed shows show concluded concludes');

/** Between a subject and its verb: "Park also said", "Feeney had asked". */
export const BETWEEN_SUBJECT_AND_VERB = set(
  'has have had also later previously would will did does then repeatedly often earlier once already further separately publicly privately not never first again recently initially simply just still has',
);

export const PRONOUNS: Record<string, 'he' | 'she' | 'they' | 'it'> = lookupTable({
  he: 'he',
  she: 'she',
  they: 'they',
  it: 'it',
});

/** "its chief technology officer", "her son": a role said relative to someone else. */
export const POSSESSIVE_PRONOUNS = set('its his her their our my your');

/** People spoken of as a body: "health officials in Penwick County said", "prosecutors said". */
export const GROUP_NOUNS = set(
  'officials official prosecutors police researchers investigators scientists experts advocates authorities lawmakers legislators residents doctors analysts economists organizers organisers critics witnesses parents students workers team members leaders sources staff officers spokespeople representatives regulators engineers activists protesters supporters opponents neighbors neighbours voters firefighters',
);

/** Documents that speak for whoever wrote them: "according to a notice Paylinx filed", "records kept by …". */
export const DOCUMENT_NOUNS = set(
  'notice statement report filing records record documents document study survey data figures estimate estimates analysis release complaint lawsuit letter memo email post statement transcript review audit census poll summary paper',
);

/**
 * Job and rank words that stand before a name ("Paylinx CEO Priya Raman", "Fire Chief Dale Brenner"),
 * on top of compromise's `Actor` nouns, which lack many news titles ("spokeswoman", "senator").
 */
export const TITLE_WORDS = set(
  'senator representative congressman congresswoman governor mayor president vice prime minister secretary spokesman spokeswoman spokesperson chief director commissioner superintendent principal judge justice attorney ceo cfo coo cto chairman chairwoman chair coach captain detective sergeant officer lieutenant curator engineer manager deputy assistant professor ambassador chancellor adviser advisor commander treasurer clerk councilman councilwoman councillor councilor member analyst economist defender goalkeeper forward midfielder striker player founder owner executive head leader premier king queen pope sheriff trustee auditor inspector editor reporter researcher scientist epidemiologist meteorologist physician nurse doctor teacher student marshal general admiral colonel major corporal private chancellor dean provost rector bishop archbishop rabbi imam pastor reverend',
);

/** Abbreviated ranks that are offices, spelt out as a role ("State Sen." → "state senator"). */
export const RANK_ABBREVIATIONS: Record<string, string> = lookupTable({
  sen: 'senator',
  sens: 'senators',
  rep: 'representative',
  reps: 'representatives',
  gov: 'governor',
  sgt: 'sergeant',
  capt: 'captain',
  lt: 'lieutenant',
  gen: 'general',
  det: 'detective',
  supt: 'superintendent',
  atty: 'attorney',
  cmdr: 'commander',
  comdr: 'commander',
  adm: 'admiral',
  col: 'colonel',
  maj: 'major',
  cpl: 'corporal',
  pvt: 'private',
  asst: 'assistant',
});

/** Courtesy titles: part of neither the name nor the role ("Dr. Lena Park" is Lena Park). */
export const COURTESY_TITLES = set('mr mrs ms miss mx dr prof rev sir dame messrs mme mlle mstr hon');

/**
 * Words that may stand in a lower-cased role ("fire chief", "company spokesman", "state senator"):
 * a role made only of these and of title words is written in lower case apart from the name, as
 * news style does; "White House spokesman" keeps its capitals.
 */
export const GENERIC_ROLE_WORDS = set(
  'fire police state city county council board company utility team club deputy vice chief senior former acting interim executive general foreign defense defence interior justice finance press district school health security national',
);

/** Role words that tell a gender ("spokeswoman"). */
export const GENDERED_ROLE_WORDS: Record<string, 'female' | 'male'> = lookupTable({
  spokeswoman: 'female',
  chairwoman: 'female',
  congresswoman: 'female',
  councilwoman: 'female',
  businesswoman: 'female',
  actress: 'female',
  queen: 'female',
  spokesman: 'male',
  chairman: 'male',
  congressman: 'male',
  councilman: 'male',
  businessman: 'male',
  king: 'male',
});

/** Heads of descriptions that make the name they describe an organisation's ("an Austin-based payroll software company"). */
export const COMPANY_NOUNS = set(
  'company firm maker manufacturer retailer provider startup chain nonprofit charity operator utility developer insurer bank group agency organization organisation airline carrier automaker carmaker lender broadcaster publisher',
);

/** Organisation words neither compromise's list ("department", "office", "college", "power"…) nor WordNet's groups ("league", "council": personNouns.ts) hold. */
export const MORE_ORGANISATION_WORDS = set(
  'security alliance chamber network fc united lab labs schools district guard fund group services transit airline railroad railway automaker carmaker lender regulator broadcaster',
);

/** Capitalised words that begin sentences but never names or titles (with the lexicon's determiners and pronouns). */
export const NEVER_NAMES = set(
  'the a an it its he she they we i you this that these those there here what why how who when where which his her their our my your others many most all some both each several few monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december',
);
