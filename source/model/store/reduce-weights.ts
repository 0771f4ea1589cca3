import type {JobDetail} from '../jobs/job.js';
import type {Action} from './actions.js';
import type {AppState} from './state.js';

/**
Whether a describe answer shows an Import V3 job (docs/milvus-rest.md#progress): its per-file entries are
reshard tasks, listed from resharding (15–45 %) on, where a V2 job lists no task before 40 %, and they never
carry a completeTime, where a completed V2 task always does.
*/
export const isImportV3 = (detail: JobDetail): boolean => {
	if (detail.files.length === 0) {
		return false;
	}

	const early = detail.state === 'Importing' && detail.progress !== undefined && detail.progress >= 10 && detail.progress < 40;
	return early || detail.files.some(file => file.state === 'Completed' && file.completeTime === '');
};

/** The server's weights, or (several contexts) one context's. */
export const setWeights = (state: AppState, action: Extract<Action, {readonly type: 'set-weights'}>): AppState => {
	if (action.context === undefined) {
		return action.weights === state.weights ? state : {...state, weights: action.weights};
	}

	if (state.contextWeights.has(action.context) && state.contextWeights.get(action.context) === action.weights) {
		return state;
	}

	return {...state, contextWeights: new Map([...state.contextWeights, [action.context, action.weights]])};
};

/** After a describe: remember a job that showed itself V3, so its row reads the V3 weights. */
export const noteV3 = (state: AppState, action: Extract<Action, {readonly type: 'detail-loaded'}>): AppState => {
	if (!action.result.ok || state.v3Jobs.has(action.jobId) || !isImportV3(action.result.value)) {
		return state;
	}

	return {...state, v3Jobs: new Set([...state.v3Jobs, action.jobId])};
};
