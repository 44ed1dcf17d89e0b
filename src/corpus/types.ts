/** What an article's front matter may say. Only `title` and `published` are required. */
export interface ArticleMeta {
  title: string;
  /** ISO date, `YYYY-MM-DD`. */
  published: string;
  outlet?: string;
  author?: string;
  url?: string;
}

export interface Article {
  /** Stable id: the file name without `.md` (e.g. `blinken-lavrov-g20`). */
  id: string;
  /** Path of the Markdown file it was read from. */
  file: string;
  meta: ArticleMeta;
  /** The body exactly as in the file (after the front matter). */
  body: string;
  /** Lines of the body that belong to something else (a linked headline) and are never answered from. */
  excludedLines: string[];
}

/** One paragraph or bullet of an article: the unit the bot answers with. */
export interface Passage {
  /** Index of this passage in `Corpus.passages`. */
  id: number;
  articleId: string;
  /** 1-based position among the article's passages (bullets count, headings and excluded lines don't). */
  paragraph: number;
  /** The section heading the passage stands under, if any. */
  section?: string;
  /**
   * The passage's main speaker, for ranking: who is quoted or cited in it, pronouns resolved, the name
   * alone ("Antony Blinken"); a person before an organisation before a group.
   */
  speaker?: string;
  /** Their role as the article gives it, apart from the name ("U.S. Secretary of State"). */
  speakerRole?: string;
  /** How the speaker stands in it: their own words (`said`, a quote) or cited as a source (`according to`). */
  speakerVia?: 'speech' | 'citation';
  /** Who speaks in each attributed sentence; sentences that are the reporter's own are not listed. */
  sentenceSpeakers?: SentenceAttribution[];
  /** The people the passage names, each with the role the article gives them ("Foreign Minister"). */
  people?: Array<{ name: string; role?: string }>;
  /** True when the passage holds quoted words (curly or straight quotes). */
  hasQuote: boolean;
  /** The article's own words, white space folded to single spaces, bullet marker removed. */
  text: string;
}

/** One sentence of a passage and who speaks in it. */
export interface SentenceAttribution {
  /** Offsets of the sentence in the passage's `text`. */
  start: number;
  end: number;
  speaker: string;
  role?: string;
  via: 'speech' | 'citation';
  /** The sentence quotes them in quotation marks (not only "according to" or reported speech). */
  quoted?: boolean;
  /** People spoken of as a body ("prosecutors", "consumer advocates"), not a name. */
  group?: boolean;
}

export interface Corpus {
  articles: Article[];
  passages: Passage[];
}
