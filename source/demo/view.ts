import type {Traits} from './flavor.js';
import {attemptAt} from './retry.js';
import {
	phaseAt, type SimFile, type SimJob, type Snapshot, type Step,
} from './sim.js';

/** What list and describe show of a job at a moment: the public state and the progress formulas (docs/milvus-rest.md#states). */
export type TaskView = {
	readonly fileName: string;
	readonly fileSize: number;
	readonly progress: number;
	readonly state: 'Pending' | 'InProgress' | 'Retry' | 'Completed' | 'Failed';
	readonly importedRows: number;
	readonly totalRows: number;
	readonly completeTime: number | undefined;
	readonly reason: string;
};

export type JobView = {
	readonly state: string;
	readonly progress: number;
	readonly importedRows: number;
	readonly totalRows: number;
	readonly reason: string;
	readonly completeTime: number | undefined;
	readonly tasks: readonly TaskView[];
};

/** Go's `%v` of a []string: `[a.npy b.npy]`. */
export const fileName = (paths: readonly string[]): string => `[${paths.join(' ')}]`;

const countUpTo = (values: readonly number[], fraction: number): number => values.filter(value => value <= fraction).length;

/** Share of a file's rows written at `fraction` of the rows stage; its progress is an integer percent, rows derive from it. */
const taskAt = (file: SimFile, step: Step, fraction: number): TaskView => {
	const attempt = attemptAt(file.retry, fraction);
	const task = {fileName: fileName(file.paths), fileSize: file.size, totalRows: file.rows};
	if (attempt.retrying) { // The failed attempt's rows are cleared until the task runs again.
		return {
			...task, progress: 0, state: 'Retry', importedRows: 0, completeTime: undefined, reason: file.retry?.reason ?? '',
		};
	}

	const progress = Math.floor(Math.min(1, attempt.run * file.speed) * 100);
	const done = progress >= 100;
	const length = step.end - step.start;
	return {
		...task,
		progress,
		state: done ? 'Completed' : (progress > 0 ? 'InProgress' : 'Pending'),
		importedRows: Math.floor((progress * file.rows) / 100),
		completeTime: done ? step.start + Math.round(file.retry ? length * (file.retry.resumeAt + (1 / file.speed)) : length / file.speed) : undefined,
		reason: '',
	};
};

const tasksOf = (job: SimJob, snapshot: Snapshot): TaskView[] => {
	const importing = job.steps.find(step => step.phase === 'Importing')!;
	if (snapshot.phase === 'Completed') {
		return job.files.map(file => taskAt(file, importing, 1));
	}

	const {step} = snapshot;
	if (!step || step.start < importing.start) {
		return []; // Pre-import tasks are not listed (docs/milvus-rest.md#describe).
	}

	const tasks = job.files.map(file => taskAt(file, importing, step === importing ? snapshot.fraction : 1));
	if (snapshot.phase !== 'Failed') {
		return tasks;
	}

	return tasks.map((task, i) => (task.state === 'Completed'
		? task
		: {
			...task, state: 'Failed', completeTime: undefined, reason: i === (job.failure?.file ?? 0) ? job.failure?.reason ?? '' : '',
		}));
};

const sum = (tasks: readonly TaskView[], pick: (task: TaskView) => number): number => tasks.reduce((total, task) => total + pick(task), 0);

const progressOf = (job: SimJob, snapshot: Snapshot, traits: Traits, tasks: readonly TaskView[]): number => {
	const count = Math.max(1, job.files.length);
	switch (snapshot.phase) {
		case 'Pending': {
			return Math.floor((countUpTo(job.files.map(file => file.taskAt), snapshot.fraction) / count) * 10);
		}

		case 'PreImporting': {
			return 10 + Math.floor((countUpTo(job.files.map(file => file.preImportAt), snapshot.fraction) / count) * 30);
		}

		case 'Importing': {
			const total = sum(tasks, task => task.totalRows);
			return 40 + Math.floor(total === 0 ? 0 : (sum(tasks, task => task.importedRows) / total) * traits.rowsWeight);
		}

		case 'Sorting': {
			return 70 + Math.floor(snapshot.fraction * 10);
		}

		case 'IndexBuilding': {
			return traits.indexFrom + Math.floor(snapshot.fraction * traits.indexWeight);
		}

		case 'Uncommitted':
		case 'Committing': {
			return 99;
		}

		case 'Completed': {
			return 100;
		}

		case 'Failed': {
			return 0; // Progress and rows drop to 0 on failure (docs/milvus-rest.md#progress).
		}
	}
};

const stateOf = (job: SimJob, snapshot: Snapshot): string => {
	switch (snapshot.phase) {
		case 'Pending':
		case 'Completed':
		case 'Failed': {
			return snapshot.phase;
		}

		case 'Uncommitted':
		case 'Committing': {
			return job.autoCommit ? 'Importing' : snapshot.phase;
		}

		case 'PreImporting':
		case 'Importing':
		case 'Sorting':
		case 'IndexBuilding': {
			return 'Importing';
		}
	}
};

export const viewJob = (job: SimJob, now: number, traits: Traits): JobView => {
	const snapshot = phaseAt(job, now);
	const tasks = tasksOf(job, snapshot);
	const failed = snapshot.phase === 'Failed';
	return {
		state: stateOf(job, snapshot),
		progress: progressOf(job, snapshot, traits, tasks),
		importedRows: failed ? 0 : sum(tasks, task => task.importedRows),
		totalRows: failed ? 0 : sum(tasks, task => task.totalRows),
		reason: failed ? job.failure?.reason ?? '' : '',
		completeTime: snapshot.phase === 'Completed' ? snapshot.at : undefined,
		tasks,
	};
};
