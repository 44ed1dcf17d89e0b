/** What attribution finds, and the parsed passages its steps share. */
import type { Sentence } from './speechCues';
import type { Token } from './tokens';

export interface Speaker {
  name: string;
  role?: string;
  /** Their own words (`said`, a quote) or cited as a source (`according to`). */
  via: 'speech' | 'citation';
  kind: 'person' | 'organisation' | 'group';
}

export interface SentenceSpeaker extends Speaker {
  /** Offsets of the sentence in the passage text. */
  start: number;
  end: number;
  /** The sentence holds the speaker's words in quotation marks, not only reported speech. */
  quoted: boolean;
}

/** The passage's main speaker, and the speaker of each of its attributed sentences. */
export interface PassageSpeakers extends Speaker {
  sentences: SentenceSpeaker[];
}

/** A passage read once: its words and sentences, shared by every step. */
export interface Parsed {
  text: string;
  tokens: Token[];
  sentences: Array<Sentence & { start: number; end: number }>;
}

/** A named person before an organisation before a group. */
export const RANK: Record<Speaker['kind'], number> = { person: 0, organisation: 1, group: 2 };
