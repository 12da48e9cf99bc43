import type { z } from 'zod';

// A plain description of an action's input, read from its zod 4 schema (`schema._zod.def`), so
// the fuzzer knows which fields exist, what type each expects and which limits apply. Any zod
// type this file does not understand is an error: an action whose input cannot be described
// has no fuzz coverage, and the coverage test says so instead of fuzzing it blindly.

export type SchemaNode =
  | { kind: 'object'; fields: Record<string, Field>; strict: boolean }
  | { kind: 'string'; min?: number; max?: number; patterns: RegExp[] }
  | { kind: 'number'; int: boolean; min?: number; max?: number }
  | { kind: 'boolean' }
  | { kind: 'enum'; values: Array<string | number> }
  | { kind: 'literal'; values: unknown[] }
  | { kind: 'union'; options: SchemaNode[] }
  | { kind: 'array'; element: SchemaNode; min?: number; max?: number }
  | { kind: 'record'; value: SchemaNode }
  | { kind: 'null' }
  | { kind: 'unknown' };

export interface Field {
  node: SchemaNode;
  /** May be left out (optional, or has a default). */
  optional: boolean;
  nullable: boolean;
}

export class UnsupportedSchema extends Error {}

interface ZodLike {
  _zod: { def: Record<string, unknown> & { type: string } };
}

const defOf = (s: unknown) => (s as ZodLike)._zod.def;

/** Describes `schema`; throws UnsupportedSchema naming the path of anything it cannot read. */
export function describeSchema(schema: z.ZodType): SchemaNode {
  return describe(schema, '(root)').node;
}

function describe(schema: unknown, path: string): Field {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'catch': {
      const inner = describe(def.innerType, path);
      return { ...inner, optional: true };
    }
    case 'nullable': {
      const inner = describe(def.innerType, path);
      return { ...inner, nullable: true };
    }
    case 'readonly':
    case 'nonoptional':
      return describe(def.innerType, path);
    case 'pipe':
      // z.preprocess / .transform() / .pipe(): what the caller sends is the input side.
      return describe(def.in, path);
    case 'lazy':
      return describe((def.getter as () => unknown)(), path);
    default:
      return { node: describeNode(def, path), optional: false, nullable: false };
  }
}

function describeNode(def: ZodLike['_zod']['def'], path: string): SchemaNode {
  const checks = ((def.checks as ZodLike[] | undefined) ?? []).map((c) => defOf(c));
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const fields: Record<string, Field> = {};
      for (const [key, value] of Object.entries(shape)) fields[key] = describe(value, `${path}.${key}`);
      const catchall = def.catchall ? defOf(def.catchall).type : undefined;
      return { kind: 'object', fields, strict: catchall === 'never' };
    }
    case 'string': {
      const node: SchemaNode & { kind: 'string' } = { kind: 'string', patterns: [] };
      for (const c of checks) {
        if (c.check === 'min_length') node.min = Math.max(node.min ?? 0, c.minimum as number);
        else if (c.check === 'max_length') node.max = Math.min(node.max ?? Infinity, c.maximum as number);
        else if (c.check === 'length_equals') node.min = node.max = c.length as number;
        else if (c.check === 'string_format' && c.pattern instanceof RegExp) node.patterns.push(c.pattern);
      }
      return node;
    }
    case 'number':
    case 'int': {
      const node: SchemaNode & { kind: 'number' } = { kind: 'number', int: def.type === 'int' };
      for (const c of checks) {
        if (c.check === 'number_format' && String(c.format).includes('int')) node.int = true;
        else if (c.check === 'greater_than') node.min = c.value as number;
        else if (c.check === 'less_than') node.max = c.value as number;
      }
      return node;
    }
    case 'boolean':
      return { kind: 'boolean' };
    case 'enum':
      return { kind: 'enum', values: Object.values(def.entries as Record<string, string | number>) };
    case 'literal':
      return { kind: 'literal', values: def.values as unknown[] };
    case 'union':
      return { kind: 'union', options: (def.options as unknown[]).map((o, i) => describe(o, `${path}|${i}`).node) };
    case 'array': {
      const node: SchemaNode & { kind: 'array' } = { kind: 'array', element: describe(def.element, `${path}[]`).node };
      for (const c of checks) {
        if (c.check === 'min_length') node.min = c.minimum as number;
        else if (c.check === 'max_length') node.max = c.maximum as number;
      }
      return node;
    }
    case 'record':
      return { kind: 'record', value: describe(def.valueType, `${path}{}`).node };
    case 'null':
      return { kind: 'null' };
    case 'unknown':
    case 'any':
      return { kind: 'unknown' };
    default:
      throw new UnsupportedSchema(
        `zod type '${def.type}' at ${path} is not understood by test/fuzz/lib/schema-model.ts`,
      );
  }
}

/** Every field path of an object schema, dotted, with its description (nested objects included). */
export function fieldPaths(node: SchemaNode, prefix: string[] = []): Array<{ path: string[]; field: Field }> {
  if (node.kind !== 'object') return [];
  const out: Array<{ path: string[]; field: Field }> = [];
  for (const [key, field] of Object.entries(node.fields)) {
    const path = [...prefix, key];
    out.push({ path, field });
    out.push(...fieldPaths(field.node, path));
  }
  return out;
}
