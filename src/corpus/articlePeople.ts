/**
 * Who an article names and where: its people (full name, gender, role) and organisations, and each
 * mention in text order. Short forms are read against it ("Park" → "Lena Park", "Norland" → "Norland
 * Industrial Group", "the weather service" → "the National Weather Service"), and so are pronouns: "she"
 * is the nearest woman (or person of unknown gender) named before it in the passage or the one before,
 * never a place or an organisation; "it" is an organisation; "they" a group or an organisation.
 */

import { COMPANY_NOUNS } from './attributionWords';
import { firstNameGender, type Gender, isCommonWord, isOrganisationWord, isPlaceName } from './lexicon';
import { shareGroupSense } from './personNouns';
import { type Reading, untitledWithoutFirstName } from './phrases';
import { classify, W } from './wordClass';

export interface Person {
  kind: 'person';
  name: string;
  gender?: Gender;
  /** The first role the article gives them as a noun or title ("city engineer"). */
  role?: string;
  /** A bare relative clause, used only when no noun role exists ("runs the county’s program"). */
  weakRole?: string;
  votes: { female: number; male: number };
}

/** A sentence of a passage, by its offsets in the passage's text. */
interface SentenceAt {
  passage: number;
  start: number;
  end: number;
}

export interface Organisation {
  kind: 'organisation';
  name: string;
  /** What the article says it is ("an Austin-based payroll software company"). */
  description?: string;
}

export interface Group {
  kind: 'group';
  name: string;
}

export type Entity = Person | Organisation | Group;

export interface Mention {
  passage: number;
  offset: number;
  entity: Entity;
  /** It is who speaks in its sentence: a "he said" after it goes on with them more often than not. */
  spoke?: boolean;
}

export interface LocalRole {
  role?: string;
  weakRole?: string;
}

const surnameOf = (name: string) => name.split(' ').pop() ?? name;

export class ArticlePeople {
  private readonly people = new Map<string, Person>();
  private readonly bySurname = new Map<string, Person>();
  private readonly byFirstName = new Map<string, Person>();
  private readonly organisations: Organisation[] = [];
  /** Mentions per passage, in text order. */
  readonly mentions: Mention[][] = [];

  /** Registers a person by the name the article gives ("Priya Raman"); "Raman" alone is the same person. */
  person(name: string, role: LocalRole = {}, gender?: Gender): Person {
    let person = this.people.get(name) ?? (name.includes(' ') ? undefined : this.bySurname.get(name));
    if (!person) {
      person = { kind: 'person', name, votes: { female: 0, male: 0 } };
      this.people.set(name, person);
      if (name.includes(' ')) {
        // "Ruth Pruitt … her son, Daniel Pruitt … Pruitt says": the surname alone is the person the
        // article named first; the other goes by the first name ("Daniel says").
        if (!this.bySurname.has(surnameOf(name))) this.bySurname.set(surnameOf(name), person);
        const first = name.split(' ')[0] ?? name;
        if (!this.byFirstName.has(first)) this.byFirstName.set(first, person);
        // "That was how Gene Castellano put it. Castellano, the meet director, …": the role the
        // surname was given is the full name's.
        const lone = this.people.get(surnameOf(name));
        if (lone?.kind === 'person' && lone !== person) {
          if (lone.role) person.role = lone.role;
          if (lone.weakRole) person.weakRole = lone.weakRole;
        }
      }
    }
    person.gender ??= gender ?? firstNameGender(person.name.split(' ')[0] ?? person.name);
    if (role.role && !person.role) person.role = role.role;
    if (role.weakRole && !person.weakRole) person.weakRole = role.weakRole;
    return person;
  }

  organisation(name: string, description?: string): Organisation {
    const key = name.replace(/^the /u, '').toLowerCase();
    // "Polar Point" after "Polar Point Logistics": the short form of a name the article gave in full.
    const known =
      this.organisations.find((o) => o.name.replace(/^the /u, '').toLowerCase() === key) ??
      this.organisations.find((o) => o.name.replace(/^the /u, '').toLowerCase().startsWith(`${key} `));
    if (known) {
      known.description ??= description;
      return known;
    }
    const full = this.fullForms.find((f) => f.toLowerCase().startsWith(`${key} `));
    const organisation: Organisation = {
      kind: 'organisation',
      name: full ?? name,
      ...(description ? { description } : {}),
    };
    this.organisations.push(organisation);
    return organisation;
  }

  /** Capitalised names the article gives that nothing told the kind of ("Polar Point Logistics"). */
  private readonly fullForms: string[] = [];

