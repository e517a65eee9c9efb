/**
 * Problems found in a reader's input (src/core/problems.ts), put into words in the reader's
 * language: each code has its message `problem_<code>` in every catalogue, each kind of JSON
 * value its name `kind_<kind>`. Field paths, ids and keys are the author's own text and are
 * shown as written; everything around them is translated.
 */
import {
  PROBLEMS,
  SENTENCES,
  type ParamKind,
  type Problem,
  type ProblemParam,
} from '../core/problems';
import { formatChoice, formatList, formatNumber, t } from './i18n';

const list = (value: ProblemParam): string[] =>
  Array.isArray(value) ? [...(value as readonly string[])] : [String(value)];

/** Rounded up, so a file just over a limit never reads as the limit itself. */
export function formatSize(bytes: number): string {
  const tenths = (unit: number) => Math.ceil(bytes / (unit / 10)) / 10;
  const one = { maximumFractionDigits: 1 };
  if (bytes >= 1e6) return t('size_mb', formatNumber(tenths(1e6), one));
  if (bytes >= 1e3) return t('size_kb', formatNumber(tenths(1e3), one));
  return t('size_bytes', bytes);
}

function shown(kind: ParamKind, value: ProblemParam): string | number {
  switch (kind) {
    case 'count':
      return typeof value === 'number' ? value : String(value);
    case 'size':
      return formatSize(Number(value));
    case 'values':
      return formatList(list(value));
    case 'kind':
      return t(`kind_${String(value)}`);
    case 'kinds':
      return formatChoice(list(value).map((k) => t(`kind_${k}`)));
    case 'value':
    case 'path':
    case 'detail':
      return String(value);
  }
}

/** What is wrong, without where: "must not be empty". */
export function problemText(problem: Problem): string {
  const kinds: readonly ParamKind[] = PROBLEMS[problem.code];
  const values = kinds.map((kind, i) => shown(kind, problem.params[i] ?? ''));
  return t(`problem_${problem.code}`, ...values);
}

/**
 * What a problem is about, to put before its message: the field, or `whole` (the file, the
 * entry) when it has none; nothing for a message that is a sentence of its own.
 */
export function problemSubject(problem: Problem, whole: string): string | undefined {
  if (problem.path) return problem.path;
  return SENTENCES.has(problem.code) ? undefined : whole;
}

/** The problem with its field first: "entities[3].name: must not be empty". */
export function problemLine(problem: Problem, whole = t('datasets_the_file')): string {
  const subject = problemSubject(problem, whole);
  const text = problemText(problem);
  return subject === undefined ? text : t('problem_at', subject, text);
}
