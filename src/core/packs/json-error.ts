/**
 * Where a JSON.parse failure sits, as a line and column a pack author can jump to.
 *
 * Engines say it differently: V8 ends most messages with "at position N" (newer versions add
 * "(line L column C)") but says only "Unexpected end of JSON input" when the text stops early;
 * SpiderMonkey (Firefox) ends with "at line L column C of the JSON data"; JavaScriptCore gives
 * neither. The patterns are anchored to the end of the message because V8 quotes a snippet of
 * the input in some messages, and the input is the pack author's text, not ours. When no
 * pattern fits, a small scanner finds the first offending character itself.
 */

export interface TextPosition {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units (as editors count them). */
  column: number;
  /** The text ended where more JSON was expected: a truncated download or copy. */
  atEnd: boolean;
}

const SPIDERMONKEY = /at line (\d+) column (\d+) of the JSON data$/;
const V8 = /at position (\d+)(?: \(line \d+ column \d+\))?$/;
const END = /end of (?:JSON input|data)|EOF/i;

export function jsonErrorPosition(text: string, message: string): TextPosition {
  // Engines do not always say so when the text stops early (Firefox, cut inside a string:
  // "unterminated string"): the scanner tells, whatever the message.
  const atEnd = END.test(message) || firstJsonError(text) === text.length;
  const lineColumn = SPIDERMONKEY.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]), atEnd };
  const position = V8.exec(message);
  const offset = position ? Number(position[1]) : atEnd ? text.length : firstJsonError(text);
  return positionOf(text, Math.min(Math.max(offset, 0), text.length));
}

function positionOf(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, atEnd: offset >= text.length };
}

class Stop extends Error {}

const WORDS = ['true', 'false', 'null'];
const ESCAPES = '"\\/bfnrt';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/**
 * The offset of the first character at which `text` stops being JSON (RFC 8259), its length
 * when it ends early, or -1 when it is valid. Iterative, with an explicit stack of open
 * brackets, so deeply nested input cannot overflow the call stack.
 */
export function firstJsonError(text: string): number {
  let i = 0;
  const open: string[] = [];
  const need = (ok: boolean) => {
    if (!ok) throw new Stop();
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  // Each reader stops on the first character that does not fit, as the engines report it.
  const string = () => {
    need(text[i] === '"');
    for (i++; ; i++) {
      need(i < text.length && text.charCodeAt(i) >= 0x20);
      if (text[i] === '"') break;
      if (text[i] !== '\\') continue;
      i++;
      if (text[i] !== 'u') need(i < text.length && ESCAPES.includes(text[i]!));
      else for (let k = 0; k < 4; k++) need(isHex(text[++i]));
    }
    i++;
  };
  const digits = () => {
    need(isDigit(text[i]));
    while (isDigit(text[i])) i++;
  };
  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
  };
  const member = () => {
    space();
    string();
    space();
    need(text[i] === ':');
    i++;
  };
  const scalar = () => {
    const word = WORDS.find((w) => w[0] === text[i]);
    if (text[i] === '"') string();
    else if (!word) number();
    else {
      for (const letter of word) {
        need(text[i] === letter);
        i++;
      }
    }
  };

  try {
    let wantValue = true;
    for (;;) {
      space();
      if (wantValue) {
        const bracket = text[i];
        if (bracket === '{' || bracket === '[') {
          const close = bracket === '{' ? '}' : ']';
          i++;
          space();
          if (text[i] === close) {
            i++;
            wantValue = false;
          } else {
            open.push(close);
            if (close === '}') member();
          }
        } else {
          scalar();
          wantValue = false;
        }
        continue;
      }
      const close = open.at(-1);
      if (close === undefined) {
        need(i === text.length);
        return -1;
      }
      if (text[i] === ',') {
        i++;
        if (close === '}') member();
        wantValue = true;
      } else {
        need(text[i] === close);
        open.pop();
        i++;
      }
    }
  } catch (error) {
    if (error instanceof Stop) return Math.min(i, text.length);
    throw error;
  }
}
