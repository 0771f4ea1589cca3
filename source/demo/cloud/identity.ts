/**
Who the cloud flavour answers to: one cluster, one serverless project in one region, one API key.
The codes are the ones Zilliz documents for its v2 control plane (docs/zilliz-cloud.md).
*/

export const demoClusterId = 'in01-demo0000000000';
export const demoProjectId = 'proj-demo0000000000';
export const demoRegionId = 'aws-us-west-2';
/** Used when `demo-server --flavor cloud` gets no `--auth`; said in the README. */
export const demoApiKey = 'demo-api-key';

export type CloudError = {readonly code: number; readonly message: string};

export const badKey: CloudError = {code: 21_119, message: 'The apikey is illegal.'};
export const unknownCluster: CloudError = {code: 96_017, message: 'The specified cluster does not exist.'};
export const badProject: CloudError = {code: 96_005, message: 'Invalid projectId. The projectId should be like proj-xxxxxxxx.'};
export const badRegion: CloudError = {code: 96_001, message: 'Invalid RegionId.'};
export const badPageSize: CloudError = {code: 96_008, message: 'The parameter value for pageSize should be between 1 and 100.'};
export const badPage: CloudError = {code: 96_009, message: 'The parameter currentPage should have a value between 1 and the maximum value of Int.'};

const bearer = /^bearer\s+(.+)$/iv;

/** The control plane takes only `Authorization: Bearer <API key>`. */
export const keyOf = (header: string | undefined): string | undefined => bearer.exec(header?.trim() ?? '')?.[1]?.trim();

/** A cluster, or a project database (`projectId` + `regionId`, as pymilvus and the Node SDK send them). */
export const checkTarget = (body: Readonly<Record<string, unknown>>): CloudError | undefined => {
	const {clusterId, projectId, regionId} = body;
	if (typeof clusterId === 'string' && clusterId !== '') {
		return clusterId === demoClusterId ? undefined : unknownCluster;
	}

	if (projectId === demoProjectId) {
		return regionId === demoRegionId ? undefined : badRegion;
	}

	return typeof projectId === 'string' && projectId !== '' ? badProject : unknownCluster;
};

/**
`job-` and 21 lower-case letters and digits, as the control plane's ids look; a function of the
demo's numeric id, so the same job keeps its id across requests.
*/
export const cloudJobId = (jobId: string): string => `job-${BigInt(jobId).toString(36).padStart(21, '0')}`;
