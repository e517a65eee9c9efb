import { describe, expect, it } from 'vitest';
import { firstJsonError, jsonErrorPosition } from './json-error';

function engineMessage(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as SyntaxError).message;
  }
  throw new Error('expected invalid JSON');
}

/** Broken JSON for which V8 reports a position. */
const BROKEN = [
  '{"a": 1,}',
  '{"a" 1}',
  '[1, 2 3]',
  '{"a": 1}x',
  '{"a": "line\nbreak"}',
  '{"a": "\\q"}',
  '{"a": 01}',
  '{"a": -}',
  "{'a': 1}",
  '{"a": [1, 2}',
  '{"a": 1.}',
  '{"a": 1e}',
  '"\\u00"',
];

describe('jsonErrorPosition', () => {
  it('reads the offset from a V8 message and turns it into a line and column', () => {
    const text = '{\n  "a": 1,\n  "b": 2\n  "c": 3\n}';
    expect(jsonErrorPosition(text, engineMessage(text))).toEqual({
      line: 4,
      column: 3,
      atEnd: false,
    });
  });

  it('reads the line and column from a Firefox message', () => {
    const message = 'JSON.parse: unexpected end of data at line 12 column 7 of the JSON data';
    expect(jsonErrorPosition('', message)).toEqual({ line: 12, column: 7, atEnd: true });
  });

  it('knows a text cut inside a string is cut short, though Firefox says only "unterminated"', () => {
    const cut = '{\n  "name": "Quillon Va';
    const message = 'JSON.parse: unterminated string at line 2 column 11 of the JSON data';
    expect(jsonErrorPosition(cut, message)).toEqual({ line: 2, column: 11, atEnd: true });
    // The same words for a line break inside a string, which is not the end of the text.
    const broken = '{\n  "name": "Quillon\nVarga"}';
    expect(jsonErrorPosition(broken, message)).toEqual({ line: 2, column: 11, atEnd: false });
  });

  it('puts "Unexpected end of JSON input" at the end of the text', () => {
    const text = '{\n  "a": [1,\n  tru';
    expect(engineMessage(text)).not.toMatch(/position/);
    expect(jsonErrorPosition(text, engineMessage(text))).toEqual({
      line: 3,
      column: 6,
      atEnd: true,
    });
  });

  it('trusts only the end of the message: V8 quotes the input, which may say anything', () => {
    const text = '{"note": "at position 2"} x';
    expect(jsonErrorPosition(text, 'Unexpected token "at position 2" is not valid JSON')).toEqual({
      line: 1,
      column: 27,
      atEnd: false,
    });
  });

  it('finds the place itself when the message says nothing (Safari)', () => {
    expect(jsonErrorPosition('{\n"a": [1 2]}', 'JSON Parse error: Expected ]')).toEqual({
      line: 2,
      column: 9,
      atEnd: false,
    });
  });
});

describe('firstJsonError', () => {
  it.each(BROKEN)('agrees with V8 on %j', (text) => {
    const position = /at position (\d+)/.exec(engineMessage(text));
    expect(position).not.toBeNull();
    expect(firstJsonError(text)).toBe(Number(position![1]));
  });

  it('stops at the character that breaks it where V8 gives no position', () => {
    expect(firstJsonError('{"a": nul}')).toBe(9);
    expect(firstJsonError('\n\n  {"a": tru }')).toBe(13);
  });

  it('gives the length of a text that ends early', () => {
    for (const text of ['', '{', '{"a"', '{"a":', '{"a": "b', '[1, {"c": [tru', '"\\u00']) {
      expect(firstJsonError(text)).toBe(text.length);
    }
  });

  it('returns -1 for valid JSON, however deeply nested', () => {
    const deep = `${'[{"a":'.repeat(100_000)}null${'}]'.repeat(100_000)}`;
    for (const text of [
      '{}',
      '[]',
      ' 1e-5 ',
      '"\\u00e9\\n"',
      '{"a": [true, false, null, -0.5]}',
      deep,
    ]) {
      expect(firstJsonError(text)).toBe(-1);
    }
  });
});
