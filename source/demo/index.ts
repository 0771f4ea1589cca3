/** The embedded Milvus-compatible demo server: what the CLI imports. */
export {
	startDemoServer, defaultRetentionMs, type DemoOptions, type DemoServer,
} from './server.js';
export type {DemoTls} from './tls-front.js';
export {runDemoServer, describeServer, type RunOptions} from './run.js';
export {
	flavors, parseFlavor, defaultFlavor, type Flavor,
} from './flavor.js';
export {parseCredentials, type Credentials} from './auth.js';
export {seededRandom} from './rng.js';
