/**
 * What English knows about a single word, from compromise's lexicon (npm `compromise` 14, its "two"
 * build): whether a capitalised word is a first name and of which gender, a place, an abbreviation, a
 * job title, an organisation word. Attribution needs these facts, not a parser: compromise's full
 * tagger costs about 2 ms per paragraph (40 s for a 1,000-article corpus), while its lexicon is one
 * object lookup per word, loaded in 130 ms (300 ms on a busy machine).
 */
import { createRequire } from 'node:module';

interface CompromiseModel {
  one: { lexicon: Record<string, string | string[]>; abbreviations: Record<string, true> };
  two: { orgWords: Record<string, true>; placeWords: Record<string, true> };
}

// The CommonJS bundle loads in about 130 ms; the ES module build, a tree of small files, in about 200.
const compromise = createRequire(import.meta.url)('compromise/two') as { model(): CompromiseModel };
const model = compromise.model();
const LEXICON = model.one.lexicon;

function tagsOf(word: string): readonly string[] {
  const key = word.toLowerCase();
  // Own entries only: "constructor" or "toString" in an article must not find Object's functions.
  const tags = Object.hasOwn(LEXICON, key) ? LEXICON[key] : undefined;
  return tags === undefined ? [] : typeof tags === 'string' ? [tags] : tags;
}

const FEMALE = 1;
const MALE = 2;
const FIRST_NAME = 4;
const PLACE = 8;
const ACTOR = 32;
const ORGANISATION_WORD = 64;
const PLACE_WORD = 128;
const ABBREVIATION = 256;
const FUNCTION_OR_VERB = 512;
const NOUN_OR_VERB = 1024;
const KNOWN = 2048;
const COMMON = 4096;
const GRAMMAR = 8192;
const PEOPLE_PLURAL = 16384;

/** Tags of words that are grammar, never a name: "Some said", "Both said". */
const GRAMMAR_TAGS = new Set(['Determiner', 'Pronoun', 'Preposition', 'Conjunction', 'QuestionWord']);

/**
 * English's closed classes as the lexicon lists them: prepositions, conjunctions and determiners
 * ("among", "despite", "whether", "several"). A question's subject is never one of them.
 */
export const CLOSED_CLASS_WORDS: ReadonlySet<string> = new Set(
  Object.keys(LEXICON).filter(
    (word) =>
      /^\p{Ll}+$/u.test(word) &&
      tagsOf(word).some((t) => t === 'Preposition' || t === 'Conjunction' || t === 'Determiner'),
  ),
);

/** Prepositions as the lexicon lists them ("for", "in", "against"): a phrase right after one is its object. */
export const PREPOSITIONS: ReadonlySet<string> = new Set(
  Object.keys(LEXICON).filter((word) => /^\p{Ll}+$/u.test(word) && tagsOf(word).includes('Preposition')),
);

/**
 * Auxiliary verbs, which stand between a subject and its verb ("who has said", "who is demanding"): the
 * lexicon's copulas and modals, and the forms of "have" and "do", which it tags as plain verbs.
 */
export const AUXILIARY_VERBS: ReadonlySet<string> = new Set([
  ...Object.keys(LEXICON).filter(
    (word) => /^\p{Ll}+$/u.test(word) && tagsOf(word).some((t) => t === 'Copula' || t === 'Modal'),
  ),
  ...['be', 'been', 'being', 'have', 'has', 'had', 'having', 'do', 'does', 'did'],
]);

/** Agent-noun endings of words the lexicon lacks ("fifth-graders", "protesters", "organizers"). */
const AGENT_PLURAL = /(?:er|or|ist|ian|ant|ent)s$/u;

/** Tags of words that keep their capital wherever they stand. */
const PROPER_TAGS = new Set([
  'ProperNoun',
  'Place',
  'City',
  'Country',
  'Region',
  'FirstName',
  'MaleName',
  'FemaleName',
  'LastName',
  'Person',
  'Organization',
  'Demonym',
  'Acronym',
  'WeekDay',
  'Month',
  'Holiday',
  'Date',
]);

const VERB_OR_FUNCTION_TAGS = new Set([
  'PastTense',
  'PresentTense',
  'Infinitive',
  'Gerund',
  'Modal',
  'Copula',
  'Determiner',
  'Preposition',
  'Conjunction',
  'Pronoun',
  'Adverb',
  'QuestionWord',
]);
const NOUN_OR_VERB_TAGS = new Set([
  'Infinitive',
  'PresentTense',
  'Singular',
  'Plural',
  'Noun',
  'Uncountable',
]);

/** Every fact about a word at once, remembered: a corpus asks about the same few thousand words again and again. */
const facts = new Map<string, number>();

