/**
 * Host name patterns for the reader's site rules: "example.com" covers the site and its
 * subdomains, "*.example.com" only its subdomains. A pasted address is reduced to its host
 * with a note; anything else gets a message that says what is wrong.
 */

export type HostPattern =
  { ok: true; pattern: string; note?: string } | { ok: false; message: string };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export function parseHostPattern(input: string): HostPattern {
  let text = input.trim().toLowerCase();
  let note: string | undefined;
  if (text === '') return { ok: false, message: 'empty: write a host name such as example.com' };
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    try {
      const host = new URL(text).hostname;
      note = `only the host name is used: ${host}`;
      text = host;
    } catch {
      return { ok: false, message: `“${input.trim()}” is not a web address or host name` };
    }
  }
  if (/[/?#:@\s]/.test(text))
    return { ok: false, message: `“${input.trim()}”: write only the host name, like example.com` };
  const wildcard = text.startsWith('*.');
  const host = wildcard ? text.slice(2) : text;
  if (host.includes('*'))
    return {
      ok: false,
      message: `“${input.trim()}”: a * may only stand first, as in *.example.com`,
    };
  if (host.length > 253) return { ok: false, message: 'longer than a host name can be' };
  const labels = host.split('.');
  if (!labels.every((l) => LABEL.test(l)))
    return {
      ok: false,
      message: `“${input.trim()}” is not a host name (letters, digits and hyphens between dots)`,
    };
  if (wildcard && labels.length < 2)
    return {
      ok: false,
      message: `“${input.trim()}”: *. needs a domain after it, as in *.example.com`,
    };
  return { ok: true, pattern: wildcard ? `*.${host}` : host, ...(note && { note }) };
}

/** Whether a valid pattern covers a (lower-case) host. */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
  return host === pattern || host.endsWith(`.${pattern}`);
}
