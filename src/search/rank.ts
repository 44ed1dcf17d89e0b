import Fuse from 'fuse.js';
import type { Passage } from '../corpus/types';
import { type AnswerKind, asksAboutSpeech, asksWhoSaid, questionKinds } from './cues';
import { CONTEXT_WEIGHT, type PassageIndex } from './passageIndex';
import type { MatchKind, QueryWord } from './queryTerms';

/** BM25's usual constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;
/** How much holding the wanted kind of answer is worth, as a share of the rarest word's weight. */
const KIND_BONUS: Record<AnswerKind, number> = {
  duration: 0.9,
  time: 0.7,
  place: 0.45,
  person: 0.25,
  organization: 0.6,
  quantity: 0.45,
  reason: 0.45,
};
/** A passage that holds no answer of the wanted kind ("how long" and no duration) keeps this share of its score. */
const KIND_MISSING_FACTOR = 0.65;
/** A passage under a question-shaped heading asking the same kind of thing ("Why is … important?"). */
const SECTION_KIND_BONUS = 0.3;
/** In "what did X say" questions, passages that are not X's own words keep this share of their score. */
const NOT_THE_SPEAKER_FACTOR = 0.5;
/** …and X's own words gain this share of the rarest word's weight. */
const SPEAKER_BONUS = 0.5;
/** "Who said …": any passage with a named speaker gains this share. */
const WHO_SAID_BONUS = 0.3;
/** A passage covering none of the question keeps this share of its score; covering all of it, 1.5×. */
const COORD_BASE = 0.5;
/** Coverage kept by a passage that does not name what a "what is the X of …" question asks about. */
const MISSING_FOCUS_FACTOR = 0.4;
/** Share of an ordinary word's weight that a heading asking the same kind of question ("Why …?") covers. */
const SECTION_KIND_COVERAGE = 0.5;
/** The setting of an event (where, when, how long) is often told in the next paragraph. */
const SETTING_KINDS: ReadonlySet<AnswerKind> = new Set(['place', 'time', 'duration']);
/** Share of a passage's score lent to a neighbour holding the kind of answer it lacks. */
const NEIGHBOUR_SHARE = 0.5;
/** fuse.js's own fuzzy score of the candidates, as a share of the rarest word's weight. */
const FUSE_SHARE = 0.35;
const CANDIDATES_FOR_FUSE = 12;
/** How much a weaker match counts toward covering the question (a synonym nearly answers for the word). */
const COVERAGE_CREDIT: Record<MatchKind, number> = {
  exact: 1,
  typo: 1,
  synonym: 0.8,
  broader: 0.45,
  related: 0.2,
};

export interface RankedPassage {
  passageId: number;
  score: number;
  /** Share of the question's weight the passage covers, in [0, 1]: the confidence that it answers. */
  coverage: number;
  /** Index terms that matched (for highlighting). */
  matchedTerms: Set<string>;
}

export interface RankInput {
  question: string;
  queryWords: QueryWord[];
  index: PassageIndex;
  /** Only passages for which this holds (one article). */
  filter?: (passageId: number) => boolean;
  passages: readonly Passage[];
}

