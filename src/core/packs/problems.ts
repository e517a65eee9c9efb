import type { z } from 'zod';
import { fieldPath } from '../dataset/validate';

/** `path` names the field (`entities[12].aliases[0]`); it is "" for the file as a whole. */
export interface PackProblem {
  path: string;
  message: string;
}

/** A file that is wrong everywhere needs its first screenful of problems, not 50,000 of them. */
const MAX_PROBLEMS = 200;

export function capped(problems: PackProblem[]): PackProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const more = problems.length - MAX_PROBLEMS;
  return [...problems.slice(0, MAX_PROBLEMS), { path: '', message: `… and ${more} more` }];
}

/** A missing field reads "is required" rather than zod's "expected string, received undefined". */
export const requiredMessage: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined;

export function schemaProblems(error: z.ZodError): PackProblem[] {
  return error.issues
    .flatMap((issue) => unwrapUnion(issue))
    .map((issue) => ({ path: fieldPath(issue.path), message: clip(issue.message) }));
}

/**
 * zod says only "Invalid input" when no branch of a union fits. An alias is a string or an
 * object: when the value is an object, the author meant the object, so its own problems
 * ("text: is required") are the useful ones; when it is neither, name what would fit.
 */
function unwrapUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const wrongType = (issues: z.core.$ZodIssue[]) =>
    issues.length === 1 && issues[0]!.code === 'invalid_type' && issues[0]!.path.length === 0;
  const meant = issue.errors.filter((issues) => !wrongType(issues));
  if (meant.length === 1) {
    return meant[0]!.flatMap((inner) =>
      unwrapUnion({ ...inner, path: [...issue.path, ...inner.path] }),
    );
  }
  if (meant.length > 0) return [issue];
  const expected = issue.errors.map((issues) => {
    const first = issues[0];
    return first?.code === 'invalid_type' ? first.expected : 'something else';
  });
  return [{ ...issue, message: `Invalid input: expected ${expected.join(' or ')}` }];
}

/** Field values quoted back in messages are the author's text: keep them to a readable size. */
export function clip(value: string, max = 300): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

export const quote = (value: string): string => JSON.stringify(clip(value, 80));
