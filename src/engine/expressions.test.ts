import jsonata from 'jsonata';
import { beforeEach, describe, expect, it } from 'vitest';
import { ExpressionError } from './engine-errors.ts';
import {
  clearExpressionCache, evaluateExpression, evaluateMapping, expressionCacheSize, isTruthy, type ExpressionScope,
} from './expressions.ts';

const scope: ExpressionScope = {
  input: { name: 'Ada', tags: ['a', 'b'], orders: [{ total: 5 }, { total: 7 }] },
  steps: { lookup: { email: 'ada@example.com' } },
  in: { to: 'grace@example.com' },
  item: { sku: 'X1' },
  index: 2,
};

async function failure(run: Promise<unknown>): Promise<ExpressionError> {
  const error: unknown = await run.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ExpressionError);
  return error as ExpressionError;
}

beforeEach(() => clearExpressionCache());

describe('evaluateExpression', () => {
  it.each([
    ['input.name', 'Ada'],
    ['steps.lookup.email', 'ada@example.com'],
    ['in.to', 'grace@example.com'],
    ['item.sku & "#" & $string(index)', 'X1#2'],
    ['$sum(input.orders.total)', 12],
    ['input.missing', undefined],
  ])('%s', async (expression, expected) => {
    expect(await evaluateExpression(expression, scope)).toEqual(expected);
  });

  it('returns plain arrays and objects, detached from the scope', async () => {
    const totals = await evaluateExpression('input.orders.total', scope);
    expect(Object.keys(totals as object)).toEqual(['0', '1']);
    const orders = await evaluateExpression('input.orders', scope);
    expect(orders).toEqual([{ total: 5 }, { total: 7 }]);
    expect(orders).not.toBe((scope.input as { orders: unknown }).orders);
  });

  it('reports a syntax error with its JSONata code, position and the expression', async () => {
    const error = await failure(evaluateExpression('input.', scope, { nodeId: 'send' }));
    expect(error.code).toBe('EXPRESSION_FAILED');
    expect(error.status).toBe(422);
    expect(error.retryable).toBe(false);
    expect(error.message).toBe('Node "send": JSONata S0207 at position 6: Unexpected end of expression');
    expect(error.details).toEqual({ expression: 'input.', nodeId: 'send' });
    expect(error.cause).toMatchObject({ code: 'S0207', position: 6 });
  });

  it('reports an evaluation error', async () => {
    const error = await failure(evaluateExpression('input.name + 1', scope));
    expect(error.message).toMatch(/^JSONata T2001 at position \d+: /);
  });

  it('rejects a function as a result', async () => {
    const error = await failure(evaluateExpression('$string', scope));
    expect(error.message).toMatch(/evaluates to a function/);
  });

  it('stops an endless loop at the time limit', async () => {
    const started = Date.now();
    const error = await failure(evaluateExpression('($f := function($i) { $f($i + 1) }; $f(0))', scope, { timeoutMs: 50 }));
    expect(error.cause).toMatchObject({ code: 'D1012' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('stops deep recursion at the depth limit', async () => {
    const deep = '($f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(10000))';
    const error = await failure(evaluateExpression(deep, scope, { maxDepth: 200 }));
    expect(error.cause).toMatchObject({ code: 'D1011' });
    expect(await evaluateExpression('($f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(10))', scope, { maxDepth: 200 })).toBe(10);
  });

  it('caches compiled expressions, bounded', async () => {
    await evaluateExpression('input.name', scope);
    await evaluateExpression('input.name', scope);
    expect(expressionCacheSize()).toBe(1);
    await Promise.all(Array.from({ length: 1_005 }, (_, i) => evaluateExpression(`${i} + 1`, scope)));
    expect(expressionCacheSize()).toBe(1_000);
  });
});

describe('sandbox', () => {
  const attempts = [
    'constructor', '$.constructor', 'input.__proto__', 'input.constructor', 'input.__proto__.constructor',
    '$lookup(input, "constructor")', '$lookup(input, "__proto__")', '$string.constructor', '$eval("constructor")',
    '$eval("$string.constructor")', 'process', '$process', '$eval("process")', '$globalThis', '$require',
    '$keys(input.__proto__)',
  ];
  it.each(attempts)('%s reaches nothing', async (expression) => {
    expect(await evaluateExpression(expression, scope)).toBeUndefined();
  });

  it.each([
    '$string.constructor("return process")()',
    '$eval("$string.constructor(\\"return process\\")()")',
    '$Function("return process")()',
  ])('%s cannot call Function', async (expression) => {
    const error = await failure(evaluateExpression(expression, scope));
    expect(error.message).toMatch(/Attempted to invoke a non-function/);
  });

  it('does not let an expression change the prototype of objects', async () => {
    const result = await evaluateExpression('input ~> | $ | { "__proto__": { "polluted": true } } |', { input: { a: 1 }, steps: {} });
    expect(result).toEqual({ a: 1 });
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('evaluateMapping', () => {
  it('evaluates every key', async () => {
    const result = await evaluateMapping({ to: 'steps.lookup.email', subject: '"Hello " & input.name', none: 'input.x' }, scope);
    expect(result).toEqual({ to: 'ada@example.com', subject: 'Hello Ada', none: undefined });
    expect(Object.keys(result)).toEqual(['to', 'subject', 'none']);
  });

  it('keeps a "__proto__" key as data', async () => {
    const result = await evaluateMapping({ ['__proto__']: '1' }, scope);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(result, '__proto__')?.value).toBe(1);
  });

  it('names the failing key', async () => {
    const error = await failure(evaluateMapping({ ok: '1', bad: 'input.' }, scope, { nodeId: 'n1' }));
    expect(error.message).toBe('Node "n1": mapping "bad": JSONata S0207 at position 6: Unexpected end of expression');
    expect(error.details).toEqual({ expression: 'input.', nodeId: 'n1' });
  });
});

describe('isTruthy', () => {
  const values: unknown[] = [
    undefined, null, true, false, 0, 1, -1, '', 'x', 'false', [], [0], [0, ''], [0, 1], [[]], [[1]], {}, { a: 0 }, [{}],
  ];
  it.each(values.map((value) => [JSON.stringify(value) ?? 'undefined', value]))('%s matches $boolean', async (_, value) => {
    const expected: unknown = await jsonata('$boolean($v)').evaluate({}, { v: value });
    expect(isTruthy(value)).toBe(expected ?? false);
  });

  it('treats functions as false', () => {
    expect(isTruthy(() => true)).toBe(false);
  });
});
