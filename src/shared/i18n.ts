import english from '../../public/_locales/en/messages.json';

/**
 * Every string the reader sees comes from here: the browser's i18n catalogue
 * (public/_locales/<lang>/messages.json) once an entrypoint hands over `browser.i18n.getMessage`,
 * the English catalogue until then (Node: unit tests, scripts). Messages use `$1`…`$9` for
 * substitutions, which both Chrome and Firefox fill in; translations place them where their
 * grammar wants them, so sentences are never built from fragments.
 */
export type GetMessage = (key: string, substitutions?: string[]) => string;

export interface CatalogueEntry {
  message: string;
  description?: string;
}
export type Catalogue = Record<string, CatalogueEntry>;

/** Looks a message up in a catalogue read from disk, substituting as the browsers do. */
export function fromCatalogue(catalogue: Catalogue): GetMessage {
  return (key, substitutions = []) => {
    const entry = catalogue[key];
    if (!entry) throw new Error(`No message "${key}" in the catalogue`);
    return entry.message.replace(/\$(\$|[1-9])/g, (_, n: string) =>
      n === '$' ? '$' : (substitutions[Number(n) - 1] ?? ''),
    );
  };
}

let getMessage: GetMessage = fromCatalogue(english as Catalogue);

/** Wiring: entrypoints call this with the browser's own lookup before drawing anything. */
export function useMessages(lookup: GetMessage): void {
  getMessage = lookup;
}

/** The message `key` in the reader's language, with `$1`, `$2`… replaced by `substitutions`. */
export function t(key: string, ...substitutions: (string | number)[]): string {
  if (substitutions.length === 0) return getMessage(key);
  // In a right-to-left sentence each inserted value (a host name, an English entity name) is
  // isolated (FSI … PDI), so its own direction cannot reorder the words around it.
  const rtl = getMessage('direction') === 'rtl';
  return getMessage(
    key,
    substitutions.map((s) => {
      const text = typeof s === 'number' ? formatNumber(s) : s;
      return rtl ? `\u2068${text}\u2069` : text;
    }),
  );
}

/**
 * The language the messages shown are in, and its direction. Taken from the catalogue itself
 * rather than from the browser's UI language: a browser in a language we have no catalogue for
 * shows English, which must then be laid out left to right (the browser's `@@bidi_dir` would
 * follow the UI language, e.g. Hebrew, and lay English out right to left).
 */
export function uiLocale(): { lang: string; dir: 'ltr' | 'rtl' } {
  return { lang: t('locale'), dir: t('direction') === 'rtl' ? 'rtl' : 'ltr' };
}

/**
 * Intl formatters are slow to build (a card formats every date it shows; the popup every count,
 * once a second): one per language, kind and options, kept.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(
  kind: string,
  options: object | undefined,
  make: (locale: string) => F,
): F {
  const locale = t('locale');
  const key = `${kind} ${locale} ${JSON.stringify(options ?? {})}`;
  let found = formatters.get(key) as F | undefined;
  if (!found) formatters.set(key, (found = make(locale)));
  return found;
}

/** A count as the reader's language writes numbers (Persian and Arabic digits where used). */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return formatter('number', options, (l) => new Intl.NumberFormat(l, options)).format(n);
}

/** Items joined as the reader's language lists them ("a, b, c"; Arabic and Persian use "،"). */
export function formatList(items: string[]): string {
  const options = { style: 'short', type: 'unit' } as const;
  return formatter('list', options, (l) => new Intl.ListFormat(l, options)).format(items);
}

/** Alternatives as the reader's language offers them ("a or b"; Persian "a یا b"). */
export function formatChoice(items: string[]): string {
  const options = { type: 'disjunction' } as const;
  return formatter('choice', options, (l) => new Intl.ListFormat(l, options)).format(items);
}

/** A date formatter for the reader's language. */
export function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return formatter('date', options, (l) => new Intl.DateTimeFormat(l, options));
}
