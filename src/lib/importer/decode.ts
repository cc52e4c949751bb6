import { decodeUtf8, findControlCharacter, type TextPosition } from '../unicode.ts';

/** How an input file was read. */
export type InputEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-874' | 'windows-1252';

export type DecodedInput = { ok: true; text: string; encoding: InputEncoding } | { ok: false; position?: TextPosition; reason: string; fix: string };

/** Thai letters, vowels, tone marks and digits in TIS-620 / Windows-874. */
const isThaiByte = (b: number) => b >= 0xa1 && b <= 0xfb;

/**
 * Whether bytes that are not UTF-8 are Thai in TIS-620 (Windows-874): Thai words are runs of such
 * bytes, while Windows-1252 has its accented letters and quotes one at a time between ASCII letters.
 */
function looksThai(bytes: Uint8Array): boolean {
  let high = 0;
  let inRuns = 0;
  let run = 0;
  const endRun = () => {
    if (run >= 3) inRuns += run;
    run = 0;
  };
  for (const b of bytes) {
    if (b >= 0x80) high++;
    if (isThaiByte(b)) run++;
    else endRun();
  }
  endRun();
  return high > 0 && inRuns / high >= 0.5;
}

/**
 * Reads a plain-text input: UTF-8 as it is; a file wholly in TIS-620/Windows-874 or Windows-1252 is
 * converted (the caller says so); a file that mixes UTF-8 with another encoding, or holds control
 * characters, is refused with where and why, since guessing would publish wrong characters.
 */
export function decodeInput(bytes: Uint8Array): DecodedInput {
  // A byte-order mark says UTF-16 (Windows' "Unicode"): read as what it says, or refused when it is not.
  const utf16: InputEncoding | null = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    let text: string;
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      return {
        ok: false,
        reason: `starts as UTF-16 (a byte-order mark) but is not valid UTF-16`,
        fix: 'check it is the right file; save it as UTF-8 and import it again',
      };
    }
    return checked(text, utf16);
  }
  const utf8 = decodeUtf8(bytes);
  let text: string;
  let encoding: InputEncoding = 'utf-8';
  if (utf8.ok) text = utf8.text;
  else {
    // UTF-8 letters before the first bad byte (Thai, say) mean the file mixes encodings.
    if (bytes.subarray(0, utf8.offset).some((b) => b >= 0x80)) {
      return {
        ok: false,
        position: utf8.position,
        reason: `mixes encodings: the file is UTF-8, but column ${utf8.position.column} holds bytes that are not (${utf8.bytes}), probably pasted from a Windows-1252 or TIS-620 file`,
        fix: 'save the whole file as UTF-8 (retype the characters on that line if they look wrong), then import it again',
      };
    }
    encoding = looksThai(bytes) ? 'windows-874' : 'windows-1252';
    text = new TextDecoder(encoding).decode(bytes);
  }
  return checked(text, encoding);
}

/** A decoded text, unless it holds control characters. */
function checked(text: string, encoding: InputEncoding): DecodedInput {
  const control = findControlCharacter(text);
  if (control) {
    return {
      ok: false,
      position: control,
      reason: `column ${control.column} holds the control character ${control.code}; the file is damaged or not text`,
      fix: 'check it is the right file; delete the character (retype the text around it) and import it again',
    };
  }
  return { ok: true, text, encoding };
}
