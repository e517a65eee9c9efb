/**
 * Folding that keeps offsets: every UTF-16 code unit of the input maps to exactly one code unit
 * of the output, so a match found in folded text has the same offsets in the original.
 * Folds case, Latin diacritics (ā → a), apostrophe forms (’ ‘ ʼ ` → ') and dash forms
 * (– — ‑ − → -), and turns every kind of space or line break into ' '.
 */

const APOSTROPHES = '\u2019\u2018\u02BC\u0060\u00B4\u2032\u02BB';
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE63\uFF0D';
const SPACES =
  '\t\n\v\f\r\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000';

const table = new Map<number, string>();
for (const ch of APOSTROPHES) table.set(ch.charCodeAt(0), "'");
for (const ch of DASHES) table.set(ch.charCodeAt(0), '-');
for (const ch of SPACES) table.set(ch.charCodeAt(0), ' ');

/** Folds one code unit; astral halves and characters whose lower case changes length pass through. */
export function foldUnit(unit: string): string {
  const code = unit.charCodeAt(0);
  const mapped = table.get(code);
  if (mapped !== undefined) return mapped;
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : unit;
  if (code >= 0xd800 && code <= 0xdfff) return unit;
  if (code < 0x250) {
    // Latin-1 and Latin Extended-A/B: strip the diacritic, then fold case (İ → I → i).
    const base = unit.normalize('NFD').charAt(0).toLowerCase();
    if (base.length === 1) return base;
  }
  const lower = unit.toLowerCase();
  return lower.length === 1 ? lower : unit;
}

export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldUnit(text.charAt(i));
  return out;
}

/** Folds an alias and collapses runs of spaces, the form stored in the matcher's trie. */
export function foldAlias(alias: string): string {
  return fold(alias).replace(/ +/g, ' ').trim();
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

/** True when the code point that starts at `index` is a letter, digit or mark. */
export function isWordCharAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const cp = text.codePointAt(index);
  return cp !== undefined && WORD.test(String.fromCodePoint(cp));
}

/** True when the code point that ends just before `index` is a letter, digit or mark. */
export function isWordCharBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  let start = index - 1;
  const unit = text.charCodeAt(start);
  if (unit >= 0xdc00 && unit <= 0xdfff && start > 0) start -= 1;
  return isWordCharAt(text, start);
}

/**
 * Folds only punctuation and spaces, keeping case and diacritics: the form in which a
 * case-sensitive alias ("PAK") is compared with the text it matched.
 */
export function foldKeepCase(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charAt(i);
    out += table.get(unit.charCodeAt(0)) ?? unit;
  }
  return out.replace(/ +/g, ' ').trim();
}
