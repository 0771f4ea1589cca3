import {useEffect} from 'react';
import type {ImportClient, ServerVersion} from '../api/types.js';
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

/**
Asks the server once which version family it is (two read-only probes, api/client.ts detectVersion) and
stores the weights its progress is read with. A client that cannot tell (Zilliz Cloud) leaves them unknown.
*/
export function useServerWeights(client: ImportClient, dispatch: (action: Action) => void): void {
	useEffect(() => {
		if (client.detectVersion === undefined) {
			return;
		}

		const controller = new AbortController();
		void client.detectVersion({signal: controller.signal}).then(version => {
			if (!controller.signal.aborted) {
				dispatch({type: 'set-weights', weights: weightsFor(version)});
			}
		});
		return () => {
			controller.abort();
		};
	}, [client, dispatch]);
}
