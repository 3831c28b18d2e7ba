/**
 * A JSON Schema (2020-12) checker for exactly the keywords schema/event.v1.json uses; a keyword it
 * does not know is an error when the schema is compiled, so the schema cannot grow past what is
 * checked without a failing test. No dependency (ajv would be the full version) and no Node API,
 * so the collector and the browser tests share it.
 */

export type Schema = Record<string, unknown>;
/** Adds the problems of `value` (at JSON path `path`) to `problems`. */
export type Check = (value: unknown, path: string, problems: string[]) => void;

/** Keywords that only describe. */
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', '$defs']);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeOf(value) === 'object';

/** Turns one schema (and what it references in `root.$defs`) into a check, once. */
export function compileSchema(schema: Schema, root: Schema = schema): Check {
  const checks: Check[] = [];
  for (const [keyword, rule] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    checks.push(compileKeyword(keyword, rule, schema, root));
  }
  return (value, path, problems) => {
    for (const check of checks) check(value, path, problems);
  };
}

function compileKeyword(keyword: string, rule: unknown, schema: Schema, root: Schema): Check {
  switch (keyword) {
    case '$ref': {
      const prefix = '#/$defs/';
      const target = String(rule).startsWith(prefix) ? (root.$defs as Record<string, Schema> | undefined)?.[String(rule).slice(prefix.length)] : undefined;
      if (!target) throw new Error(`schema: cannot resolve $ref ${String(rule)}`);
      // Compiled on first use, so a $def that refers to itself cannot loop here.
      let check: Check | undefined;
      return (value, path, problems) => (check ??= compileSchema(target, root))(value, path, problems);
    }
    case 'type': {
      const types = (Array.isArray(rule) ? rule : [rule]) as string[];
      return (value, path, problems) => {
        const actual = typeOf(value);
        if (!types.some((t) => t === actual || (t === 'number' && actual === 'integer'))) {
          problems.push(`${path}: expected ${types.join(' or ')}, got ${actual}`);
        }
      };
    }
    case 'const':
      return (value, path, problems) => {
        if (value !== rule) problems.push(`${path}: expected ${JSON.stringify(rule)}`);
      };
    case 'pattern': {
      const pattern = new RegExp(rule as string, 'u');
      return (value, path, problems) => {
        if (typeof value === 'string' && !pattern.test(value)) problems.push(`${path}: does not match ${String(rule)}`);
      };
    }
    case 'minLength':
      return (value, path, problems) => {
        // Code points, as JSON Schema counts them.
        if (typeof value === 'string' && [...value].length < (rule as number)) problems.push(`${path}: shorter than ${String(rule)}`);
      };
    case 'minimum':
      return (value, path, problems) => {
        if (typeof value === 'number' && value < (rule as number)) problems.push(`${path}: below ${String(rule)}`);
      };
    case 'maximum':
      return (value, path, problems) => {
        if (typeof value === 'number' && value > (rule as number)) problems.push(`${path}: above ${String(rule)}`);
      };
    case 'exclusiveMinimum':
      return (value, path, problems) => {
        if (typeof value === 'number' && value <= (rule as number)) problems.push(`${path}: not above ${String(rule)}`);
      };
    case 'required':
      return (value, path, problems) => {
        if (!isObject(value)) return;
        for (const key of rule as string[]) if (!Object.hasOwn(value, key)) problems.push(`${path}: missing ${key}`);
      };
    case 'properties': {
      const properties = Object.entries(rule as Record<string, Schema>).map(([key, sub]) => [key, compileSchema(sub, root)] as const);
      return (value, path, problems) => {
        if (!isObject(value)) return;
        for (const [key, check] of properties) if (Object.hasOwn(value, key)) check(value[key], `${path}.${key}`, problems);
      };
    }
    case 'additionalProperties': {
      const known = new Set(Object.keys((schema.properties as Schema | undefined) ?? {}));
      const check = rule === false ? undefined : compileSchema(rule as Schema, root);
      return (value, path, problems) => {
        if (!isObject(value)) return;
        for (const key of Object.keys(value)) {
          if (known.has(key)) continue;
          if (check) check(value[key], `${path}.${key}`, problems);
          else problems.push(`${path}: unexpected property ${key}`);
        }
      };
    }
    default:
      throw new Error(`schema: the collector does not implement the keyword "${keyword}"; extend src/collector/schema.ts`);
  }
}

/** The problems of `value` against `schema` (empty when it is valid), each with its JSON path. */
export function validate(value: unknown, schema: Schema, path = '$'): string[] {
  const problems: string[] = [];
  compileSchema(schema)(value, path, problems);
  return problems;
}
