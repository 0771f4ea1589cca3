import {describe, expect, test} from 'vitest';
import {normalizeUri} from '../../source/config/uri.js';

describe('normalizeUri', () => {
	test.each([
		['localhost:19530', 'http://localhost:19530', undefined],
		['http://localhost:19530', 'http://localhost:19530', undefined],
		['http://localhost:19530/', 'http://localhost:19530', undefined],
		['https://in01-abc.api.gcp-us-west1.zillizcloud.com:19530', 'https://in01-abc.api.gcp-us-west1.zillizcloud.com:19530', undefined],
		['milvus', 'http://milvus:19530', undefined],
		['http://milvus', 'http://milvus', undefined],
		['  10.0.0.7:19530  ', 'http://10.0.0.7:19530', undefined],
		['[::1]:19530', 'http://[::1]:19530', undefined],
		['https://proxy.example/milvus/', 'https://proxy.example/milvus', undefined],
		['http://root:Milvus@localhost:19530', 'http://localhost:19530', 'root:Milvus'],
		['root:Milvus@localhost:19530', 'http://localhost:19530', 'root:Milvus'],
		['http://root:p%40ss%3Aword@host:1', 'http://host:1', 'root:p@ss:word'],
		['http://apikey@host:1', 'http://host:1', 'apikey'],
		['http://host:1/?token=x#frag', 'http://host:1', undefined],
		['HTTPS://Host.Example', 'https://host.example', undefined],
	])('%s → %s', (input, uri, token) => {
		expect(normalizeUri(input)).toEqual({ok: true, value: {uri, token}});
	});

	test.each([
		['', 'empty'],
		['   ', 'empty'],
		['http://a b', 'cannot parse'],
		['grpc://localhost:19530', 'unsupported scheme'],
		['tcp://localhost:19530', 'unsupported scheme'],
		['localhost:99999', 'cannot parse'],
	])('rejects %j', (input, reason) => {
		const result = normalizeUri(input);
		expect(result.ok).toBe(false);
		expect(result.ok ? '' : result.message).toContain(reason);
	});

	test('an unparseable URI with a password does not echo the password', () => {
		const result = normalizeUri('http://root:s3cret@bad host:1');
		expect(result.ok).toBe(false);
		expect(JSON.stringify(result)).not.toContain('s3cret');
	});
});