  /** `opening`: the name opens this sentence (its offsets in this passage), as its subject. */
  fullForm(name: string, opening?: SentenceAt): void {
    if (!this.fullForms.includes(name)) this.fullForms.push(name);
    if (opening) this.sentenceSubjects.push({ ...opening, name });
  }
  /** Names given in full that open their sentence. */
  private readonly sentenceSubjects: Array<SentenceAt & { name: string }> = [];

  /** The name given in full that opens the sentence holding `offset` (after its dateline, if any). */
  private subjectOf(passage: number, offset: number): string | undefined {
    for (let k = this.sentenceSubjects.length - 1; k >= 0; k--) {
      const s = this.sentenceSubjects[k] as SentenceAt & { name: string };
      if (s.passage === passage && s.start <= offset && offset < s.end) return s.name;
    }
    return undefined;
  }

  /** "Park" → the person whose surname it is; "Rosa" → the person first-named so; "Norland" → the organisation. */
  lookUp(word: string): Entity | undefined {
    const person = this.bySurname.get(word) ?? this.people.get(word);
    if (person) return person;
    const organisation = this.organisations.find(
      (o) => o.name.replace(/^the /iu, '').split(' ')[0] === word && o.name.includes(' '),
    );
    return organisation ?? this.byFirstName.get(word) ?? this.fullName(word);
  }

  /**
   * "Chinedu Okafor scored 31 points … Okafor said": a two-word name the lexicon could not tell was a
   * person's (no known first name, nothing said about them), whose surname is now used alone.
   */
  private fullName(surname: string): Person | undefined {
    const full = this.fullForms.find((f) => {
      const [first, last, more] = f.split(' ');
      return (
        more === undefined &&
        last === surname &&
        first !== undefined &&
        !isCommonWord(first) &&
        !isPlaceName(first) &&
        !isOrganisationWord(first)
      );
    });
    return full ? this.person(full) : undefined;
  }

  /** The organisation mentioned last before `offset` in this passage or the one before. */
  lastOrganisation(passage: number, offset: number): Organisation | undefined {
    const here = (this.mentions[passage] ?? []).filter((m) => m.offset < offset);
    const candidates = [...(this.mentions[passage - 1] ?? []), ...here];
    for (let k = candidates.length - 1; k >= 0; k--) {
      const entity = (candidates[k] as Mention).entity;
      if (entity.kind === 'organisation') return entity;
    }
    return undefined;
  }

  /**
   * "the weather service" → the organisation whose name holds those words, else the latest one
   * described so, else (not `strict`) the organisation named last before it (`before`, nearest last).
   */
  reference(
    phrase: string,
    before: Mention[],
    strict = false,
    at?: { passage: number; offset: number },
  ): Organisation | undefined {
    const words = phrase.toLowerCase().replace(/^the /u, '');
    const named = this.organisations.find((o) => o.name.toLowerCase().includes(words));
    if (named) {
      // "according to the league", after "the North Prairie Hockey League’s Western Division": the
      // league, which owns the division.
      const lower = named.name.toLowerCase();
      const owner = Math.max(lower.indexOf(` ${words}’s `), lower.indexOf(` ${words}'s `));
      return owner > 0 ? this.organisation(named.name.slice(0, owner + 1 + words.length)) : named;
    }
    // "the university said", after "researchers at Western Prairie University": a name the article
    // gave in full, with nothing said of what it is, whose last word is the one used.
    const headed = this.fullForms.filter(
      (f) => /^\p{Lu}/u.test(f.slice(f.length - words.length)) && f.toLowerCase().endsWith(` ${words}`),
    );
    if (headed.length === 1) return this.organisation(headed[0] as string);
    const described = this.organisations.filter((o) =>
      o.description ? holdsWords(o.description.toLowerCase(), words) : false,
    );
    if (described.length > 0) return described[described.length - 1];
    // "the league", after "the Lakeshore Athletic Conference": a name ending in another word WordNet
    // files in one group sense with it.
    if (!words.includes(' ')) {
      const synonym = [...this.fullForms, ...this.organisations.map((o) => o.name)].filter((f) => {
        const last = f.split(' ').pop() ?? '';
        return (
          /^\p{Lu}/u.test(last) && last.toLowerCase() !== words && shareGroupSense(words, last.toLowerCase())
        );
      });
      if (new Set(synonym).size === 1) return this.organisation(synonym[0] as string);
    }
    if (words.includes(' ') || strict) return undefined; // "the city finance office" is its own name
    // "the company said": the organisation that has spoken, nearest first, before one only named
    // ("Existing investors Cardinal Climate Fund and Tarheel Capital …, according to the company").
    const near: Organisation[] = [];
    for (let k = before.length - 1; k >= 0; k--) {
      const entity = (before[k] as Mention).entity;
      if (entity.kind === 'organisation' && mayBeCalled(entity, words)) near.push(entity);
    }
    const lastSpoken = this.lastSpeakingOrganisation;
    const organisation =
      near.find((o) => this.spoken.has(o)) ??
      (lastSpoken && mayBeCalled(lastSpoken, words) ? lastSpoken : undefined);
    if (organisation) return organisation;
    // "Ardent Foods … will buy the Pellmore Markets chain …, the company announced", "Corvane
    // Appliances will close its plant …, the company said": the name given in full that opens the
    // sentence, before an organisation named later in it.
    const full = at ? this.subjectOf(at.passage, at.offset) : undefined;
    if (full) return near.find((o) => o.name === full) ?? this.organisation(full);
    return near[0];
  }