function factsOf(word: string): number {
  const known = facts.get(word);
  if (known !== undefined) return known;
  const lower = word.toLowerCase();
  const bare = lower.replace(/\.$/u, '');
  const tags = tagsOf(lower);
  const has = (tag: string) => tags.includes(tag);
  let f = 0;
  if (has('FemaleName')) f |= FEMALE;
  else if (has('MaleName')) f |= MALE;
  if (['FemaleName', 'MaleName', 'FirstName', 'Person'].some(has)) f |= FIRST_NAME;
  if (['City', 'Country', 'Region', 'Place'].some(has) && !(f & FIRST_NAME)) f |= PLACE;
  if (has('Actor')) f |= ACTOR;
  // "Centers for Disease Control": the plural of an organisation word is one too.
  if (
    model.two.orgWords[bare] === true ||
    (bare.endsWith('s') && model.two.orgWords[bare.slice(0, -1)] === true)
  )
    f |= ORGANISATION_WORD;
  if (model.two.placeWords[bare] === true) f |= PLACE_WORD;
  // The list also holds words such as "no", "ex" and "ad", which do end sentences: trust it for those
  // only when the lexicon itself files the word as an abbreviation.
  if (
    model.one.abbreviations[lower] === true &&
    (tags.length === 0 || has('Abbreviation') || has('Honorific'))
  )
    f |= ABBREVIATION;
  if (tags.some((t) => VERB_OR_FUNCTION_TAGS.has(t))) f |= FUNCTION_OR_VERB;
  if (tags.length > 0 && tags.every((t) => NOUN_OR_VERB_TAGS.has(t))) f |= NOUN_OR_VERB;
  if (tags.length > 0) f |= KNOWN;
  if (tags.length > 0 && !tags.some((t) => PROPER_TAGS.has(t))) f |= COMMON;
  if (tags.some((t) => GRAMMAR_TAGS.has(t))) f |= GRAMMAR;
  if (!(f & ORGANISATION_WORD) && isPeoplePlural(bare, tags)) f |= PEOPLE_PLURAL;
  facts.set(word, f);
  return f;
}

/**
 * "teachers", "parents", "fifth-graders": a plural noun for people, from the lexicon's `Actor` nouns
 * (the plural itself, or its singular), or an agent noun the lexicon does not know at all.
 */
function isPeoplePlural(bare: string, tags: readonly string[]): boolean {
  if (tags.includes('Actor')) return tags.includes('Plural');
  if (tags.length > 0 || !bare.endsWith('s')) return false;
  const last = bare.slice(bare.lastIndexOf('-') + 1);
  const singular = last.endsWith('ies') ? `${last.slice(0, -3)}y` : last.slice(0, -1);
  const singularTags = tagsOf(singular);
  if (singularTags.length > 0) return singularTags.includes('Actor');
  return last.length > 4 && AGENT_PLURAL.test(last) && tagsOf(last).length === 0;
}

export type Gender = 'female' | 'male';

/** The gender a first name usually has ("Ana" → female), or undefined when the lexicon does not say. */
export function firstNameGender(word: string): Gender | undefined {
  const f = factsOf(word);
  return f & FEMALE ? 'female' : f & MALE ? 'male' : undefined;
}

/** "Grace", "Casey", "Jordan": a word people are called by, whatever its gender. */
export const isFirstName = (word: string) => (factsOf(word) & FIRST_NAME) !== 0;

/** Cities, countries, regions ("Salem", "Texas"): never a speaker, never what "he" stands for. */
export const isPlaceName = (word: string) => (factsOf(word) & PLACE) !== 0;

/** "ceo", "mayor", "director": nouns for what a person is (compromise's `Actor`). */
export const isActorNoun = (word: string) => (factsOf(word) & ACTOR) !== 0;

/** Words that end an organisation's name ("Department", "College", "Power", "Inc"). */
export const isOrganisationWord = (word: string) => (factsOf(word) & ORGANISATION_WORD) !== 0;

/** Words that end a place's name ("County", "Falls", "Street"). */
export const isPlaceWord = (word: string) => (factsOf(word) & PLACE_WORD) !== 0;

/** Abbreviations whose full stop does not end a sentence ("Tenn.", "Calif.", "Sgt.", "Blvd."). */
export const isAbbreviation = (word: string) => (factsOf(word) & ABBREVIATION) !== 0;

/** Words the lexicon files as verbs, determiners, prepositions…: never part of a name or a title. */
export const isFunctionOrVerb = (word: string) => (factsOf(word) & FUNCTION_OR_VERB) !== 0;

/** "finance", "weather": words the lexicon files as verbs that are nouns as often ("the weather service"). */
export const isNounOrVerb = (word: string) => (factsOf(word) & NOUN_OR_VERB) !== 0;

/** Whether the lexicon files the word at all ("consultancy" and most surnames it does not). */
export const isKnownWord = (word: string) => (factsOf(word) & KNOWN) !== 0;

/** A word the lexicon knows only as a common word ("junior", "retired"): its capital is the sentence's. */
export const isCommonWord = (word: string) => (factsOf(word) & COMMON) !== 0;

/** Determiners, pronouns, prepositions, conjunctions: grammar, never a name. */
export const isGrammarWord = (word: string) => (factsOf(word) & GRAMMAR) !== 0;

/** A plural noun for people ("teachers", "fifth-graders"): a group when it speaks. */
export const isPeoplePluralWord = (word: string) => (factsOf(word) & PEOPLE_PLURAL) !== 0;
