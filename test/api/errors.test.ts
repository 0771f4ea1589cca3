import {describe, expect, test} from 'vitest';
import {classifyFetchError, describeError, type FailureContext} from '../../source/api/errors.js';
import type {ApiError} from '../../source/api/types.js';

describe('describeError', () => {
	test.each<[ApiError, string]>([
		[{kind: 'unreachable', detail: 'http://localhost:19530: connection refused'}, 'cannot reach http://localhost:19530: connection refused — is Milvus running? check --uri or try --demo'],
		[{kind: 'timeout', afterMs: 6500}, 'no answer within 6.5 s (timed out) — the server is busy or unreachable; try a larger --timeout'],
		[{kind: 'aborted'}, 'request cancelled'],
		[{kind: 'unauthorized', code: 1800, message: 'user hasn\'t authenticated'}, 'credentials refused (HTTP 401): check --token / MILVUS_TOKEN'],
		[{kind: 'unauthorized', code: undefined, message: ''}, 'credentials refused (HTTP 401): check --token / MILVUS_TOKEN'],
		[{kind: 'forbidden', code: 65_535, message: 'permission deny to bob'}, 'permission denied (HTTP 403) — the user needs the import privileges: permission deny to bob'],
		[{kind: 'not-supported', endpoint: '/v2/vectordb/jobs/import/describe'}, 'this server has no /jobs/import/describe (Milvus < 2.4.13)'],
		[{kind: 'not-supported', endpoint: '/v2/vectordb/databases/list'}, 'this server has no /databases/list (Milvus < 2.5)'],
		[{kind: 'http', status: 500, message: ''}, 'HTTP 500 from the server'],
		[{kind: 'not-json', status: 502, title: '502 Bad Gateway'}, 'HTTP 502 from a proxy, not Milvus: \'502 Bad Gateway\''],
		[{kind: 'not-json', status: 503, title: ''}, 'HTTP 503 from a proxy, not Milvus'],
		[{kind: 'not-json', status: 200, title: 'Welcome'}, 'HTTP 200 but the answer is not JSON: \'Welcome\' — is --uri a Milvus REST address?'],
		[{kind: 'bad-shape', detail: 'no "code" in the answer'}, 'unexpected answer, not shaped like Milvus: no "code" in the answer'],
		[{kind: 'milvus', code: 100, message: 'collection not found[collection=x]'}, 'Milvus error 100: collection not found[collection=x] — check --collection'],
		[{kind: 'milvus', code: 800, message: 'database not found, database: nodb'}, 'Milvus error 800: database not found, database: nodb — check --db'],
		[{
			kind: 'unauthorized', code: 1800, message: 'user hasn\'t authenticated', inEnvelope: true,
		}, 'credentials refused (Milvus code 1800): check --token / MILVUS_TOKEN'],
		[{
			kind: 'forbidden', code: 1401, message: 'privilege not permitted', inEnvelope: true,
		}, 'permission denied (Milvus code 1401) — the user needs the import privileges: privilege not permitted'],
		[{kind: 'milvus', code: 2100, message: 'parse job id failed, err=%wstrconv'}, 'Milvus error 2100: parse job id failed, err=%wstrconv — import failed on the server'],
		[{kind: 'milvus', code: 4242, message: ''}, 'Milvus error 4242'],
	])('%j', (error, line) => {
		expect(describeError(error)).toBe(line);
	});

	test('one line, even from hostile text', () => {
		const line = describeError({kind: 'milvus', code: 1, message: 'a\nb\u001B[2J'.repeat(500)});
		expect(line).not.toMatch(/[\u0000-\u001F]/v);
		expect(line.length).toBeLessThan(400);
	});
});

const context: FailureContext = {
	uri: 'http://h:19530', timedOut: false, afterMs: 1200, aborted: false,
};
const withCode = (code: string): Error => Object.assign(new Error(`request failed, reason: connect ${code} Bearer secret`), {code});

describe('classifyFetchError', () => {
	test.each<[string, unknown, ApiError]>([
		['node-fetch refused', withCode('ECONNREFUSED'), {kind: 'unreachable', detail: 'http://h:19530: connection refused'}],
		['node-fetch DNS', withCode('ENOTFOUND'), {kind: 'unreachable', detail: 'http://h:19530: host not found (DNS)'}],
		['undici refused (cause)', new TypeError('fetch failed', {cause: withCode('ECONNREFUSED')}), {kind: 'unreachable', detail: 'http://h:19530: connection refused'}],
		['undici, every address failed', new TypeError('fetch failed', {cause: Object.assign(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'all failed'), {code: undefined})}), {kind: 'unreachable', detail: 'http://h:19530: connection refused'}],
		['reset', withCode('ECONNRESET'), {kind: 'unreachable', detail: 'http://h:19530: connection reset'}],
		['unknown code is shown as-is', withCode('ERR_SOMETHING_NEW'), {kind: 'unreachable', detail: 'http://h:19530: ERR_SOMETHING_NEW'}],
		['an unknown TLS code is a TLS failure, named', withCode('ERR_TLS_HANDSHAKE_FAILED'), {kind: 'tls', problem: 'handshake', detail: 'ERR_TLS_HANDSHAKE_FAILED'}],
		['no code at all', new Error('Bearer root:secret is invalid'), {kind: 'unreachable', detail: 'http://h:19530: network error'}],
		['a thrown string', 'boom', {kind: 'unreachable', detail: 'http://h:19530: network error'}],
		['TimeoutError', new DOMException('timed out', 'TimeoutError'), {kind: 'timeout', afterMs: 1200}],
		['AbortError without a fired signal', new DOMException('aborted', 'AbortError'), {kind: 'aborted'}],
	])('%s', (_name, error, expected) => {
		expect(classifyFetchError(error, context)).toEqual(expected);
	});

	test('which signal fired decides, whatever the error is called', () => {
		const abortError = Object.assign(new Error('The user aborted a request.'), {name: 'AbortError'}); // What node-fetch throws for both.
		expect(classifyFetchError(abortError, {...context, timedOut: true})).toEqual({kind: 'timeout', afterMs: 1200});
		expect(classifyFetchError(abortError, {...context, aborted: true})).toEqual({kind: 'aborted'});
		expect(classifyFetchError(abortError, {...context, aborted: true, timedOut: true})).toEqual({kind: 'aborted'});
	});

	test('undici\'s RequestAbortedError (named AbortError, with a code) from a proxy that refused the tunnel is the proxy\'s failure, not a cancel', () => {
		const refused = Object.assign(new Error('Proxy response (407) !== 200 when HTTP Tunneling'), {name: 'AbortError', code: 'UND_ERR_ABORTED'});
		expect(classifyFetchError(refused, {...context, proxy: 'http://p:3128'})).toEqual({
			kind: 'proxy', detail: 'the proxy http://p:3128 wants credentials: give them in the proxy URL, http://user:password@host:port (HTTP 407)',
		});
		expect(classifyFetchError(refused, {...context, proxy: 'http://p:3128', aborted: true})).toEqual({kind: 'aborted'});
	});

	test('never copies error messages (they can quote header values)', () => {
		const error = classifyFetchError(new TypeError('Headers.append: "Bearer root:secret\n" is an invalid header value.'), context);
		expect(JSON.stringify(error) + describeError(error)).not.toContain('secret');
	});
});
