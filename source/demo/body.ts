/**
Milvus-like lenient body parsing (docs/milvus-rest.md#body): the body is always read as JSON whatever the Content-Type;
unknown keys are ignored; keys match case-insensitively (the restful test client sends `jobID`), the
last matching key wins (Go's encoding/json); a type mismatch is 1801, a missing required field 1802.
*/

export type MilvusError = {readonly code: number; readonly message: string};

type KindValue = {
	readonly string: string;
	readonly files: ReadonlyArray<readonly string[]>;
	readonly options: Readonly<Record<string, string>>;
};
type Kind = keyof KindValue;

export type FieldSpec = {readonly kind: Kind; readonly goName: string; readonly required?: boolean};
export type BodySchema = {readonly struct: string; readonly fields: Readonly<Record<string, FieldSpec>>};
export type Parsed<S extends BodySchema> = {readonly [K in keyof S['fields']]: KindValue[S['fields'][K]['kind']] | undefined};
export type ParseResult<S extends BodySchema> = {readonly ok: true; readonly value: Parsed<S>} | {readonly ok: false; readonly error: MilvusError};

const formatError = 'can only accept json format request';
export const emptyBodyMessage = `${formatError}, the request body should be nil, however {} is valid`;

const goTypes: Readonly<Record<Kind, string>> = {string: 'string', files: '[][]string', options: 'map[string]string'};

const jsonKind = (value: unknown): string => {
	if (Array.isArray(value)) {
		return 'array';
	}

	return value === null ? 'null' : (typeof value === 'object' ? 'object' : typeof value);
};

const mismatch = (struct: string, key: string, actual: unknown, goType: string): MilvusError => ({
	code: 1801,
	message: `${formatError}, error: json: cannot unmarshal ${jsonKind(actual)} into Go struct field ${struct}.${key} of type ${goType}`,
});

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isArray = (value: unknown): value is unknown[] => Array.isArray(value);

/** An array of strings, where JSON null stands for Go's zero value `""`. */
const isStringArray = (value: unknown): value is unknown[] => isArray(value) && value.every(item => typeof item === 'string' || item === null);

/** A value in its field's Go type, `undefined` for JSON null (Go leaves the zero value), or the JSON value that did not fit. */
const convert = (kind: Kind, value: unknown): {readonly value: unknown} | {readonly bad: unknown} => {
	if (value === null) {
		return {value: undefined};
	}

	switch (kind) {
		case 'string': {
			return typeof value === 'string' ? {value} : {bad: value};
		}

		case 'files': {
			if (!isArray(value)) {
				return {bad: value};
			}

			const bad = value.find(inner => inner !== null && !isStringArray(inner));
			return bad === undefined
				? {value: value.map(inner => (isStringArray(inner) ? inner.map(path => (typeof path === 'string' ? path : '')) : []))}
				: {bad};
		}

		case 'options': {
			if (!isRecord(value)) {
				return {bad: value};
			}

			const bad = Object.values(value).find(item => typeof item !== 'string');
			return bad === undefined ? {value} : {bad};
		}
	}
};

const isMissing = (value: unknown): boolean => value === undefined || value === '';

export const parseBody = <S extends BodySchema>(text: string, schema: S): ParseResult<S> => {
	if (text.length === 0) {
		return {ok: false, error: {code: 1801, message: emptyBodyMessage}};
	}

	let json: unknown;
	try {
		json = JSON.parse(text) as unknown;
	} catch (error) {
		return {ok: false, error: {code: 1801, message: `${formatError}, error: ${error instanceof Error ? error.message : 'invalid JSON'}`}};
	}

	if (json !== null && !isRecord(json)) {
		return {ok: false, error: {code: 1801, message: `${formatError}, error: json: cannot unmarshal ${jsonKind(json)} into Go value of type httpserver.${schema.struct}`}};
	}

	const values: Record<string, unknown> = {};
	for (const [key, raw] of Object.entries(json ?? {})) {
		const name = Object.keys(schema.fields).find(field => field.toLowerCase() === key.toLowerCase());
		if (name === undefined) {
			continue;
		}

		const spec = schema.fields[name]!;
		const converted = convert(spec.kind, raw);
		if ('bad' in converted) {
			// Go names the element type when an element is wrong: `… of type string`.
			return {ok: false, error: mismatch(schema.struct, name, converted.bad, converted.bad === raw ? goTypes[spec.kind] : 'string')};
		}

		values[name] = converted.value;
	}

	for (const [name, spec] of Object.entries(schema.fields)) {
		if (spec.required && isMissing(values[name])) {
			return {
				ok: false,
				error: {code: 1802, message: `missing required parameters, error: Key: '${schema.struct}.${spec.goName}' Error:Field validation for '${spec.goName}' failed on the 'required' tag`},
			};
		}
	}

	// Each value was converted to its field's kind above; TypeScript cannot follow that through the loop.
	// eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
	return {ok: true, value: values as Parsed<S>};
};
