import {startDemoServer, type DemoOptions, type DemoServer} from './server.js';
import {
	demoApiKey, demoClusterId, demoProjectId, demoRegionId,
} from './cloud/identity.js';

/** `milvus-import-top demo-server`: start, say where (never the password), stop on SIGINT/SIGTERM. */

type Signals = {
	once(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
	off(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
};

export type RunOptions = DemoOptions & {
	readonly log: (line: string) => void;
	/** Where the signals come from; `process` unless a test passes its own emitter. */
	readonly signals?: Signals;
};

export const describeServer = (server: DemoServer, options: DemoOptions): string => {
	if (server.flavor === 'cloud') {
		const key = options.apiKey === undefined ? `API key ${JSON.stringify(demoApiKey)}` : 'the API key given';
		return `Zilliz Cloud control-plane demo listening on ${server.url} (cluster ${demoClusterId}, project ${demoProjectId} in ${demoRegionId}, ${key}); Ctrl-C to stop`;
	}

	const auth = options.auth ? `auth on (user ${JSON.stringify(options.auth.user)})` : 'auth off';
	const tls = options.tls === undefined ? '' : (options.tls.clientCa === undefined ? ', TLS' : ', mutual TLS: client certificates required');
	const retention = options.retentionMs === undefined ? '' : `; finished jobs are forgotten after ${options.retentionMs / 1000} s`;
	return `Milvus ${server.flavor} demo server listening on ${server.url} (${auth}${tls}${retention}); Ctrl-C to stop`;
};

export const runDemoServer = async (options: RunOptions): Promise<DemoServer> => {
	const {log, signals = process, ...demo} = options;
	const server = await startDemoServer(demo);
	let closing: Promise<void> | undefined;
	const stop = async (): Promise<void> => {
		closing ??= (async () => {
			signals.off('SIGINT', onSignal);
			signals.off('SIGTERM', onSignal);
			await server.close();
		})();
		return closing;
	};

	function onSignal(): void {
		void stop().then(() => {
			log('demo server stopped');
		});
	}

	signals.once('SIGINT', onSignal);
	signals.once('SIGTERM', onSignal);
	log(describeServer(server, demo));
	return {...server, close: stop};
};
