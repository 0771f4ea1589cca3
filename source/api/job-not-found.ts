import type {ApiError} from './types.js';

/**
How Milvus says "no such import job" to describe: code 2100 (2101 on the 2.6 branch after 2.6.18 and
3.0) with "import job does not exist, jobID=…" (docs/milvus-rest.md#describe). The code alone
also means "import failed", so the text decides. A finished job ends up here once Milvus
garbage-collects it (~3 h after it ended, `importJobExpiredTime`).
*/
export const isJobNotFound = (error: ApiError): boolean =>
	error.kind === 'milvus' && (error.code === 2100 || error.code === 2101) && error.message.toLowerCase().includes('import job does not exist');
