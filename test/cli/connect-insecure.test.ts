import {expect, test} from 'vitest';
import {connect, insecureMark} from '../../source/cli/connect.js';
import {plainTransport} from '../../source/api/transport.js';
import {testConfig} from '../helpers/config.js';

test('--insecure marks the live screen\'s header (the server label) on every start, for Milvus and Zilliz Cloud', async () => {
	const config = testConfig({uri: 'https://10.0.0.5:19530'});
	const milvus = await connect(config, {kind: 'milvus'}, {...plainTransport, insecure: true});
	expect(milvus.serverLabel).toBe(`${insecureMark}https://10.0.0.5:19530`);
	const cloud = await connect(config, {kind: 'cloud', target: {clusterId: 'in01-x'}, endpoint: 'https://api.cloud.zilliz.com'}, {...plainTransport, insecure: true});
	expect(cloud.serverLabel).toBe(`${insecureMark}Zilliz Cloud cluster in01-x`);
	const verified = await connect(config, {kind: 'milvus'}, {...plainTransport, ca: 'x'});
	expect(verified.serverLabel).toBe('https://10.0.0.5:19530');
});
