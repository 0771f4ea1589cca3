import {describe, expect, test} from 'vitest';
import {parseConfigFile} from '../../source/config/config-file.js';

const path = '/home/u/.config/milvus-import-top/config.yaml';

const example = `contexts:
  - name: staging
    uri: http://staging.internal:19530
    tokenEnv: STAGING_MILVUS_TOKEN      # the token comes from this environment variable
    db: default
  - name: prod
    uri: https://milvus.example.com
    tokenFile: ~/.config/milvus-import-top/prod.token
    collections: [books, movies]
    readOnly: true
  - name: cloud
    cloud: true
    clusterId: in01-0123456789abcdef
    tokenEnv: ZILLIZ_API_KEY
current: staging
`;

const error = (text: string): string => {
	const result = parseConfigFile(text, path);
	if (result.ok) {
		throw new Error('expected an error');
	}

	return result.message;
};

describe('parseConfigFile', () => {
	test('the README example: three contexts, their keys, current', () => {
		const result = parseConfigFile(example, path);
		expect(result.ok).toBe(true);
		if (!result.ok) {
			return;
		}

		expect(result.value.current).toBe('staging');
		expect(result.value.hasPlainToken).toBe(false);
		expect(result.value.contexts.map(context => context.name)).toEqual(['staging', 'prod', 'cloud']);
		expect(result.value.contexts[0]).toEqual({
			name: 'staging', line: 2, uri: 'http://staging.internal:19530', tokenEnv: 'STAGING_MILVUS_TOKEN', db: 'default', keyLines: {
				name: 2, uri: 3, tokenEnv: 4, db: 5,
			},
		});
		expect(result.value.contexts[1]).toMatchObject({collections: ['books', 'movies'], readOnly: true, line: 6});
		expect(result.value.contexts[2]).toMatchObject({cloud: true, clusterId: 'in01-0123456789abcdef'});
	});

	test('a plain token is accepted and flagged for the permission check', () => {
		const result = parseConfigFile('contexts:\n  - name: a\n    token: root:Milvus\n', path);
		expect(result.ok && result.value.hasPlainToken).toBe(true);
	});

	test.each([
		['contexts:\n  - name: a\n    urI: http://x\n', `${path}:3: urI: unknown key`],
		['contexts:\n  - name: a\n    timeout: soon\n', `${path}:3: timeout: expected a number`],
		['contexts:\n  - name: a\n    timeout: 0\n', `${path}:2: timeout: seconds between 0.1 and 3600`],
		['contexts:\n  - name: a\n    readOnly: yes please\n', `${path}:3: readOnly: expected true or false`],
		['contexts:\n  - name: a\n  - name: a\n', `${path}:3: name: "a" is used twice`],
		['contexts:\n  - uri: http://x\n', `${path}:2: name: every context needs a name`],
		['contexts:\n  - name: all\n', `${path}:2: name: "all" is reserved`],
		['contexts:\n  - name: "a b"\n', `${path}:2: name: "a b" must be`],
		['contexts:\n  - name: a\ncurrent: b\n', `${path}: current: no context is named "b"`],
		['contexts: []\n', `${path}:1: contexts: expected a list of contexts`],
		['current: a\n', `${path}:1: contexts: missing`],
		['context:\n  - name: a\n', `${path}:1: context: unknown key (known: contexts, current)`],
		['contexts:\n  - name: a\n    token: x\n    tokenEnv: Y\n', 'tokenEnv: give only one of token, tokenEnv, tokenFile'],
		['contexts:\n  - name: a\n    tokenEnv: "$(rm -rf)"\n', 'tokenEnv: "$(rm -rf)" is not an environment variable name'],
		['contexts:\n  - name: a\n    cloud: true\n', 'clusterId: a context with cloud: true needs clusterId'],
		['contexts:\n  - name: a\n    clusterId: in01-x\n', 'clusterId: only with cloud: true'],
		['contexts:\n  - name: a\n    projectId: proj-1\n    regionId: aws-us-west-2\n', 'projectId: only with cloud: true'],
		['contexts:\n  - name: a\n    cloud: true\n    projectId: proj-1\n', 'regionId: projectId and regionId go together'],
		['contexts:\n  - name: a\n    cloud: true\n    clusterId: in01-x\n    regionId: aws-us-west-2\n', 'regionId: clusterId or projectId/regionId, not both'],
		['contexts:\n  - name: a\n    cloud: true\n    projectId: [1, 2]\n', `${path}:4: projectId: expected a non-empty text`],
		['contexts:\n  - name: a\n    uri: [1\n', `${path}:4: not valid YAML`],
		['contexts:\n  - name: a\n    uri: x\n    uri: y\n', `${path}:4: not valid YAML`],
		['- a\n- b\n', `${path}:1: expected a mapping with "contexts:"`],
	])('%j → one line naming the file, the line and the key', (text, expected) => {
		const message = error(text);
		expect(message).toContain(expected);
		expect(message).not.toContain('\n');
	});

	test('a token value never appears in an error', () => {
		const message = error('contexts:\n  - name: a\n    token: s3cr3t-value\n    tokenFile: /x\n');
		expect(message).not.toContain('s3cr3t');
	});
});
