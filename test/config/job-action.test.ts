import {describe, expect, test} from 'vitest';
import {parseConfig, type Environment, type ParseResult} from '../../source/config/config.js';

/** `--read-only`, its environment variable, and the `commit` / `abort` subcommands' arguments. */

const parse = (argv: string[], env: Environment = {}): ParseResult => parseConfig(argv, env, {version: '9.8.7'});

const readOnly = (argv: string[], env: Environment = {}): boolean => {
	const result = parse(argv, env);
	if (result.kind !== 'run') {
		throw new Error(`expected a run, got ${JSON.stringify(result)}`);
	}

	return result.config.readOnly;
};

const usage = (argv: string[], env: Environment = {}): string => {
	const result = parse(argv, env);
	if (result.kind !== 'usage-error') {
		throw new Error(`expected a usage error, got ${result.kind}`);
	}

	return result.message;
};

describe('--read-only: flag > MILVUS_IMPORT_TOP_READ_ONLY > off', () => {
	test.each([
		[[], {}, false],
		[['--read-only'], {}, true],
		[[], {MILVUS_IMPORT_TOP_READ_ONLY: '1'}, true],
		[[], {MILVUS_IMPORT_TOP_READ_ONLY: ' Yes '}, true],
		[[], {MILVUS_IMPORT_TOP_READ_ONLY: 'on'}, true],
		[[], {MILVUS_IMPORT_TOP_READ_ONLY: 'false'}, false],
		[[], {MILVUS_IMPORT_TOP_READ_ONLY: ''}, false],
		[['--no-read-only'], {MILVUS_IMPORT_TOP_READ_ONLY: '1'}, false],
		[['--read-only'], {MILVUS_IMPORT_TOP_READ_ONLY: '0'}, true],
	] as const)('%j %j → %s', (argv, env, expected) => {
		expect(readOnly([...argv], env)).toBe(expected);
	});

	test('a value that is neither on nor off is an error, not a guess', () => {
		expect(usage([], {MILVUS_IMPORT_TOP_READ_ONLY: 'ture'})).toBe('MILVUS_IMPORT_TOP_READ_ONLY must be 1/true/yes/on or 0/false/no/off, got "ture"');
	});
});

describe('commit / abort JOBID…', () => {
	test('ids stay strings (18 digits survive), repeats and commas fold, connection flags apply', () => {
		const result = parse(['commit', '454891732197474512', '454891732197474513,454891732197474512', '--uri', 'milvus:19531', '--db', 'sales', '--timeout', '3'], {MILVUS_TOKEN: 'root:pw'});
		expect(result).toMatchObject({
			kind: 'job-action',
			action: 'commit',
			jobIds: ['454891732197474512', '454891732197474513'],
			config: {
				uri: 'http://milvus:19531', dbName: 'sales', timeoutMs: 3000, token: 'root:pw', readOnly: false,
			},
		});
	});

	test('and the TLS and proxy flags, so a secured cluster can be reached', () => {
		expect(parse(['commit', '1', '--uri', 'milvus:19530', '--insecure', '--proxy', 'http://proxy:3128'])).toMatchObject({
			kind: 'job-action', config: {uri: 'https://milvus:19530', transport: {insecure: true}},
		});
	});

	test('abort takes the same', () => {
		expect(parse(['abort', '1'])).toMatchObject({kind: 'job-action', action: 'abort', jobIds: ['1']});
	});

	test.each([
		[['commit'], 'Not enough non-option arguments'],
		[['abort', 'job-123'], '"job-123" is not a Milvus job id (digits only, as the list shows them)'],
		[['commit', '12', '--read-only'], 'commit changes the server, and --read-only forbids that (--no-read-only allows it once)'],
		[['commit', '12', '--collection', 'books'], 'unknown option --collection'],
		[['abort', '12', '--once'], 'unknown option --once'],
	])('%j: %s', (argv, message) => {
		expect(usage(argv)).toContain(message);
	});

	test('the environment\'s read-only refuses too, and says where it comes from; --no-read-only lifts it', () => {
		expect(usage(['abort', '12'], {MILVUS_IMPORT_TOP_READ_ONLY: '1'})).toBe('abort changes the server, and MILVUS_IMPORT_TOP_READ_ONLY forbids that (--no-read-only allows it once)');
		expect(parse(['abort', '12', '--no-read-only'], {MILVUS_IMPORT_TOP_READ_ONLY: '1'})).toMatchObject({kind: 'job-action'});
	});

	test('the help lists both commands and the read-only variable', () => {
		const result = parse(['--help']);
		expect(result.kind).toBe('help');
		const text = result.kind === 'help' ? result.text : '';
		expect(text).toContain('commit <jobIds..>');
		expect(text).toContain('abort <jobIds..>');
		expect(text).toContain('MILVUS_IMPORT_TOP_READ_ONLY');
	});
});
