/**
 * Everything attribution asks about a word, as one bit set computed once per distinct word: a corpus
 * of 1,000 articles asks about the same few thousand words millions of times, and a bit test is the
 * cheapest answer. The facts come from compromise's lexicon (lexicon.ts) and the closed word classes
 * of attribution (attributionWords.ts).
 */
import {
  BETWEEN_SUBJECT_AND_VERB,
  COMPANY_NOUNS,
  COURTESY_TITLES,
  DOCUMENT_NOUNS,
  DOCUMENT_VERBS,
  GENERIC_ROLE_WORDS,
  GROUP_NOUNS,
  MORE_ORGANISATION_WORDS,
  NEVER_NAMES,
  POSSESSIVE_PRONOUNS,
  PRONOUNS,
  RANK_ABBREVIATIONS,
  SPEECH_VERBS,
  TITLE_WORDS,
} from './attributionWords';
import {
  isActorNoun,
  isFirstName,
  isFunctionOrVerb,
  isGrammarWord,
  isKnownWord,
  isNounOrVerb,
  isOrganisationWord,
  isPeoplePluralWord,
  isPlaceName,
  isPlaceWord,
} from './lexicon';
import { isOrganisationNoun, isWordNetNoun } from './personNouns';

export const W = {
  TITLE: 1 << 0,
  ORGANISATION: 1 << 1,
  GROUP: 1 << 2,
  NEVER_NAME: 1 << 3,
  FUNCTION_OR_VERB: 1 << 4,
  NOUN_OR_VERB: 1 << 5,
  FIRST_NAME: 1 << 6,
  PLACE_WORD: 1 << 7,
  PLACE_NAME: 1 << 8,
  SPEECH_VERB: 1 << 9,
  DOCUMENT: 1 << 10,
  BETWEEN: 1 << 11,
  COURTESY: 1 << 12,
  RANK: 1 << 13,
  GENERIC: 1 << 14,
  PRONOUN: 1 << 15,
  DIGIT: 1 << 16,
  STRICT_TITLE: 1 << 17,
  POSSESSIVE_PRONOUN: 1 << 18,
  /** A noun that says what an organisation is: "company", "firm", or any word the lexicon does not know. */
  DESCRIPTOR: 1 << 19,
  DOCUMENT_VERB: 1 << 20,
  /** Determiners, pronouns, prepositions, conjunctions (the lexicon's). */
  GRAMMAR: 1 << 21,
} as const;

const classes = new Map<string, number>();

/** Both parts of a closed compound are words of their own at least this long ("council" + "member"). */
const COMPOUND_PART_MIN = 5;

/**
 * "Councilmember", "assemblymember": one word made of a noun and a title, a title by its last part, as
 * "vice-chair" is by its hyphen's. Short parts are left out: "Newman", "Whitehead" and "Wainwright"
 * are surnames.
 */
function isCompoundTitle(bare: string): boolean {
  for (let cut = COMPOUND_PART_MIN; cut <= bare.length - COMPOUND_PART_MIN; cut++) {
    if (TITLE_WORDS.has(bare.slice(cut)) && isWordNetNoun(bare.slice(0, cut))) return true;
  }
  return false;
}

/** The bit set of a lower-case word ("sgt." and "sgt" alike). */
export function classify(lower: string): number {
  const known = classes.get(lower);
  if (known !== undefined) return known;
  const bare = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  let f = 0;
  const rank = RANK_ABBREVIATIONS[bare] !== undefined;
  const courtesy = COURTESY_TITLES.has(bare);
  // "Secretary-General", "vice-chair": a hyphenated title is one by its last part.
  const hyphen = bare.lastIndexOf('-');
  const head = hyphen > 0 ? bare.slice(hyphen + 1) : bare;
  const title =
    TITLE_WORDS.has(bare) ||
    TITLE_WORDS.has(head) ||
    isActorNoun(bare) ||
    (hyphen > 0 && isActorNoun(head)) ||
    isCompoundTitle(bare);
  if (title || rank || courtesy) f |= W.TITLE;
  if (title || rank) f |= W.STRICT_TITLE;
  if (rank) f |= W.RANK;
  if (courtesy) f |= W.COURTESY;
  if (isOrganisationWord(bare) || MORE_ORGANISATION_WORDS.has(bare) || isOrganisationNoun(bare))
    f |= W.ORGANISATION;
  if (GROUP_NOUNS.has(bare) || isPeoplePluralWord(bare)) f |= W.GROUP;
  const grammar = isGrammarWord(bare);
  if (grammar) f |= W.GRAMMAR;
  if (NEVER_NAMES.has(bare) || grammar) f |= W.NEVER_NAME;
  if (isFunctionOrVerb(bare)) f |= W.FUNCTION_OR_VERB;
  if (isNounOrVerb(bare)) f |= W.NOUN_OR_VERB;
  if (isFirstName(bare)) f |= W.FIRST_NAME;
  if (isPlaceWord(bare)) f |= W.PLACE_WORD;
  if (isPlaceName(bare)) f |= W.PLACE_NAME;
  if (SPEECH_VERBS.has(bare)) f |= W.SPEECH_VERB;
  if (DOCUMENT_VERBS.has(bare)) f |= W.DOCUMENT_VERB;
  if (DOCUMENT_NOUNS.has(bare)) f |= W.DOCUMENT;
  if (BETWEEN_SUBJECT_AND_VERB.has(bare)) f |= W.BETWEEN;
  if (GENERIC_ROLE_WORDS.has(bare)) f |= W.GENERIC;
  if (PRONOUNS[bare] !== undefined) f |= W.PRONOUN;
  if (POSSESSIVE_PRONOUNS.has(bare)) f |= W.POSSESSIVE_PRONOUN;
  if (COMPANY_NOUNS.has(bare) || (f & W.ORGANISATION) !== 0 || (!isKnownWord(bare) && !bare.endsWith('s')))
    f |= W.DESCRIPTOR;
  const first = bare.charCodeAt(0);
  if (first >= 48 && first <= 57) f |= W.DIGIT;
  classes.set(lower, f);
  return f;
}
