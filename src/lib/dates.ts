import type { Lang } from './i18n/languages.ts';

/** Every story is dated in Bangkok time, whatever the offset it was written with. */
export const NEWSROOM_TIME_ZONE = 'Asia/Bangkok';
const BANGKOK_OFFSET_MINUTES = 7 * 60;

/** Years in the Thai Buddhist era run 543 ahead of the Common Era. */
export const BUDDHIST_ERA_OFFSET = 543;

export function toBuddhistYear(ceYear: number): number {
  return ceYear + BUDDHIST_ERA_OFFSET;
}

export function toCommonEraYear(beYear: number): number {
  return beYear - BUDDHIST_ERA_OFFSET;
}

// Formatters are costly to create: build them once per language, not once per page.
const dateFormatters: Record<Lang, Intl.DateTimeFormat> = {
  th: new Intl.DateTimeFormat('th-TH-u-ca-buddhist-nu-latn', {
    timeZone: NEWSROOM_TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: NEWSROOM_TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }),
};

const timeFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: NEWSROOM_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "5 มีนาคม 2568" on Thai pages (Buddhist era), "5 March 2025" on English pages. */
export function formatDate(date: Date, lang: Lang): string {
  return dateFormatters[lang].format(date);
}

/** The date with Bangkok time: "5 มีนาคม 2568 เวลา 10:00 น." / "5 March 2025, 10:00 (Bangkok)". */
export function formatDateTime(date: Date, lang: Lang): string {
  const time = timeFormatter.format(date);
  return lang === 'th' ? `${formatDate(date, 'th')} เวลา ${time} น.` : `${formatDate(date, 'en')}, ${time} (Bangkok)`;
}

/**
 * Wire copy often carries a date but no time; such stories are stamped at the start of the day in
 * Bangkok, and pages then show the date alone rather than a made-up "00:00".
 */
export function hasKnownTime(date: Date): boolean {
  return (date.getTime() + BANGKOK_OFFSET_MINUTES * 60_000) % 86_400_000 !== 0;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** ISO 8601 in Bangkok time with its offset, for <time datetime> and feeds: 2025-03-05T10:00:00+07:00. */
export function toBangkokIso(date: Date): string {
  const local = new Date(date.getTime() + BANGKOK_OFFSET_MINUTES * 60_000);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}+07:00`
  );
}

/** A frontmatter timestamp must say when and in which offset: a bare date or time is ambiguous. */
export const TIMESTAMP_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Stories are dated within these years; anything outside is a typing error (20225, 1025), not news. */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;

/** English month names in calendar order (index 0 = January). */
export const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * What is wrong with a timestamp that has the right shape (TIMESTAMP_WITH_OFFSET), or null when it
 * names a real instant. `new Date()` rolls 2025-02-30 over to 2 March without a word; this does not.
 */
export function timestampProblem(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/.exec(text);
  if (!m) return 'is not a date and time with a UTC offset';
  const [year, month, day, hour, minute, second = 0, offsetHours = 0, offsetMinutes = 0] = m
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part))) as number[];
  if (month! < 1 || month! > 12) return `has month ${month}; months run from 01 to 12`;
  const days = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  if (day! < 1 || day! > days) return `has day ${day}, but ${ENGLISH_MONTHS[month! - 1]} ${year} has ${days} days`;
  if (hour! > 23 || minute! > 59 || second > 59) return 'has a time that does not exist (hours run 00–23, minutes and seconds 00–59)';
  if (offsetHours > 14 || offsetMinutes > 59) return 'has a UTC offset that does not exist (Bangkok is +07:00)';
  if (year! < EARLIEST_YEAR || year! > LATEST_YEAR) return `is in the year ${year}, outside ${EARLIEST_YEAR}–${LATEST_YEAR}`;
  return null;
}

/** The instant of a valid timestamp (see timestampProblem), or null. */
export function parseTimestamp(text: string): Date | null {
  return timestampProblem(text) === null ? new Date(text.replace(' ', 'T')) : null;
}
