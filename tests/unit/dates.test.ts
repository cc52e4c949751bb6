import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, hasKnownTime, TIMESTAMP_WITH_OFFSET, toBangkokIso, toBuddhistYear, toCommonEraYear } from '../../src/lib/dates.ts';

describe('dates', () => {
  const date = new Date('2025-03-05T18:00:00+07:00');

  it('formats Thai dates in the Buddhist era with Thai month names and Arabic digits', () => {
    expect(formatDate(date, 'th')).toBe('5 มีนาคม 2568');
    expect(formatDateTime(date, 'th')).toBe('5 มีนาคม 2568 เวลา 18:00 น.');
  });

  it('formats English dates in the Gregorian calendar', () => {
    expect(formatDate(date, 'en')).toBe('5 March 2025');
    expect(formatDateTime(date, 'en')).toBe('5 March 2025, 18:00 (Bangkok)');
  });

  it('dates a story by Bangkok time, not the machine clock: 23:30 UTC is the next day in Bangkok', () => {
    const late = new Date('2024-12-31T23:30:00Z');
    expect(formatDate(late, 'en')).toBe('1 January 2025');
    expect(formatDate(late, 'th')).toBe('1 มกราคม 2568');
    expect(toBangkokIso(late)).toBe('2025-01-01T06:30:00+07:00');
  });

  it('converts years between the eras', () => {
    expect(toBuddhistYear(2023)).toBe(2566);
    expect(toCommonEraYear(2565)).toBe(2022);
  });

  it('writes ISO timestamps with the +07:00 offset whatever offset they came in', () => {
    expect(toBangkokIso(new Date('2024-05-16T10:00:00Z'))).toBe('2024-05-16T17:00:00+07:00');
    expect(toBangkokIso(date)).toBe('2025-03-05T18:00:00+07:00');
  });

  it('accepts only timestamps that carry an offset', () => {
    for (const ok of ['2025-03-05T10:00:00+07:00', '2025-03-05T10:00+07:00', '2025-03-05 10:00:00Z', '2025-03-05T10:00:00.5-05:00']) {
      expect(TIMESTAMP_WITH_OFFSET.test(ok), ok).toBe(true);
    }
    for (const bad of ['2025-03-05', '2025-03-05T10:00:00', '5 March 2025', '2568-03-05T10:00:00+7']) {
      expect(TIMESTAMP_WITH_OFFSET.test(bad), bad).toBe(false);
    }
  });
});

describe('hasKnownTime', () => {
  it('treats the start of a Bangkok day as "time not known"', () => {
    expect(hasKnownTime(new Date('2024-03-20T00:00:00+07:00'))).toBe(false);
    expect(hasKnownTime(new Date('2024-03-20T00:00:00Z'))).toBe(true);
    expect(hasKnownTime(new Date('2024-03-20T10:30:00+07:00'))).toBe(true);
  });
});
