/**
 * A speaker's role as the article gives it, tidied the way a byline-style "Jane Roe, senator" needs:
 * courtesy titles dropped ("Dr."), office abbreviations spelt out ("State Sen." → "state senator"),
 * a title made of common words lower-cased ("Fire Chief" → "fire chief", but "White House spokesman"
 * as written), and in appositives the article, the age and the relative clause left out
 * ("a 27-year-old graduate student who found it" → "graduate student").
 */
import { RANK_ABBREVIATIONS } from './attributionWords';
import { isPersonNoun } from './personNouns';
import { flagsOf, type Token } from './tokens';
import { classify, W } from './wordClass';

const bare = (token: Token) => token.lower.replace(/\.$/u, '');

/**
 * A word for what a person is: a title ("mayor", "Sgt."), compromise's `Actor` nouns, or (in lower
 * case, where a surname such as "Cook" cannot be meant) a noun whose first sense WordNet files under
 * persons ("guard", "linebacker").
 */
export const isTitleWord = (token: Token) =>
  (flagsOf(token) & W.TITLE) !== 0 ||
  (token.word && !token.capitalised && (flagsOf(token) & W.GRAMMAR) === 0 && isPersonNoun(token.lower));

export const isCourtesyTitle = (token: Token) => (flagsOf(token) & W.COURTESY) !== 0;

/** The words before a name ("Paylinx CEO", "Detective Sgt.") as a role, or undefined if only "Dr." is left. */
export function titleRole(text: string, tokens: Token[]): string | undefined {
  const kept = tokens.filter((t) => t.word && !isCourtesyTitle(t) && !['the', 'a', 'an'].includes(t.lower));
  // "Fellow board member Doug Hanlon": a board member, like someone named before.
  if (kept.length > 1 && kept[0]?.lower === 'fellow') kept.shift();
  if (kept.length === 0) return undefined;
  // Lower case for a role of common words with one head ("Fire Chief", "State Sen.", "Company
  // spokesman"); "White House spokesman" and "Assistant State’s Attorney" keep the article's capitals.
  const heads = kept.filter((t) => (flagsOf(t) & W.GENERIC) === 0);
  const common = heads.length <= 1 && heads.every((t) => (flagsOf(t) & W.STRICT_TITLE) !== 0);
  const first = kept[0] as Token;
  const last = kept[kept.length - 1] as Token;
  if (!common && !kept.some((t) => (flagsOf(t) & W.RANK) !== 0))
    return singular(text.slice(first.start, last.end));
  return singular(
    kept
      .map((t) => {
        const rank = RANK_ABBREVIATIONS[bare(t)];
        const word = rank ?? text.slice(t.start, t.end);
        // Spelling out "Detective Sgt." turns the title into prose: "detective sergeant".
        return common || rank || (flagsOf(t) & W.STRICT_TITLE) !== 0 ? word.toLowerCase() : word;
      })
      .join(' '),
  );
}

/**
 * "board members Marisol Quintavalle and Dexter Hollingbrook": a title in the plural names a list, and
 * each person on it is one ("board member"). Only a plain "-s" comes off, and only when what is left is
 * a title ("members" → "member"; "Ross", "bus" and "coaches" stay).
 */
function singular(role: string): string {
  const cut = role.lastIndexOf(' ') + 1;
  const head = role.slice(cut);
  if (!/[^su]s$/u.test(head)) return role;
  const one = head.slice(0, -1);
  return (classify(one.toLowerCase()) & W.STRICT_TITLE) !== 0 ? role.slice(0, cut) + one : role;
}

/** Forms of "to be" after "who": "who is", "who has been", "who will be". */
const COPULAS: ReadonlyArray<readonly string[]> = [
  ['has', 'been'],
  ['had', 'been'],
  ['will', 'be'],
  ['is'],
  ['was'],
  ['are'],
  ['were'],
];
/** Words after which a description turns into a sentence of its own: "since 2009", "and will stay". */
const TIME_PREPOSITIONS = new Set(['since', 'until', 'till']);
const PREPOSITIONS = new Set(['at', 'in', 'on', 'by', 'for', 'from', 'with', 'to', 'near']);

/**
 * Where a description stops being a role: at a second clause ("… chief scientist and a deep-sea
 * ecologist", "and will stay on as …"), a participle that says something of the person ("ranked 142nd
 * in the world", "ranked No. 6", "based at Lakeport"), or a time ("since 2009").
 */
