import { findUnsupportedFigures, thaiSupports, type RelativePositions, type ThaiFigure } from './compare.ts';
import { extractEnglishFigures } from './extract-english.ts';
import { extractThaiFigures } from './extract-thai.ts';
import { describeMismatch } from './format.ts';
import { englishWords, extractLatinNames, mentionsName } from './names.ts';
import type { Figure, Finding, Span } from './types.ts';

/** A full stop that ends an English sentence (also one a machine glued to the next: "said.Putin"), not "Mr." or "U.S.". */
const SENTENCE_END = /(?<=[a-z0-9)”"’])(?<!\b(?:Mr|Mrs|Ms|Dr|Gen|No|St|Lt|Col|Prof|Capt|Maj|Pol|Sen|approx|vs|etc))[.!?]["”’)]?\s*(?=[A-Z“"(])/g;

/**
 * The sentence around a span, for quoting: English ends sentences with . ! ?; Thai separates them with
 * spaces, so a Thai quote is the run of words around the figure, cut at spaces near 80 characters each way.
 */
export function sentenceAround(text: string, span: Span): string {
  const thai = /[\u0e00-\u0e7f]/u.test(text);
  const before = text.slice(0, span.start);
  let start: number;
  let end: number;
  if (thai) {
    const from = Math.max(0, span.start - 80);
    const space = text.indexOf(' ', from);
    start = from === 0 || space === -1 || space >= span.start ? from : space + 1;
    const to = Math.min(text.length, span.end + 80);
    const lastSpace = text.lastIndexOf(' ', to);
    end = to === text.length || lastSpace <= span.end ? to : lastSpace;
  } else {
    const stop = [...before.matchAll(SENTENCE_END)].at(-1);
    start = stop ? stop.index + stop[0].length : 0;
    // Searched in the whole text, so the lookbehind sees the letter before the stop.
    const pattern = new RegExp(`${SENTENCE_END.source}|[.!?]["”’)]?\\s*$`, 'g');
    pattern.lastIndex = span.end;
    const next = pattern.exec(text);
    end = next ? next.index + next[0].trimEnd().length : text.length;
  }
  const quote = text.slice(start, end).trim();
  return `${start > 0 && thai ? '…' : ''}${quote}${end < text.length && thai ? '…' : ''}`;
}

/** Where each paragraph starts if the paragraphs were run together. */
function startsOf(paragraphs: readonly string[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const text of paragraphs) {
    starts.push(offset);
    offset += text.length;
  }
  return starts;
}

function thaiFiguresOf(paragraphs: readonly string[]): ThaiFigure[][] {
  return paragraphs.map((text, paragraph) => extractThaiFigures(text).map((figure) => ({ figure, paragraph })));
}

/** A small bare count ("three", "40"): its digits recur all over a long story, so it needs a narrower scope. */
function isSmallCount(figure: Figure): boolean {
  const quantity = figure.readings.find((reading) => reading.type === 'quantity');
  return (
    figure.kind === 'number' && figure.readings.length === 1 && quantity?.type === 'quantity' && quantity.value < 100 && !quantity.currency && !quantity.percent
  );
}

/**
 * When the texts do not line up, the Thai paragraphs that back a paragraph's other figures (its amounts,
 * dates, larger numbers) show where it sits in the Thai; a small count is looked for there and one
 * paragraph either side. Without such anchors, the whole story.
 */
function nearAnchors(figures: readonly Figure[], story: readonly ThaiFigure[], small: readonly Figure[]): ThaiFigure[] {
  const anchors = figures
    .filter((figure) => !small.includes(figure))
    .flatMap((figure) => story.filter((candidate) => thaiSupports(candidate.figure, figure)).map((candidate) => candidate.paragraph));
  if (anchors.length === 0) return [...story];
  const [low, high] = [Math.min(...anchors) - 1, Math.max(...anchors) + 1];
  return story.filter((candidate) => candidate.paragraph >= low && candidate.paragraph <= high);
}

/**
 * Compares paragraph by paragraph when the texts have as many paragraphs, otherwise every English
 * paragraph against the whole Thai story. Offsets are within each paragraph; `paragraph` is always set.
 */
export function compareParagraphs(
  thai: readonly string[],
  english: readonly string[],
  options: { aligned?: boolean } = {},
): { aligned: boolean; findings: Finding[] } {
  // Unless told, equal counts are taken to line up (block ids number both languages alike).
  const aligned = (options.aligned ?? true) && thai.length === english.length;
  const thaiFigures = thaiFiguresOf(thai);
  const wholeStory = thaiFigures.flat();
  const thaiStarts = startsOf(thai);
  const englishStarts = startsOf(english);
  const thaiLength = thai.reduce((sum, text) => sum + text.length, 0);
  const englishLength = english.reduce((sum, text) => sum + text.length, 0);
  const findings: Finding[] = [];

  english.forEach((englishText, paragraph) => {
    const scope = aligned ? thaiFigures[paragraph]! : wholeStory;
    // Positions are within the paragraph when aligned, within the story otherwise.
    const positions: RelativePositions = aligned
      ? {
          english: (figure) => figure.span.start / Math.max(1, englishText.length),
          thai: (candidate) => candidate.figure.span.start / Math.max(1, thai[candidate.paragraph]!.length),
        }
      : {
          english: (figure) => (englishStarts[paragraph]! + figure.span.start) / Math.max(1, englishLength),
          thai: (candidate) => (thaiStarts[candidate.paragraph]! + candidate.figure.span.start) / Math.max(1, thaiLength),
        };
    const figures = extractEnglishFigures(englishText);
    const small = aligned ? [] : figures.filter(isSmallCount);
    const unsupported = [
      ...findUnsupportedFigures(
        figures.filter((figure) => !small.includes(figure)),
        scope,
        positions,
      ),
      ...(small.length > 0 ? findUnsupportedFigures(small, nearAnchors(figures, wholeStory, small), positions) : []),
    ];
    for (const { english: figure, likelyThai } of unsupported) {
      const { expected, message, fix } = describeMismatch(figure, likelyThai?.figure ?? null);
      findings.push({
        kind: figure.kind,
        paragraph,
        english: figure.span,
        thai: likelyThai ? likelyThai.figure.span : null,
        ...(likelyThai ? { thaiParagraph: likelyThai.paragraph } : {}),
        expected,
        message,
        fix,
        englishSentence: sentenceAround(englishText, figure.span),
        thaiSentence: likelyThai ? sentenceAround(thai[likelyThai.paragraph]!, likelyThai.figure.span) : null,
      });
    }
  });

  if (aligned) findings.push(...missingNames(thai, english));
  return { aligned, findings: findings.sort((a, b) => (a.paragraph ?? 0) - (b.paragraph ?? 0) || a.english.start - b.english.start) };
}

/**
 * Latin names in a Thai paragraph that the English never mentions. A name the translation moved to another
 * paragraph is fine, so the whole English is searched before a name counts as missing.
 */
function missingNames(thai: readonly string[], english: readonly string[]): Finding[] {
  const storyWords = englishWords(english.join('\n'));
  const findings: Finding[] = [];
  thai.forEach((thaiText, paragraph) => {
    const englishText = english[paragraph]!;
    const paragraphWords = englishWords(englishText);
    for (const { name, alternatives } of extractLatinNames(thaiText)) {
      if (alternatives.some((alternative) => mentionsName(paragraphWords, alternative) || mentionsName(storyWords, alternative))) continue;
      findings.push({
        kind: 'name',
        paragraph,
        english: { text: englishText, start: 0, end: englishText.length },
        thai: name.span,
        thaiParagraph: paragraph,
        expected: name.span.text,
        message: `The Thai names ${name.span.text}; the English does not mention it.`,
        fix: `name ${name.span.text} in the English, or check that leaving it out is right`,
        englishSentence: englishText,
        thaiSentence: sentenceAround(thaiText, name.span),
      });
    }
  });
  return findings;
}

/**
 * Compares paragraphs located in whole texts and gives offsets into those texts. `paragraph` is null
 * when the story had to be compared as a whole (the paragraph counts differ).
 */
export function compareLocatedParagraphs(thai: readonly Span[], english: readonly Span[]): Finding[] {
  const { aligned, findings } = compareParagraphs(
    thai.map((paragraph) => paragraph.text),
    english.map((paragraph) => paragraph.text),
  );
  return findings.map((finding) => {
    const englishBase = english[finding.paragraph ?? 0]!.start;
    const thaiBase = finding.thaiParagraph === undefined ? 0 : thai[finding.thaiParagraph]!.start;
    return {
      ...finding,
      paragraph: aligned ? finding.paragraph : null,
      english: { ...finding.english, start: finding.english.start + englishBase, end: finding.english.end + englishBase },
      thai: finding.thai && { ...finding.thai, start: finding.thai.start + thaiBase, end: finding.thai.end + thaiBase },
    };
  });
}
