/**
 * Chat shorthand people type into Discord, spelled out. This is a table of English as it is typed in
 * chats, not of any article's words: it applies only where the corpus does not use the short form
 * itself (a corpus about "FM radio" keeps "fm").
 */
import { lookupTable } from '../corpus/lookupTable';

const SHORTHAND: Readonly<Record<string, string>> = lookupTable({
  abt: 'about',
  admin: 'administration',
  amb: 'ambassador',
  approx: 'approximately',
  b4: 'before',
  bc: 'because',
  bcuz: 'because',
  bday: 'birthday',
  bn: 'billion',
  btwn: 'between',
  asst: 'assistant',
  ceo: 'chief executive',
  cfo: 'chief financial officer',
  coo: 'chief operating officer',
  cto: 'chief technology officer',
  cuz: 'because',
  convo: 'conversation',
  convos: 'conversations',
  dept: 'department',
  diff: 'difference',
  dr: 'doctor',
  exec: 'executive',
  fm: 'foreign minister',
  gov: 'government',
  govt: 'government',
  govts: 'governments',
  hrs: 'hours',
  hr: 'hour',
  info: 'information',
  intl: 'international',
  mil: 'million',
  mins: 'minutes',
  min: 'minutes',
  mgr: 'manager',
  mgmt: 'management',
  natl: 'national',
  nuke: 'nuclear weapon',
  nukes: 'nuclear weapons',
  pct: 'percent',
  pm: 'prime minister',
  ppl: 'people',
  pres: 'president',
  prez: 'president',
  prob: 'probably',
  prof: 'professor',
  pts: 'points',
  rep: 'representative',
  ru: 'russia',
  sec: 'secretary',
  secy: 'secretary',
  sen: 'senator',
  tho: 'though',
  thru: 'through',
  tmrw: 'tomorrow',
  u: 'you',
  ur: 'your',
  uk: 'U.K.',
  un: 'United Nations',
  usa: 'U.S.',
  vp: 'vice president',
  vs: 'versus',
  wat: 'what',
  wut: 'what',
  yrs: 'years',
  yr: 'year',
});

/**
 * "us" is the pronoun unless it stands where a country does: "the us", "between us and russia",
 * "us-russia", "us officials" after a preposition is left alone (it could be either).
 */
const US_AS_COUNTRY =
  /\b(?:the|between|and|with|against|from) us\b(?![’']\w)|\bus(?= ?(?:-|and|&|vs\.?|versus) ?\p{L})/giu;

/** A run of letters and digits. */
export const LETTER_RUN = /[\p{L}\p{N}]+/gu;

/** A word that may be shorthand: a word inside another ("tl;dr": not "doctor") is not shorthand of its own. */
export const SHORTHAND_WORD = /(?<![\p{L}\p{N}'’.]|\p{L};)([\p{L}\p{N}]+)(?![\p{L}\p{N}'’]|\.\p{L})/gu;

/**
 * Spells out shorthand the corpus does not use as written. `usedByCorpus` says whether a lower-case
 * word is one of the corpus's own.
 */
export function expandShorthand(question: string, usedByCorpus: (word: string) => boolean): string {
  // SHORTHAND_WORD only ever matches whole runs of letters and digits: when none of them is shorthand
  // (nearly every question), it would change nothing, and it is the slower pattern of the two.
  const anyShorthand = (question.match(LETTER_RUN) ?? []).some((run) => SHORTHAND[run.toLowerCase()]);
  const spelled = !anyShorthand
    ? question
    : question.replace(SHORTHAND_WORD, (word) => {
        const lower = word.toLowerCase();
        const long = SHORTHAND[lower];
        return long && !usedByCorpus(lower) ? long : word;
      });
  return spelled.replace(US_AS_COUNTRY, (match) => match.replace(/us$/iu, 'U.S.').replace(/^us\b/iu, 'U.S.'));
}
