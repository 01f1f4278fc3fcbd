import { daysBetween } from '@crm/clock';
import { averageOf, periodProblem, surveyProblems } from './survey-rules';

describe('survey answers (V-4)', () => {
  it.each([1, 2, 3, 4, 5])('accepts the score %i', (score) => {
    expect(surveyProblems({ score })).toEqual([]);
  });

  it.each([0, 6, -1, 2.5, Number.NaN, Infinity, '3', null, undefined, true])('refuses the score %p', (score) => {
    expect(surveyProblems({ score })).toEqual([{ field: 'score', reason: 'must be a whole number from 1 to 5' }]);
  });

  it('accepts a comment, or none', () => {
    expect(surveyProblems({ score: 4, comment: '服务很周到' })).toEqual([]);
    expect(surveyProblems({ score: 4, comment: undefined })).toEqual([]);
    expect(surveyProblems({ score: 4, comment: null })).toEqual([]);
    expect(surveyProblems({ score: 4, comment: 'x'.repeat(2000) })).toEqual([]);
  });

  it.each([
    ['', /blank/],
    ['   ', /blank/],
    ['x'.repeat(2001), /at most 2000/],
    [42, /text/],
  ])('refuses the comment %p', (comment, reason) => {
    const problems = surveyProblems({ score: 3, comment });
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe('comment');
    expect(problems[0].reason).toMatch(reason);
  });

  it('names every problem at once', () => {
    expect(surveyProblems({ score: 9, comment: '' }).map((p) => p.field)).toEqual(['score', 'comment']);
  });

  it('averages to two decimals, and none without surveys', () => {
    expect(averageOf(0, 0)).toBeNull();
    expect(averageOf(5, 1)).toBe(5);
    expect(averageOf(10, 3)).toBe(3.33);
    expect(averageOf(11, 3)).toBe(3.67);
    expect(averageOf(9, 2)).toBe(4.5);
  });

  it.each([
    ['2031-01-01', '2031-01-01', null],
    ['2031-01-01', '2031-12-31', null],
    ['2031-01-02', '2031-01-01', /after/],
    ['2031-01-01', '2032-01-02', /at most 366/],
  ])('period %s..%s', (from, to, expected) => {
    const problem = periodProblem(from, to, 366, daysBetween);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});
