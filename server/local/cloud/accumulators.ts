import { invalidParam, unsupported } from './errors';
import { evalExpr } from './expressions';
import { compareValues, isPlainObject, valuesEqual, type Doc } from './values';

// $group accumulators: $sum, $avg, $min, $max, $first, $last, $push, $addToSet.

export interface Accumulator {
  add(doc: Doc): void;
  result(): unknown;
}

export type AccumulatorFactory = () => Accumulator;

export function compileAccumulator(field: string, spec: unknown): AccumulatorFactory {
  if (!isPlainObject(spec) || Object.keys(spec).length !== 1) {
    throw invalidParam(`$group field '${field}' needs exactly one accumulator, e.g. { $sum: 1 }`);
  }
  const op = Object.keys(spec)[0];
  const expr = spec[op];
  const value = (doc: Doc): unknown => evalExpr(expr, doc);
  switch (op) {
    case '$sum':
      return () => {
        let sum = 0;
        return {
          add: (d) => {
            const v = value(d);
            if (typeof v === 'number') sum += v;
          },
          result: () => sum,
        };
      };
    case '$avg':
      return () => {
        let sum = 0;
        let n = 0;
        return {
          add: (d) => {
            const v = value(d);
            if (typeof v === 'number') {
              sum += v;
              n++;
            }
          },
          result: () => (n === 0 ? null : sum / n),
        };
      };
    case '$min':
    case '$max': {
      const sign = op === '$min' ? -1 : 1;
      return () => {
        let best: unknown;
        return {
          add: (d) => {
            const v = value(d);
            if (v === null || v === undefined) return; // ignored, as in MongoDB
            if (best === undefined || compareValues(v, best) * sign > 0) best = v;
          },
          result: () => best ?? null,
        };
      };
    }
    case '$first':
      return () => {
        let seen = false;
        let first: unknown = null;
        return {
          add: (d) => {
            if (!seen) {
              seen = true;
              first = value(d) ?? null;
            }
          },
          result: () => first,
        };
      };
    case '$last':
      return () => {
        let last: unknown = null;
        return {
          add: (d) => {
            last = value(d) ?? null;
          },
          result: () => last,
        };
      };
    case '$push':
      return () => {
        const out: unknown[] = [];
        return {
          add: (d) => {
            const v = value(d);
            if (v !== undefined) out.push(v);
          },
          result: () => out,
        };
      };
    case '$addToSet':
      return () => {
        const out: unknown[] = [];
        return {
          add: (d) => {
            const v = value(d);
            if (v !== undefined && !out.some((x) => valuesEqual(x, v))) out.push(v);
          },
          result: () => out,
        };
      };
    default:
      throw unsupported(`$group accumulator ${op}`);
  }
}
