import { describe, expect, it } from 'vitest';
import { en } from '../../src/lib/i18n/en.ts';
import { isLang, languages, otherLang, ui } from '../../src/lib/i18n/index.ts';
import { th } from '../../src/lib/i18n/th.ts';
import { sectionIds } from '../../src/lib/sections.ts';

describe('i18n', () => {
  it('knows exactly two languages, each the other of the other', () => {
    expect(languages).toEqual(['th', 'en']);
    expect(otherLang('th')).toBe('en');
    expect(otherLang('en')).toBe('th');
    expect(isLang('th')).toBe(true);
    expect(isLang('fr')).toBe(false);
    expect(isLang(undefined)).toBe(false);
  });

  it('has the same keys in both dictionaries and no empty string', () => {
    expect(Object.keys(th).sort()).toEqual(Object.keys(en).sort());
    for (const dict of [th, en]) {
      for (const [key, value] of Object.entries(dict)) {
        if (typeof value === 'string') expect(value.trim(), key).not.toBe('');
      }
    }
  });

  it('names every section in both languages', () => {
    for (const id of sectionIds) {
      expect(th.sectionNames[id]).toMatch(/[\u0E00-\u0E7F]/);
      expect(en.sectionNames[id]).toMatch(/^[A-Z]/);
    }
  });

  it('writes Thai strings in Thai script and English strings without it', () => {
    expect(th.switchTo).toMatch(/[\u0E00-\u0E7F]/);
    expect(en.switchTo).not.toMatch(/[\u0E00-\u0E7F]/);
    expect(ui('th')).toBe(th);
    expect(ui('en')).toBe(en);
  });

  it('says in each language which language a story is missing', () => {
    expect(th.noVersionInOtherLanguage).toContain('ภาษาอังกฤษ');
    expect(th.noVersionInThisLanguage).toContain('ภาษาไทย');
    expect(en.noVersionInOtherLanguage).toContain('Thai');
    expect(en.noVersionInThisLanguage).toContain('English');
  });

  it('describes translations truthfully', () => {
    expect(en.translationNotice({ translator: 'Desk', machine: true, reviewed: true })).toContain('machine translation, reviewed by an editor');
    expect(en.translationNotice({ translator: 'Desk', machine: true, reviewed: false })).toContain('not yet reviewed');
    expect(en.translationNotice({ translator: 'Desk', machine: false, reviewed: true })).not.toContain('machine');
    expect(th.translationNotice({ translator: 'โต๊ะข่าว', machine: true, reviewed: false })).toContain('ยังไม่ผ่านการตรวจทาน');
  });

  it('counts stories in each language', () => {
    expect(en.storyCount(1)).toBe('1 story');
    expect(en.storyCount(3)).toBe('3 stories');
    expect(th.storyCount(3)).toBe('3 เรื่อง');
  });
});
