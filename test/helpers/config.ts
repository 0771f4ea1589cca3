import type {Config} from '../../source/config/config.js';
import {directTransport} from '../../source/config/transport.js';

export const testConfig = (overrides: Partial<Config> = {}): Config => ({
	uri: 'http://127.0.0.1:19530',
	token: undefined,
	dbName: undefined,
	collections: [],
	intervalMs: 1000,
	timeoutMs: 5000,
	initialStates: [],
	initialFilter: '',
	initialSort: {column: 'jobId', reverse: false},
	color: false,
	ascii: false,
	bell: false,
	stallAfterMs: 600_000,
	readOnly: false,
	transport: directTransport,
	...overrides,
});
