/**
 * Folding that keeps offsets. Every UTF-16 code unit of a text folds to exactly one code unit
 * (or is "ignorable" and skipped), so a match found on folded units has its offsets in the
 * original string. Folds: case; Latin diacritics (ā → a); apostrophe forms (’ ‘ ʼ ` → ');
 * hyphens and dashes (– — ‑ − → -); every space and line break (→ ' '); Arabic and Persian
 * letter variants (ی ى → ي, ک → ك, ة ۀ → ه, أ إ آ ٱ → ا). Ignorable, i.e. transparent inside a
 * name: soft hyphen, zero-width space/joiners (ZWNJ included), word joiner, BOM, tatweel,
 * Arabic harakat, and the ayin/hamza marks of transliteration (ʿ ʾ).
 *
 * The class and fold of each code unit are computed on first sight and cached in two 64 K
 * tables, so a page only pays for the characters it contains.
 */

export const WORD = 1;
export const SPACE = 2;
export const IGNORE = 4;
export const SURROGATE = 8;
const KNOWN = 128;

/**
 * One entry per code unit: (folded unit << 8) | class bits | KNOWN, or 0 before first sight.
 * The matcher's hot loop reads it directly: one typed-array load per character.
 */
export const INFO = new Int32Array(65536);

const APOSTROPHES = '\u2019\u2018\u02BC\u0060\u00B4\u2032\u02BB';
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE63\uFF0D';
const SPACES =
  ' \t\n\v\f\r\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000';
// Also the transliteration marks for ayin and hamza (Esmāʿīl), which readers skip.
const IGNORABLE = '\u00AD\u200B\u200C\u200D\u2060\uFEFF\u0640\u0670\u02BE\u02BF';
const ARABIC: Record<string, string> = {
  '\u06CC': '\u064A', // Persian yeh
  '\u0649': '\u064A', // alef maksura
  '\u06A9': '\u0643', // Persian keheh
  '\u0629': '\u0647', // teh marbuta
  '\u06C0': '\u0647', // heh with yeh above
  '\u0623': '\u0627', // alef with hamza above
  '\u0625': '\u0627', // alef with hamza below
  '\u0622': '\u0627', // alef with madda
  '\u0671': '\u0627', // alef wasla
};

const special = new Map<number, [cls: number, fold: string]>();
for (const ch of APOSTROPHES) special.set(ch.charCodeAt(0), [0, "'"]);
for (const ch of DASHES) special.set(ch.charCodeAt(0), [0, '-']);
for (const ch of SPACES) special.set(ch.charCodeAt(0), [SPACE, ' ']);
for (const ch of IGNORABLE) special.set(ch.charCodeAt(0), [IGNORE, ch]);
for (let c = 0x064b; c <= 0x065f; c++) special.set(c, [IGNORE, String.fromCharCode(c)]); // harakat
for (const [from, to] of Object.entries(ARABIC)) special.set(from.charCodeAt(0), [WORD, to]);

const WORD_RE = /[\p{L}\p{N}\p{M}]/u;

export function learn(code: number): number {
  const unit = String.fromCharCode(code);
  let cls: number;
  let fold = unit;
  const known = special.get(code);
  if (known) {
    [cls, fold] = known;
  } else if (code >= 0xd800 && code <= 0xdfff) {
    cls = SURROGATE;
  } else {
    cls = WORD_RE.test(unit) ? WORD : 0;
    if (code < 0x250) {
      const base = unit.normalize('NFD').charAt(0).toLowerCase();
      if (base.length === 1) fold = base;
    } else {
      const lower = unit.toLowerCase();
      if (lower.length === 1) fold = lower;
    }
  }
  const info = (fold.charCodeAt(0) << 8) | cls | KNOWN;
  INFO[code] = info;
  return info;
}

/** INFO[code], computed on first sight. */
export function infoOf(code: number): number {
  const info = INFO[code]!;
  return info === 0 ? learn(code) : info;
}

/** The class bits (WORD, SPACE, IGNORE, SURROGATE) of a code unit. */
export function classOf(code: number): number {
  return infoOf(code) & 0x7f;
}

/** The folded code unit (valid for units that are not IGNORE). */
export function foldCode(code: number): number {
  return infoOf(code) >>> 8;
}

const ASTRAL_WORD = /^[\p{L}\p{N}\p{M}]$/u;

/** Whether the character starting at `index` is a letter, digit or mark, skipping ignorables. */
export function isWordAt(text: string, index: number): boolean {
  let i = index;
  while (i < text.length) {
    const cls = classOf(text.charCodeAt(i));
    if (cls & IGNORE) {
      i++;
      continue;
    }
    if (cls & SURROGATE) {
      const cp = text.codePointAt(i)!;
      return ASTRAL_WORD.test(String.fromCodePoint(cp));
    }
    return (cls & WORD) !== 0;
  }
  return false;
}

/** Whether the character ending just before `index` is a letter, digit or mark, skipping ignorables. */
export function isWordBefore(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0) {
    const code = text.charCodeAt(i);
    const cls = classOf(code);
    if (cls & IGNORE) {
      i--;
      continue;
    }
    if (cls & SURROGATE) {
      const start = code >= 0xdc00 && i > 0 ? i - 1 : i;
      return ASTRAL_WORD.test(String.fromCodePoint(text.codePointAt(start)!));
    }
    return (cls & WORD) !== 0;
  }
  return false;
}

/** Folds a whole string, dropping ignorables (so its offsets do not map 1:1). */
export function foldAlias(alias: string): string {
  let out = '';
  for (let i = 0; i < alias.length; i++) {
    const code = alias.charCodeAt(i);
    if (classOf(code) & IGNORE) continue;
    out += String.fromCharCode(foldCode(code));
  }
  return out.replace(/ +/g, ' ').trim();
}

/** Folds punctuation, spaces and ignorables but keeps case: how a case-sensitive alias is compared. */
export function foldKeepCase(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const cls = classOf(code);
    if (cls & IGNORE) continue;
    const folded = foldCode(code);
    out +=
      folded === 0x27 || folded === 0x2d || folded === 0x20
        ? String.fromCharCode(folded)
        : text.charAt(i);
  }
  return out.replace(/ +/g, ' ').trim();
}
