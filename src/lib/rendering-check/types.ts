/** A piece of text with its character offsets (start inclusive, end exclusive). */
export interface Span {
  text: string;
  start: number;
  end: number;
}

export type FindingKind = 'number' | 'percent' | 'money' | 'year' | 'date' | 'month' | 'time' | 'name';

export interface Finding {
  kind: FindingKind;
  /** 0-based index of the English paragraph; null when the story was compared as a whole. */
  paragraph: number | null;
  /** The English span the Thai does not support (for a missing name: the English paragraph). */
  english: Span;
  /** The Thai span it most likely corresponds to, if any. */
  thai: Span | null;
  /** Index of the Thai paragraph that holds `thai`, when the texts were given as paragraphs. */
  thaiParagraph?: number;
  /** What the English should say, e.g. "227.8 billion". */
  expected: string;
  /** In plain words: what the English says, what the Thai says, and why they differ. */
  message: string;
  /** The likely fix, e.g. `write "$227.8 billion"`. */
  fix: string;
  /** The sentences that hold the two figures, quoted for the editor. */
  englishSentence: string;
  thaiSentence: string | null;
}

export type Currency = 'THB' | 'USD' | 'CNY' | 'RUB' | 'EUR' | 'JPY' | 'GBP' | 'MYR' | 'KRW' | 'VND' | 'INR';

/** One way to read a figure. A figure may have several (a bare "2023" is both a year and a count). */
export type Reading =
  | QuantityReading
  | { type: 'year'; value: number; buddhistEra: boolean }
  | { type: 'month'; value: number }
  | { type: 'day'; day: number; month: number | null }
  | { type: 'time'; minutes: number; twelveHourClock: boolean }
  | { type: 'code'; text: string };

export interface QuantityReading {
  type: 'quantity';
  value: number;
  /** Place value of the last digit written, so "227.8 billion" has 0.1 billion: rounding stays within half of it. */
  precision: number;
  currency: Currency | null;
  percent: boolean;
  /** Magnitude word the text used ("billion", "ล้าน"), so the expected value can be said the same way. */
  magnitudeWord: string | null;
  /** What is counted, when the text says so with a unit word ("ไร่", "tonnes", "people"); money has `currency` instead. */
  unit?: Unit;
  /** A noun follows that says what is counted ("2 ล้านร้านค้า", "2 billion users"): then it is not money. */
  counted?: boolean;
  /** A rank or the nth of something ("อันดับที่ 3", "ครั้งที่ 8"), not an amount. */
  ordinal?: boolean;
}

export type Unit = 'rai' | 'tonne' | 'km' | 'person' | 'times' | 'year' | 'month' | 'day' | 'hour' | 'minute';

/** A figure found in a text, with the kind a finding about it would have. */
export interface Figure {
  kind: Exclude<FindingKind, 'name'>;
  span: Span;
  readings: Reading[];
  /** The text hedges the figure ("about", "ประมาณ"), so a small rounding difference is fine. */
  approximate: boolean;
}

/** A Latin-script name or acronym written inside Thai text. */
export interface LatinName {
  span: Span;
  /** Lower-case alphanumeric parts, e.g. "COVID-19" → ["covid", "19"]. */
  parts: string[];
  /** Match the parts as an acronym's initials ("AC" → "Annual Consultation") rather than as words. */
  acronymOf?: boolean;
}
