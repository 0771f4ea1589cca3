import {limitToCollections} from '../api/collections-client.js';
import {createJobActions, type JobActions} from '../api/job-actions.js';
import type {ImportClient} from '../api/types.js';
import type {Config, Connection} from '../config/config.js';
import type {TlsMaterial} from '../api/transport.js';

export type Connected = {
	readonly client: ImportClient;
	/**
	Commit and abort. Undefined under read-only (nothing could send them) and where the connection has
	no such routes (Zilliz Cloud's control plane); `actionsOff` says which.
	*/
	readonly actions: JobActions | undefined;
	readonly actionsOff: 'read-only' | 'unsupported' | undefined;
	/** Config with the real address (the demo server picks its port). */
	readonly config: Config;
	/** For the header and messages: never with credentials. */
	readonly serverLabel: string;
	readonly close: () => Promise<void>;
};

/**
Build the client for the chosen connection. Modules load lazily so `--help` and the plain table do
not pay for the demo server, and the Milvus client does not pay for the cloud one.
*/
export const connect = async (config: Config, connection: Connection, transport?: TlsMaterial): Promise<Connected> => {
	const connected = withActions(await connectTo(config, connection, transport), connection, transport);
	// Several --collection: "all collections" on the live screen means all of those (one list each).
	return config.collections.length > 1 ? {...connected, client: limitToCollections(connected.client, config.collections)} : connected;
};

type Base = Omit<Connected, 'actions' | 'actionsOff'>;

/**
Commit and abort travel as the client's requests do: the connected config (the demo's real address,
no token there) and, for Milvus, the same TLS and proxy settings (the demo client is built direct).
*/
const withActions = (base: Base, connection: Connection, transport: TlsMaterial | undefined): Connected => {
	const {config} = base;
	if (config.readOnly) {
		return {...base, actions: undefined, actionsOff: 'read-only'};
	}

	if (connection.kind === 'cloud') {
		return {...base, actions: undefined, actionsOff: 'unsupported'};
	}

	const actions = createJobActions({
		uri: config.uri,
		token: config.token,
		credentialSource: config.credentialSource,
		dbName: config.dbName,
		timeoutMs: config.timeoutMs,
		transport: connection.kind === 'milvus' ? transport : undefined,
	});
	return {...base, actions, actionsOff: undefined};
};

/** Shown in the header on every start while --insecure is on (main.ts also warns on stderr). */
export const insecureMark = '[TLS not verified] ';

const connectTo = async (config: Config, connection: Connection, transport: TlsMaterial | undefined): Promise<Base> => {
	const mark = transport?.insecure === true ? insecureMark : '';
	switch (connection.kind) {
		case 'milvus': {
			const {createMilvusClient} = await import('../api/client.js');
			const client = createMilvusClient({
				uri: config.uri, token: config.token, credentialSource: config.credentialSource, dbName: config.dbName, timeoutMs: config.timeoutMs, transport,
			});
			return {
				client, config, serverLabel: `${mark}${config.uri}`, close: async () => undefined,
			};
		}

		case 'cloud': {
			const {createCloudClient} = await import('../api/cloud-client.js');
			const client = createCloudClient({
				endpoint: connection.endpoint, target: connection.target, token: config.token, credentialSource: config.credentialSource,
				dbName: config.dbName, timeoutMs: config.timeoutMs, transport,
			});
			const label = 'clusterId' in connection.target ? `cluster ${connection.target.clusterId}` : `project ${connection.target.projectId} (${connection.target.regionId})`;
			return {
				client, config, serverLabel: `${mark}Zilliz Cloud ${label}`, close: async () => undefined,
			};
		}

		case 'demo': {
			const {startDemoServer, parseFlavor} = await import('../demo/index.js');
			const flavor = connection.flavor === undefined ? undefined : parseFlavor(connection.flavor);
			const server = await startDemoServer({flavor});
			const demoConfig: Config = {...config, uri: server.url, token: undefined};
			if (server.flavor === 'cloud') {
				const [{createCloudClient}, {demoClusterId, demoApiKey}] = await Promise.all([import('../api/cloud-client.js'), import('../demo/cloud/identity.js')]);
				const client = createCloudClient({
					endpoint: server.url, target: {clusterId: demoClusterId}, token: demoApiKey, dbName: config.dbName, timeoutMs: config.timeoutMs,
				});
				return {
					client, config: demoConfig, serverLabel: `demo Zilliz Cloud control plane at ${server.url}`, close: server.close,
				};
			}

			const {createMilvusClient} = await import('../api/client.js');
			const client = createMilvusClient({uri: server.url, dbName: config.dbName, timeoutMs: config.timeoutMs});
			return {
				client, config: demoConfig, serverLabel: `demo Milvus ${server.flavor} at ${server.url}`, close: server.close,
			};
		}
	}
};