export function rankPassages({ question, queryWords, index, filter, passages }: RankInput): RankedPassage[] {
  if (queryWords.length === 0) return [];
  const maxIdf = index.idf('\u0000');
  const kinds = questionKinds(question);
  // The kind of answer asked for ("how long") is part of the question: a passage holding it covers that
  // part. Names and reasons are too common in news to say much.
  const telling = kinds.filter((k) => k !== 'person' && k !== 'reason');
  const kindImportance = telling.length > 0 ? index.typicalIdf : 0;
  const wordImportance = queryWords.reduce((sum, w) => sum + w.importance, 0);
  const totalImportance = wordImportance + kindImportance;

  const namedSpeakers = asksAboutSpeech(question) ? speakersNamed(queryWords, index) : new Set<string>();
  /** In "what did X say", X's name as the passage's speaker is as good as X's name in its text. */
  const speaksHere = (pid: number) =>
    namedSpeakers.has(passages[pid]?.speaker ?? '') && passages[pid]?.speakerVia === 'speech';

  const { perPassage, namesFocus } = matchWords(queryWords, index, speaksHere, filter);
  const settingKinds = kinds.filter((k) => SETTING_KINDS.has(k));
  if (settingKinds.length > 0) lendToNeighbours(perPassage, settingKinds, index, passages, filter);

  const focus = queryWords.find((w) => w.focus)?.focus;
  const whoSaid = asksWhoSaid(question);
  const sectionAsks = sectionKindsOf(kinds);
  const ranked: RankedPassage[] = [];
  for (const [pid, entry] of perPassage) {
    const features = index.featuresOf(pid);
    const passage = passages[pid];
    let bonus = 0;
    let factor = 1;
    for (const kind of kinds) {
      if (features.has(kind)) bonus += KIND_BONUS[kind] * maxIdf;
      else factor *= KIND_MISSING_FACTOR;
    }
    const sectionAsksThis = sectionAsks(passage?.section);
    if (sectionAsksThis) bonus += SECTION_KIND_BONUS * maxIdf;
    if (passage?.speaker && whoSaid) bonus += WHO_SAID_BONUS * maxIdf;
    // "What did Kirby say about …": Kirby's own words, not passages that mention or cite him.
    if (namedSpeakers.size > 0) {
      if (speaksHere(pid)) bonus += SPEAKER_BONUS * maxIdf;
      else factor *= NOT_THE_SPEAKER_FACTOR;
    }

    // The passage holds the kind of answer wanted, or stands under a heading asking that kind of
    // question. That counts only as far as the passage is about what was asked: "how many soldiers died
    // in the war" is not covered by any passage holding a number and the word "war".
    const holdsKind = sectionAsksThis || telling.some((k) => features.has(k));
    const wordShare = entry.covered / Math.max(1e-9, wordImportance);
    const kindCovered = holdsKind
      ? Math.max(kindImportance, SECTION_KIND_COVERAGE * index.typicalIdf) * Math.min(1, 0.5 + wordShare)
      : 0;
    // "What is the population of India?": a passage that names only India does not answer it.
    const focusMissing = focus && !namesFocus.has(pid) && (focus === 'owned' || entry.wordsNamed <= 1);
    const coverage =
      Math.min(1, (entry.covered + kindCovered) / totalImportance) *
      (focusMissing ? MISSING_FOCUS_FACTOR : 1);
    ranked.push({
      passageId: pid,
      // Covering more of the question is worth more than matching one word often (Lucene's "coord").
      score: (entry.score + bonus) * factor * (COORD_BASE + coverage),
      coverage,
      matchedTerms: entry.matched,
    });
  }
  ranked.sort((a, b) => b.score - a.score || a.passageId - b.passageId);
  return rerankWithFuse(ranked, queryWords, passages, maxIdf);
}

/**
 * BM25 over text and context: per question word, each passage keeps the best of the word's
 * alternatives (the word, a typo fix, a synonym), so a word counts once however it is matched.
 */
function matchWords(
  queryWords: QueryWord[],
  index: PassageIndex,
  speaksHere: (pid: number) => boolean,
  filter?: (pid: number) => boolean,
) {
  const perPassage = new Map<number, PassageMatch>();
  /** Passages that name the question's focus (not merely a related word). */
  const namesFocus = new Set<number>();
  /** A match this good "names" the word: a synonym in the text, the word itself in a heading or title. */
  const naming = CONTEXT_WEIGHT.title.coverage;
  for (const qw of queryWords) {
    // quality: how much of the word's importance the match covers.
    const best = new Map<number, { score: number; quality: number; term: string }>();
    const offer = (pid: number, score: number, quality: number, term: string) => {
      if (filter && !filter(pid)) return;
      const known = best.get(pid);
      if (!known || known.score < score) best.set(pid, { score, quality, term });
    };
    for (const alt of qw.alternatives) {
      const idf = index.idf(alt.term);
      for (const [pid, tf] of index.textPostings(alt.term)) {
        const length = index.passages[pid]?.length ?? 0;
        const saturation = (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / index.averageLength));
        offer(pid, alt.weight * idf * saturation, COVERAGE_CREDIT[alt.kind], alt.term);
      }
      for (const pid of index.contextHolders(alt.term)) {
        const indexed = index.passages[pid];
        const weight = indexed?.context.get(alt.term) ?? { score: 0, coverage: 0 };
        const speaker = speaksHere(pid) && indexed?.speakerTerms.has(alt.term);
        const credit = COVERAGE_CREDIT[alt.kind];
        offer(
          pid,
          alt.weight * (speaker ? 1 : weight.score) * idf,
          credit * (speaker ? 1 : weight.coverage),
          alt.term,
        );
      }
    }
    for (const [pid, hit] of best) {
      const entry = perPassage.get(pid) ?? {
        score: 0,
        covered: 0,
        matched: new Set<string>(),
        wordsNamed: 0,
      };
      entry.score += hit.score;
      entry.covered += qw.importance * hit.quality;
      entry.matched.add(hit.term);
      if (hit.quality >= naming) {
        if (qw.focus) namesFocus.add(pid);
        else entry.wordsNamed++;
      }
      perPassage.set(pid, entry);
    }
  }
  return { perPassage, namesFocus };
}

