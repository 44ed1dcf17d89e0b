/**
 * The evidence the ranking and the confidence are computed from. Each is a number, most of them a
 * share of the question's weight in [0, 1]; what each is worth is learned by `npm run tune` and kept in
 * weights.ts. features.ts says how each is measured.
 */

/** Evidence that one passage answers the question. */
export const RANK_FEATURES = [
  /** BM25 of the question's words as written (or repaired), as a share of its best possible value. */
  'bm25',
  /** Shares of the question's weight the passage's text matches, by the closest kind of match. */
  'exact',
  'typo',
  'sound',
  'alias',
  'synonym',
  'broader',
  'related',
  /**
   * Shares matched only in the passage's context: its speaker's name, the name of a person it refers to,
   * its section heading, its article's title.
   */
  'speaker',
  'person',
  'section',
  'title',
  /** Share matched inside the best single sentence: answers are said in one place. */
  'sentence',
  /** The kind of answer asked for (a duration for "how long") is in the passage, or missing from it. */
  'kindHere',
  'kindMissing',
  /** …in the best-matching sentence. */
  'kindInSentence',
  /** "What is the population of India": the passage does not name what is asked about (its focus). */
  'focusMissing',
  /** The best sentence's share when the passage holds the kind asked for, and when it lacks it. */
  'kindCovered',
  'missingCovered',
  /** A person or a reason, asked for ("who", "why") and present: common in news, so weighed apart. */
  'weakKindHere',
  /** Share of the question's weight named within a few words of an answer of the kind asked (a strong kind, a person). */
  'kindNear',
  'weakNear',
  /** "How many stores": a count stands right before the word counted ("adding 38 stores"). */
  'counted',
  /** The passage holds the wanted setting (where, when, how long) of an event its neighbour tells. */
  'neighbourLend',
  /** Its heading asks the same kind of question ("Why is … important?" for a "why"). */
  'sectionAsks',
  /** "What did X say": these are X's own words; or someone else's. */
  'speaksHere',
  'notTheSpeaker',
  /** "Who said …": the passage quotes a named speaker. */
  'whoSaidQuote',
  /** Share of the question's weight matched inside quotation marks. */
  'quoted',
  /** "Who is X": the first passage naming X (news introduces a person there), or one saying "X, a …". */
  'firstMention',
  'appositive',
  /** The first paragraph, and the first paragraph when the question asks what the article is about. */
  'lead',
  'summaryLead',
  /** Share of the question's weight that the passage's article holds anywhere, and its gap to the best article's. */
  'articleShare',
  'articleGap',
  /** fuse.js token search over the leading passages (character-level fuzzy matching). */
  'fuse',
  /** log(words): longer passages say more. */
  'length',
] as const;
export type RankFeature = (typeof RANK_FEATURES)[number];

/** Evidence that the best passage is right, and that the question is about the corpus at all. */
export const CONFIDENCE_FEATURES = [
  /** The model's score of the best passage, its lead over the second, and its softmax share. */
  'top',
  'margin',
  'share',
  /** Share of the question's weight the best passage covers (any match), and literally (as written or repaired). */
  'covered',
  'literal',
  /** Share of the question's weight the corpus holds anywhere. */
  'corpus',
  /** Share of the question's weight in words the corpus never uses, and in names it never mentions. */
  'unknown',
  'unknownNames',
  /** 1 when the question names something the corpus never mentions ("Canada", "the Super Bowl"). */
  'namesUnknown',
  /** The kind of answer asked for is missing from the best passage, or there (as a share of those asked). */
  'kindMissing',
  'kindHere',
  /** The best passage's best sentence's share of the question. */
  'sentence',
  /** The best passage does not name what a "what is the X of Y" question asks about. */
  'focusMissing',
  /** Share of the question's weight in words naming someone or something of the corpus, as written. */
  'named',
  /** How rare in the corpus the rarest word matched as written is (a rare shared word is a shared topic). */
  'rare',
  /** Simpler rankers agree: the best passage is also the one with the most BM25, or the best sentence. */
  'bm25Agrees',
  'sentenceAgrees',
  /** How much more of the question the best passage's article holds than any other article does. */
  'articleLead',
  /** log(1 + content words of the question). */
  'words',
  /** How specific the question's most specific matched word is (1: a name or rare word; less: everyday). */
  'specific',
  /** A lone everyday word ("help", "interesting"): 1 − specific when the question has one content word, else 0. */
  'loneEveryday',
  /** 1 when the message is shaped as a question (a question mark, a question word first, a cue). */
  'asks',
  /** 1 when the message speaks of people by a third-person pronoun ("how long did they talk"): of a story, not chat. */
  'thirdPerson',
] as const;
export type ConfidenceFeature = (typeof CONFIDENCE_FEATURES)[number];