function endOfDescription(tokens: Token[], from: number, to: number): number {
  for (let i = from + 1; i < to; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    if (TIME_PREPOSITIONS.has(t.lower)) return i;
    if (t.lower === 'and' && next && ['a', 'an', 'the', 'will', 'has', 'is', 'was'].includes(next.lower))
      return i;
    if (
      i > from &&
      /^\p{Ll}+ed$/u.test(t.text) &&
      next &&
      (PREPOSITIONS.has(next.lower) || /^(?:\d|no\.$)/u.test(next.lower))
    )
      return i;
  }
  return to;
}

/** Where a "who" clause stops being about the person: at a second clause ("and was …") or another relative one ("who spoke"). */
function endOfClause(tokens: Token[], from: number, to: number): number {
  for (let i = from + 1; i < to; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    if (['who', 'which', 'that', 'where'].includes(t.lower)) return i;
    if (t.lower === 'and' && next && ['a', 'an', 'the', 'will', 'has', 'is', 'was'].includes(next.lower))
      return i;
  }
  return to;
}

/**
 * An appositive after (or before) a name, ", a pediatric nurse at St. Brendan’s," → "pediatric nurse at
 * St. Brendan’s". `who` tells a bare relative clause ("who runs the county’s immunization program"),
 * which is a weaker role than a noun.
 */
export function appositiveRole(text: string, tokens: Token[]): { role: string; who: boolean } | undefined {
  let from = 0;
  let to = tokens.length;
  const at = (i: number) => tokens[i] as Token;
  let who = false;
  let verbPhrase = false;
  if (from < to && at(from).lower === 'who') {
    who = true;
    from++;
    // "who has been chief executive since 2009": the copula says what they are, not the role.
    const copula = COPULAS.find((words) => words.every((w, k) => at(from + k)?.lower === w));
    if (copula) from += copula.length;
    // "who has led the agency since 2019": a verb phrase, said whole.
    else verbPhrase = true;
  } else if (from < to && ['which', 'whose', 'where', 'that'].includes(at(from).lower)) {
    return undefined; // "whose side had beaten the Gulls" says nothing of what Silva is
  } else {
    // "Paul Hendricks, 61, has been chief executive since 2009": the predicate names the role.
    const copula = COPULAS.find((words) => words.every((w, k) => at(from + k)?.lower === w));
    if (copula) from += copula.length;
    // "its chief technology officer": the role, without whose it is.
    if (from < to && ['a', 'an', 'its', 'his', 'her', 'their'].includes(at(from).lower)) from++;
    else if (from < to && at(from).lower === 'the' && !(at(from + 1)?.possessive ?? false)) from++;
    if (from < to && /^\d+-year-old$/u.test(at(from).lower)) from++;
    // "a fellow board member": what the person is, not that someone else named is one too.
    if (from + 1 < to && at(from).lower === 'fellow' && at(from + 1).word) from++;
    // "a three-term council member who represents the east side": the noun is the role.
    const clause = tokens.findIndex(
      (t, i) => i > from && ['who', 'which', 'whose', 'that', 'where'].includes(t.lower),
    );
    if (clause > 0) to = clause;
    // "a rookie goalkeeper from Bangor": where someone comes from is not what they are.
    const fromPlace = tokens.findIndex((t, i) => i > from && i < to && t.lower === 'from');
    if (fromPlace > 0 && tokens.slice(fromPlace + 1, to).every((t) => t.capitalised || !t.word))
      to = fromPlace;
    // "a threat analyst at Redline Security in Dallas": the organisation named, where its office is
    // says nothing more ("a meteorologist with the weather service in Portland" needs it).
    const inPlace = tokens.findIndex((t, i) => i > from + 1 && i < to && t.lower === 'in');
    if (
      inPlace > 0 &&
      at(inPlace - 1).capitalised &&
      tokens.slice(inPlace + 1, to).every((t) => t.capitalised || !t.word)
    )
      to = inPlace;
  }
  // "who has owned Penhallow Hardware since 1994 and was one of 31 people who spoke …": the clause,
  // its time included, says what the person does up to a second clause or another relative clause.
  to = Math.min(to, verbPhrase ? endOfClause(tokens, from, to) : endOfDescription(tokens, from, to));
  if (to <= from) return undefined;
  const first = at(from);
  // "3-6" after a name is a score; a role is words.
  if (!/\p{L}/u.test(text.slice(first.start, at(to - 1).end))) return undefined;
  const last = at(to - 1);
  // ", Texas," is where someone is from; "a Parkside parent" is what they are.
  if (!first.word || (!who && from === 0 && (flagsOf(first) & W.PLACE_NAME) !== 0)) return undefined;
  return { role: text.slice(first.start, last.end).replace(/[\s,]+$/u, ''), who };
}