/** Whether a passage's heading asks the same kind of question ("Why is … important?" for a "why"). */
function sectionKindsOf(kinds: readonly AnswerKind[]) {
  const known = new Map<string, boolean>();
  return (section: string | undefined): boolean => {
    if (!section?.endsWith('?') || kinds.length === 0) return false;
    let asks = known.get(section);
    if (asks === undefined) {
      asks = questionKinds(section).some((k) => kinds.includes(k));
      known.set(section, asks);
    }
    return asks;
  };
}

interface PassageMatch {
  score: number;
  /** Importance of the question's words this passage covers. */
  covered: number;
  matched: Set<string>;
  /** Question words (not the focus) the passage names or nearly names (synonym, context). */
  wordsNamed: number;
}

/**
 * The fact asked for is often in the paragraph next to the one that names the event ("the encounter…"
 * then "…at a summit in India"): a passage that matches but lacks the wanted kind of answer lends a
 * share of its score (never its coverage) to a neighbour in the same article that has it.
 */
function lendToNeighbours(
  perPassage: Map<number, PassageMatch>,
  kinds: AnswerKind[],
  index: PassageIndex,
  passages: readonly Passage[],
  filter?: (pid: number) => boolean,
) {
  const lent = new Map<number, number>();
  for (const [pid, entry] of perPassage) {
    if (kinds.some((k) => index.featuresOf(pid).has(k))) continue;
    for (const neighbour of [pid - 1, pid + 1]) {
      const other = passages[neighbour];
      if (!other || other.articleId !== passages[pid]?.articleId || (filter && !filter(neighbour))) continue;
      if (!kinds.some((k) => index.featuresOf(neighbour).has(k))) continue;
      lent.set(neighbour, Math.max(lent.get(neighbour) ?? 0, entry.score * NEIGHBOUR_SHARE));
    }
  }
  for (const [pid, score] of lent) {
    const entry = perPassage.get(pid);
    if (entry) entry.score += score;
    else perPassage.set(pid, { score, covered: 0, matched: new Set(), wordsNamed: 0 });
  }
}

/** Speakers (by their own words) whose name the question uses, matched exactly or through a typo. */
function speakersNamed(queryWords: QueryWord[], index: PassageIndex) {
  const named = new Set<string>();
  for (const w of queryWords) {
    for (const a of w.alternatives) {
      if (a.kind === 'exact' || a.kind === 'typo')
        for (const speaker of index.speakersCalled(a.term)) named.add(speaker);
    }
  }
  return named;
}

/**
 * fuse.js token search over the best candidates: its character-level fuzzy matching sees what terms
 * miss (word forms the stemmer keeps apart, typos inside longer words), and nudges close calls.
 */
function rerankWithFuse(
  ranked: RankedPassage[],
  queryWords: QueryWord[],
  passages: readonly Passage[],
  maxIdf: number,
) {
  // Only close calls: fuse.js can add at most FUSE_SHARE × maxIdf, so a passage further behind the
  // leader than that cannot overtake it, and a clear leader needs no second opinion.
  const reach = (ranked[0]?.score ?? 0) - FUSE_SHARE * maxIdf;
  const head = ranked.slice(0, CANDIDATES_FOR_FUSE).filter((r) => r.score >= reach);
  const pattern = queryWords.map((w) => w.word).join(' ');
  if (head.length < 2 || !pattern) return ranked;
  const fuse = new Fuse(
    head.map((r) => passages[r.passageId]?.text ?? ''),
    { includeScore: true, ignoreLocation: true, useTokenSearch: true, threshold: 0.35 },
  );
  for (const result of fuse.search(pattern)) {
    const candidate = head[result.refIndex];
    if (candidate) candidate.score += (1 - (result.score ?? 1)) * FUSE_SHARE * maxIdf;
  }
  return [
    ...head.sort((a, b) => b.score - a.score || a.passageId - b.passageId),
    ...ranked.slice(head.length),
  ];
}
