// A checker for the small part of JSON Schema (draft 2020-12) that schema/event.v1.json uses. ajv is
// not a dependency; rather than add one for a test, this reads the schema itself, and throws on any
// keyword it does not know, so the schema cannot grow beyond what is checked without a test failing.

type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', '$defs']);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

const matchesType = (value: unknown, type: string) =>
  typeOf(value) === type || (type === 'number' && typeOf(value) === 'integer');

/** The errors of `value` against `schema` (empty when valid), each with its JSON path. */
export function validate(value: unknown, schema: Schema, root: Schema = schema, path = '$'): string[] {
  const errors: string[] = [];
  const fail = (message: string) => errors.push(`${path}: ${message}`);
  for (const [keyword, rule] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    const object = value as Record<string, unknown>;
    switch (keyword) {
      case '$ref': {
        const name = String(rule).replace('#/$defs/', '');
        errors.push(...validate(value, (root.$defs as Record<string, Schema>)[name]!, root, path));
        break;
      }
      case 'type': {
        const types = Array.isArray(rule) ? rule : [rule];
        if (!types.some((t) => matchesType(value, t))) fail(`expected ${types.join(' or ')}, got ${typeOf(value)}`);
        break;
      }
      case 'const':
        if (value !== rule) fail(`expected ${JSON.stringify(rule)}`);
        break;
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(rule as string, 'u').test(value)) fail(`does not match ${rule}`);
        break;
      case 'minLength':
        if (typeof value === 'string' && value.length < (rule as number)) fail(`shorter than ${rule}`);
        break;
      case 'minimum':
        if (typeof value === 'number' && value < (rule as number)) fail(`below ${rule}`);
        break;
      case 'maximum':
        if (typeof value === 'number' && value > (rule as number)) fail(`above ${rule}`);
        break;
      case 'exclusiveMinimum':
        if (typeof value === 'number' && value <= (rule as number)) fail(`not above ${rule}`);
        break;
      case 'required':
        if (typeOf(value) === 'object') for (const key of rule as string[]) if (!(key in object)) fail(`missing ${key}`);
        break;
      case 'properties':
        if (typeOf(value) === 'object') {
          for (const [key, sub] of Object.entries(rule as Record<string, Schema>)) {
            if (key in object) errors.push(...validate(object[key], sub, root, `${path}.${key}`));
          }
        }
        break;
      case 'additionalProperties':
        if (typeOf(value) === 'object') {
          const known = Object.keys((schema.properties as Schema | undefined) ?? {});
          for (const key of Object.keys(object).filter((k) => !known.includes(k))) {
            if (rule === false) fail(`unexpected property ${key}`);
            else errors.push(...validate(object[key], rule as Schema, root, `${path}.${key}`));
          }
        }
        break;
      default:
        throw new Error(`json-schema.ts does not implement "${keyword}"; extend it before using it in the schema`);
    }
  }
  return errors;
}