  /** Organisations that have spoken so far, and the last of them. */
  private readonly spoken = new Set<Organisation>();
  private lastSpeakingOrganisation: Organisation | undefined;

  /** Called as attribution reads the article in order: `entity` speaks here. */
  spoke(entity: Entity): void {
    if (entity.kind !== 'organisation') return;
    this.spoken.add(entity);
    this.lastSpeakingOrganisation = entity;
  }

  /**
   * "the board president", "the quarterback" → the person the article gave that role, the one
   * mentioned last before `offset` when several have it ("the coach").
   */
  byRole(phrase: string, passage: number, offset: number): Person | undefined {
    const words = phrase
      .toLowerCase()
      .replace(/^the /u, '')
      .split(' ')
      .filter((w) => w !== '');
    const head = words[words.length - 1];
    if (!head) return undefined;
    const fits = (e: Entity): e is Person => {
      if (e.kind !== 'person') return false;
      const role = (e.role ?? e.weakRole)?.toLowerCase().replace(/[’']s\b/gu, '');
      if (!role) return false;
      const have = role.split(/[\s,]+/u);
      return have.includes(head) && words.every((w) => have.includes(w.replace(/[’']s$/u, '')));
    };
    for (let p = passage; p >= 0; p--) {
      const list = this.mentions[p] ?? [];
      for (let k = list.length - 1; k >= 0; k--) {
        const m = list[k] as Mention;
        if (p === passage && m.offset >= offset) continue;
        if (fits(m.entity)) return m.entity;
      }
    }
    const all = [...this.people.values()].filter(fits);
    return all.length === 1 ? all[0] : undefined;
  }

  /** Documents the article cited and who made them ("a report … by Meridian" → "the report"). */
  readonly documents = new Map<string, Entity>();

  /** "the report", "its filing" → whoever made the last document of that kind the article cited. */
  document(phrase: string): Entity | undefined {
    const head = phrase.toLowerCase().split(' ').pop() ?? '';
    return this.documents.get(head);
  }

  mention(passage: number, offset: number, entity: Entity, spoke = false): void {
    const list = this.mentions[passage] ?? [];
    this.mentions[passage] = list;
    // Mentions mostly arrive in text order; a speaker found later goes in its place.
    let at = list.length;
    while (at > 0 && (list[at - 1] as Mention).offset > offset) at--;
    list.splice(at, 0, spoke ? { passage, offset, entity, spoke } : { passage, offset, entity });
  }

  /** Who a pronoun at `offset` of passage `passage` stands for: the nearest fitting mention before it. */
  pronoun(pronoun: 'he' | 'she' | 'they' | 'it', passage: number, offset: number): Entity | undefined {
    const here = (this.mentions[passage] ?? []).filter((m) => m.offset < offset).reverse();
    const before = [...(this.mentions[passage - 1] ?? [])].reverse();
    const candidates = [...here, ...before].map((m) => m.entity);
    if (pronoun === 'it') return candidates.find((e) => e.kind === 'organisation');
    if (pronoun === 'they') {
      const plural = (e: Entity) => e.kind === 'group' || e.kind === 'organisation';
      const singular = (e: Entity) => e.kind === 'person' && genderOf(e) === undefined;
      // "Shopper Jordan Ellery … was less sure. “…,” they said.": the person this passage names, before
      // a group the one before it named.
      const inPassage = here.map((m) => m.entity);
      return (
        inPassage.find(plural) ??
        inPassage.find(singular) ??
        candidates.find(plural) ??
        candidates.find(singular)
      );
    }
    const wanted: Gender = pronoun === 'she' ? 'female' : 'male';
    const fits = (e: Entity) => e.kind === 'person' && (genderOf(e) ?? wanted) === wanted;
    // "Benavides said he had gone over the data with Farrow. Still, he cautioned …": the one who
    // spoke earlier in the passage, before someone only named after them.
    // The same holds a paragraph back: "Cyrus Tremaine, … Tallowmere’s first hire, said he …" then
    // "“…,” he said." is Tremaine, not the company named after him.
    return (
      here.find((m) => m.spoke && fits(m.entity))?.entity ??
      here.find((m) => fits(m.entity))?.entity ??
      before.find((m) => m.spoke && fits(m.entity))?.entity ??
      candidates.find(fits)
    );
  }

  /** The entity a phrase names, read against the article; undefined when it names nobody. */
  resolve(
    reading: Reading,
    passage: number,
    local: LocalRole & { organisational?: boolean },
  ): Entity | undefined {
    switch (reading.kind) {
      case 'pronoun':
        return this.pronoun(reading.pronoun, passage, reading.start);
      case 'person': {
        // "Polar Point said", after "Polar Point Logistics": no first name, no title, and the start of
        // a longer name the article gave.
        if (untitledWithoutFirstName(reading)) {
          // "Skylark Air, the regional carrier, said": what the appositive says it is.
          if (local.organisational) return this.organisation(reading.name, local.role);
          const key = `${reading.name.toLowerCase()} `;
          const known = this.organisations.find((o) =>
            o.name.replace(/^the /u, '').toLowerCase().startsWith(key),
          );
          if (known) return known;
          if (this.fullForms.some((f) => f.toLowerCase().startsWith(key)))
            return this.organisation(reading.name);
        }
        return this.person(reading.name, local, reading.gender);
      }
      case 'organisation':
        return this.organisation(reading.name, reading.description);
      case 'group':
        return { kind: 'group', name: reading.name };
      case 'reference': {
        // Unknown to the article ("according to the ministry"): the phrase itself names who speaks.
        const here = (this.mentions[passage] ?? []).filter((m) => m.offset < reading.start);
        const found = this.reference(
          reading.name,
          (this.mentions[passage - 1] ?? []).concat(here),
          reading.strict,
          { passage, offset: reading.start },
        );
        return found ?? (reading.strict ? undefined : this.organisation(reading.name));
      }
      case 'role': {
        const person = this.byRole(reading.name, passage, reading.start);
        if (person || !reading.organisation) return person;
        const here = (this.mentions[passage] ?? []).filter((m) => m.offset < reading.start);
        return this.reference(reading.name, (this.mentions[passage - 1] ?? []).concat(here), true);
      }
      case 'document':
        return this.document(reading.name);
      case 'single': {
        const known = this.lookUp(reading.name);
        if (known) return known;
        if (local.organisational) return this.organisation(reading.name, local.role);
        return this.person(reading.name, local);
      }
    }
  }
}

/** Whether `text` holds `words` as whole words ("investment firm" holds "firm"). */
function holdsWords(text: string, words: string): boolean {
  const at = text.indexOf(words);
  if (at < 0) return false;
  const before = text.charAt(at - 1);
  const after = text.charAt(at + words.length);
  return (before === '' || before === ' ') && (after === '' || after === ' ');
}

/** The lexicon's gender for the first name, else what the article's own pronouns say about them. */
export function genderOf(person: Person): Gender | undefined {
  if (person.gender) return person.gender;
  const { female, male } = person.votes;
  if (female > male) return 'female';
  if (male > female) return 'male';
  return undefined;
}

/** Words that end what a description says an organisation is ("developer of community solar farms"). */
const DESCRIPTION_HEAD_END = /\s(?:of|for|in|at|with|based|that|which|who)\s.*$/u;

/**
 * What kind of body an organisation is, where the article says: its description's head ("family-owned
 * grocery chain" → "chain") or an organisation word ending its name ("Harwick State University").
 */
function kindOf(organisation: Organisation): string | undefined {
  const description = organisation.description?.toLowerCase().replace(DESCRIPTION_HEAD_END, '');
  const head = description?.split(' ').pop();
  if (head) return head;
  const last = organisation.name.split(' ').pop()?.toLowerCase() ?? '';
  return (classify(last) & W.ORGANISATION) !== 0 ? last : undefined;
}

/**
 * Whether "the union", "the league" may be this organisation: a business word ("the company", "the
 * agency") may be any, a word for another kind of body may not ("the union" is not a grocery chain,
 * "the league" not a university), and a body of unknown kind may be anything.
 */
function mayBeCalled(organisation: Organisation, words: string): boolean {
  if (COMPANY_NOUNS.has(words)) return true;
  const kind = kindOf(organisation);
  return kind === undefined || kind === words || kind === `${words}s`;
}
