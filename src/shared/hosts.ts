/**
 * Host name patterns for the reader's site rules: "example.com" covers the site and its
 * subdomains, "*.example.com" only its subdomains. A pasted address is reduced to its host
 * with a note; anything else gets a message that says what is wrong.
 */

import { t } from './i18n';

export type HostPattern =
  { ok: true; pattern: string; note?: string } | { ok: false; message: string };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export function parseHostPattern(input: string): HostPattern {
  let text = input.trim().toLowerCase();
  let note: string | undefined;
  if (text === '') return { ok: false, message: t('host_empty', 'example.com') };
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    try {
      const host = new URL(text).hostname;
      note = t('host_only_host_used', host);
      text = host;
    } catch {
      return { ok: false, message: t('host_not_an_address', input.trim()) };
    }
  }
  if (/[/?#:@\s]/.test(text))
    return { ok: false, message: t('host_only_host', input.trim(), 'example.com') };
  const wildcard = text.startsWith('*.');
  const host = wildcard ? text.slice(2) : text;
  if (host.includes('*'))
    return { ok: false, message: t('host_star_first', input.trim(), '*.example.com') };
  if (host.length > 253) return { ok: false, message: t('host_too_long') };
  const labels = host.split('.');
  if (!labels.every((l) => LABEL.test(l)))
    return { ok: false, message: t('host_bad_labels', input.trim()) };
  if (wildcard && labels.length < 2)
    return { ok: false, message: t('host_star_needs_domain', input.trim(), '*.example.com') };
  return { ok: true, pattern: wildcard ? `*.${host}` : host, ...(note && { note }) };
}

/** Whether a valid pattern covers a (lower-case) host. */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
  return host === pattern || host.endsWith(`.${pattern}`);
}
