import {useEffect} from 'react';
import type {ImportClient, RequestOptions, ServerVersion} from '../api/types.js';
import type {WeightProfile} from '../model/jobs/rates.js';
import type {Action} from '../model/store/actions.js';

/** The progress weights of a version family; undefined when it is not known (no phase words, no ETA). */
export const weightsFor = (version: ServerVersion): WeightProfile | undefined => {
	switch (version) {
		case '2.4.0': {
			return 'v2.4.0';
		}

		case '2.4.13': {
			return 'v2.4.13';
		}

		case '2.5': {
			return 'v2.5';
		}

		case 'unknown': {
			return undefined;
		}
	}
};

/** Several contexts: each one's server asked on its own (api/contexts-hub.ts). */
export type ContextVersions = {
	readonly names: readonly string[];
	readonly detectVersion?: (name: string, options?: RequestOptions) => Promise<ServerVersion | undefined>;
};

/**
Asks the server once which version family it is (two read-only probes, api/client.ts detectVersion) and
stores the weights its progress is read with. A client that cannot tell (Zilliz Cloud) leaves them unknown.
With several contexts each context's server is asked, all at once, and each answer is that context's
weights as soon as it comes: a slow or old cluster neither delays nor decides the others'.
*/
export function useServerWeights(client: ImportClient, dispatch: (action: Action) => void, contexts?: ContextVersions): void {
	useEffect(() => {
		const controller = new AbortController();
		const {signal} = controller;
		if (contexts?.detectVersion !== undefined) {
			const {detectVersion} = contexts;
			for (const name of contexts.names) {
				void detectVersion(name, {signal}).then(version => {
					if (!signal.aborted) {
						dispatch({type: 'set-weights', weights: version === undefined ? undefined : weightsFor(version), context: name});
					}
				});
			}
		} else if (client.detectVersion !== undefined) {
			void client.detectVersion({signal}).then(version => {
				if (!signal.aborted) {
					dispatch({type: 'set-weights', weights: weightsFor(version)});
				}
			});
		}

		return () => {
			controller.abort();
		};
	}, [client, dispatch, contexts]);
}
