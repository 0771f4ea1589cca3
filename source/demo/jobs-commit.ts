import {parseBody} from './body.js';
import {abortJob, commitJob, type Verdict} from './commit.js';
import {
	fail, failWith, ok, type Handler,
} from './context.js';
import {describeSchema, parseJobId} from './jobs.js';
import type {SimJob} from './sim.js';
import {addJob} from './world.js';

/**
`jobs/import/commit` and `jobs/import/abort`, 3.0 only (docs/milvus-rest.md#commit-and-abort, PR #48524): body `{"jobId": "<string>"}`,
success `{"code":0,"data":{}}`, a non-numeric id → 1100. The body rules are every route's (docs/milvus-rest.md#body: 1801
for a number, 1802 when missing). An unknown numeric id is answered as describe answers it on 3.0
(2101 "import job does not exist"): the commit-and-abort notes do not say, datacoord finds jobs by id the same way [I].
*/
const onJob = (decide: (job: SimJob, now: number) => Verdict): Handler => (context, body) => {
	const parsed = parseBody(body, describeSchema);
	if (!parsed.ok) {
		return failWith(parsed.error);
	}

	const {traits} = context;
	const id = parseJobId(parsed.value.jobId!);
	if (typeof id === 'string') {
		return fail(traits.badIdCode, `${traits.badIdPrefix}${id}: ${traits.badIdSuffix}`);
	}

	const job = context.world.jobs.get(id.toString());
	if (!job) {
		return fail(traits.notFoundCode, `import job does not exist, jobID=${id}: ${traits.notFoundSuffix}`);
	}

	const verdict = decide(job, context.now);
	switch (verdict.kind) {
		case 'changed': {
			return {...ok({}), world: addJob(context.world, verdict.job)};
		}

		case 'unchanged': {
			return ok({});
		}

		case 'refused': {
			// Datacoord wraps the refusal as an import failure (merr ErrImportFailed), the code of an unknown job.
			return fail(traits.notFoundCode, `${verdict.message}: ${traits.notFoundSuffix}`);
		}
	}
};

export const commitImport: Handler = onJob(commitJob);
export const abortImport: Handler = onJob(abortJob);
