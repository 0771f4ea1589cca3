/**
Zilliz Cloud's control-plane codes (docs/zilliz-cloud.md) → ApiError. A refused API key and an
unknown cluster or project can never succeed on a retry: the first stops with exit 3 and names
where the key came from, the second is a usage error (exit 2) that echoes the id. 96008/96009
(page size, page number) would be our own bug: the client never sends values that cause them.
*/
import type {ApiError, Credential} from './types.js';

/** 21119 "The apikey is illegal." (v2); 80001 "The token is illegal" and 80002 "The token is invalid" (v1, still seen behind old gateways). */
export const keyRefusedCodes: ReadonlySet<number> = new Set([21_119, 80_001, 80_002]);

/** 96012–96016: the key is valid but its organisation or scope does not reach this project or cluster. */
const permissionCodes: ReadonlySet<number> = new Set([96_012, 96_013, 96_014, 96_015, 96_016]);

export type CloudTarget
	= | {readonly clusterId: string}
		| {readonly projectId: string; readonly regionId: string};

const targetError = (target: CloudTarget, code: number, message: string): ApiError | undefined => {
	const what = (kind: string, id: string, flag: string): ApiError => ({
		kind: 'unknown-target', what: kind, id, flag, code, message,
	});
	if ('clusterId' in target) {
		// 96017 "The specified cluster …" (the page lists it without the rest of the sentence); the text decides for other codes.
		return code === 96_017 || /cluster\b.*\b(?:not (?:exist|found)|does not exist|invalid)/iv.test(message)
			? what('Zilliz Cloud cluster', target.clusterId, '--cluster-id')
			: undefined;
	}

	if (code === 96_005) {
		return what('Zilliz Cloud project', target.projectId, '--project-id');
	}

	return code === 96_001 ? what('Zilliz Cloud region', target.regionId, '--region-id') : undefined;
};

export const zillizError = (error: ApiError, target: CloudTarget, credential: Credential): ApiError => {
	if (error.kind === 'unauthorized') {
		return {...error, credential};
	}

	if (error.kind !== 'milvus') {
		return error;
	}

	if (keyRefusedCodes.has(error.code)) {
		return {
			kind: 'unauthorized', code: error.code, message: error.message, inEnvelope: true, credential,
		};
	}

	if (permissionCodes.has(error.code)) {
		return {
			kind: 'forbidden', code: error.code, message: error.message, inEnvelope: true,
		};
	}

	return targetError(target, error.code, error.message) ?? error;
};
