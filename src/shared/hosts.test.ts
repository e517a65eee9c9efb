import { describe, expect, it } from 'vitest';
import { hostMatches, parseHostPattern } from './hosts';

describe('host patterns', () => {
  it('accepts host names and *.domain patterns, lower-cased', () => {
    expect(parseHostPattern(' News.Example.org ')).toEqual({
      ok: true,
      pattern: 'news.example.org',
    });
    expect(parseHostPattern('*.example.org')).toEqual({ ok: true, pattern: '*.example.org' });
    expect(parseHostPattern('localhost')).toEqual({ ok: true, pattern: 'localhost' });
  });

  it('reduces a pasted address to its host, and says so', () => {
    expect(parseHostPattern('https://www.bbc.co.uk/news/world')).toEqual({
      ok: true,
      pattern: 'www.bbc.co.uk',
      note: 'only the host name is used: www.bbc.co.uk',
    });
  });

  it('explains what is wrong with anything else', () => {
    const message = (s: string) => {
      const r = parseHostPattern(s);
      return r.ok ? '' : r.message;
    };
    expect(message('')).toMatch(/empty/);
    expect(message('example.com/path')).toMatch(/only the host name/);
    expect(message('ex*ample.com')).toMatch(/\* may only stand first/);
    expect(message('-bad-.com')).toMatch(/not a host name/);
    expect(message('*.com.')).toMatch(/not a host name/);
  });

  it('covers the site and its subdomains, or only subdomains with *.', () => {
    expect(hostMatches('example.com', 'example.com')).toBe(true);
    expect(hostMatches('example.com', 'news.example.com')).toBe(true);
    expect(hostMatches('example.com', 'badexample.com')).toBe(false);
    expect(hostMatches('*.example.com', 'example.com')).toBe(false);
    expect(hostMatches('*.example.com', 'a.example.com')).toBe(true);
  });
});
