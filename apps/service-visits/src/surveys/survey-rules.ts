/** V-4: a satisfaction score is a whole number from 1 (very dissatisfied) to 5 (very satisfied). */
export const MIN_SCORE = 1;
export const MAX_SCORE = 5;
export const MAX_COMMENT_LENGTH = 2000;

/** What is wrong with a survey's answer, field by field (empty when nothing is). */
export function surveyProblems(answer: { score: unknown; comment?: unknown }): { field: string; reason: string }[] {
  const problems: { field: string; reason: string }[] = [];
  if (typeof answer.score !== 'number' || !Number.isInteger(answer.score) || answer.score < MIN_SCORE || answer.score > MAX_SCORE) {
    problems.push({ field: 'score', reason: `must be a whole number from ${MIN_SCORE} to ${MAX_SCORE}` });
  }
  if (answer.comment !== undefined && answer.comment !== null) {
    if (typeof answer.comment !== 'string') problems.push({ field: 'comment', reason: 'must be text' });
    else if (answer.comment.trim() === '') problems.push({ field: 'comment', reason: 'must not be blank; leave it out instead' });
    else if (answer.comment.length > MAX_COMMENT_LENGTH) problems.push({ field: 'comment', reason: `must be at most ${MAX_COMMENT_LENGTH} characters` });
  }
  return problems;
}

export interface ScoreRow {
  employeeId: string;
  departmentId: string | null;
  score: number;
}

export interface Average {
  surveys: number;
  /** Rounded to two decimals; null when there were no surveys. */
  averageScore: number | null;
}

/** The average of whole scores, to two decimals (what a report shows). */
export function averageOf(total: number, count: number): number | null {
  return count === 0 ? null : Math.round((total / count) * 100) / 100;
}

/** A period of business days, inclusive, at most `maxDays` long: or what is wrong with it. */
export function periodProblem(from: string, to: string, maxDays: number, daysBetween: (a: string, b: string) => number): string | null {
  const span = daysBetween(from, to);
  if (span < 0) return 'from must not be after to';
  if (span + 1 > maxDays) return `the period must be at most ${maxDays} days`;
  return null;
}
