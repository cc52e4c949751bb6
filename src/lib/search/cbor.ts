/**
 * The CBOR that Pagefind's index files hold (RFC 8949, as Rust's minicbor writes it): reading any of
 * it, writing the integers, text and arrays its index, filter and metadata files are made of, and a
 * cursor that lets the index merge (pagefind-merge.ts) step over a word's locations without making an
 * object of each.
 */

export type Cbor = number | string | boolean | null | Uint8Array | Cbor[] | { [key: string]: Cbor };

/** The CBOR that Pagefind writes: integers, strings, byte strings, arrays, maps and simple values. */
export function decodeCbor(bytes: Uint8Array): Cbor {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder();
  let pos = 0;
  const read = (): Cbor => {
    if (pos >= bytes.length) throw new Error('Pagefind index file: the CBOR ends early');
    const head = bytes[pos++]!;
    const major = head >> 5;
    const info = head & 31;
    let n = info;
    if (info === 24) n = view.getUint8(pos++);
    else if (info === 25) {
      n = view.getUint16(pos);
      pos += 2;
    } else if (info === 26) {
      n = view.getUint32(pos);
      pos += 4;
    } else if (info === 27) {
      n = Number(view.getBigUint64(pos));
      pos += 8;
    } else if (info > 27) throw new Error(`Pagefind index file: unsupported CBOR item ${head}`);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
        return bytes.subarray(pos, (pos += n));
      case 3:
        return text.decode(bytes.subarray(pos, (pos += n)));
      case 4:
        return Array.from({ length: n }, read);
      case 5: {
        const map: { [key: string]: Cbor } = {};
        for (let i = 0; i < n; i++) map[String(read())] = read();
        return map;
      }
      case 7:
        if (info === 20 || info === 21) return info === 21;
        if (info === 22) return null;
        if (info === 26) return view.getFloat32(pos - 4);
        if (info === 27) return view.getFloat64(pos - 8);
        throw new Error(`Pagefind index file: unsupported CBOR value ${head}`);
      default:
        throw new Error(`Pagefind index file: unsupported CBOR type ${major}`);
    }
  };
  return read();
}

/**
 * Steps through CBOR without making an object per item: `next` reads an item's head, leaves its major
 * type in `major` and returns its count or value; `pos` is then where its content starts.
 */
export class CborCursor {
  pos = 0;
  major = 0;
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array, pos = 0) {
    this.bytes = bytes;
    this.pos = pos;
  }
  next(): number {
    const b = this.bytes;
    const head = b[this.pos++]!;
    this.major = head >> 5;
    const info = head & 31;
    if (info < 24) return info;
    if (info === 24) return b[this.pos++]!;
    if (info === 25) return (b[this.pos++]! << 8) | b[this.pos++]!;
    if (info === 26) return ((b[this.pos++]! << 24) >>> 0) + ((b[this.pos++]! << 16) | (b[this.pos++]! << 8) | b[this.pos++]!);
    throw new Error(`Pagefind index: unsupported CBOR item ${head} at byte ${this.pos - 1}`);
  }
  /** Steps over `count` integers. */
  skipIntegers(count: number): void {
    const b = this.bytes;
    let pos = this.pos;
    for (let i = 0; i < count; i++) {
      const info = b[pos]! & 31;
      pos += info < 24 ? 1 : info === 24 ? 2 : info === 25 ? 3 : info === 26 ? 5 : 9;
    }
    this.pos = pos;
  }
  /** The text item whose head `next` just read (`length` bytes). */
  text(length: number, decoder: TextDecoder): string {
    const text = decoder.decode(this.bytes.subarray(this.pos, this.pos + length));
    this.pos += length;
    return text;
  }
}

/** Writes CBOR with the shortest heads, as minicbor does, into a buffer that grows. */
export class CborWriter {
  private buffer = new Uint8Array(1 << 16);
  private length = 0;
  private readonly encoder = new TextEncoder();

  private room(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + bytes));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  head(major: number, value: number): this {
    this.room(5);
    const type = major << 5;
    const b = this.buffer;
    if (value < 24) b[this.length++] = type | value;
    else if (value < 0x100) {
      b[this.length++] = type | 24;
      b[this.length++] = value;
    } else if (value < 0x10000) {
      b[this.length++] = type | 25;
      b[this.length++] = value >> 8;
      b[this.length++] = value & 255;
    } else if (value < 0x100000000) {
      b[this.length++] = type | 26;
      b[this.length++] = value >>> 24;
      b[this.length++] = (value >> 16) & 255;
      b[this.length++] = (value >> 8) & 255;
      b[this.length++] = value & 255;
    } else throw new Error(`CBOR: ${value} is too large for a Pagefind index`);
    return this;
  }

  integer(n: number): this {
    return n >= 0 ? this.head(0, n) : this.head(1, -1 - n);
  }

  text(s: string): this {
    const bytes = this.encoder.encode(s);
    this.head(3, bytes.length);
    return this.raw(bytes);
  }

  array(length: number): this {
    return this.head(4, length);
  }

  /** Bytes already encoded, copied as they are. */
  raw(bytes: Uint8Array): this {
    this.room(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  /** Any value made of integers, text and arrays. */
  value(v: number | string | readonly unknown[]): this {
    if (typeof v === 'number') return this.integer(v);
    if (typeof v === 'string') return this.text(v);
    this.array(v.length);
    for (const item of v) this.value(item as number | string | readonly unknown[]);
    return this;
  }

  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}
