import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-error.ts';
import { detailLines, problemsOf } from './problems-of.ts';

describe('problemsOf', () => {
  it('reads the problems of WORKFLOW_INVALID', () => {
    const error = ApiError.fromResponse(400, { error: { code: 'WORKFLOW_INVALID', message: 'x', details: { problems: [{ code: 'UNREACHABLE', message: 'No path', nodeId: 'b' }, 'junk'] } } });
    expect(problemsOf(error)).toEqual([{ code: 'UNREACHABLE', message: 'No path', nodeId: 'b' }]);
    expect(problemsOf(new Error('x'))).toEqual([]);
  });
});

describe('detailLines', () => {
  it('reads field issues in either shape', () => {
    expect(detailLines(ApiError.fromResponse(400, { error: { details: [{ path: 'input', message: 'Required' }] } }))).toEqual(['input: Required']);
    expect(detailLines(ApiError.fromResponse(400, { error: { details: { issues: [{ path: ['a', 0], message: 'Bad' }, { message: 'Whole' }] } } }))).toEqual(['a.0: Bad', 'Whole']);
    expect(detailLines(ApiError.fromResponse(404, {}))).toEqual([]);
  });
});
