import {phasesOf} from './flavor.js';
import {catalog, makeDemoJob} from './seed.js';
import {completionTime, planJob, shiftJob} from './sim.js';
import {
	addJob, allocateJobId, type Rules, type World,
} from './world.js';

/**
`count` more jobs, each caught somewhere between its creation and shortly after its end (most of them
running), so a client can be tried against a long list (1,000 jobs over ten pages on the cloud flavour).
*/
export const addBulkJobs = (world: World, count: number, now: number, random: () => number, rules: Rules): World => {
	const collections = catalog.flatMap(database => database.collections.map(collection => ({database, collection})));
	let next = world;
	for (let index = 0; index < count; index++) {
		const {database, collection} = collections[index % collections.length]!;
		const {files, failure} = makeDemoJob(random, collection);
		const job = planJob({
			jobId: '', dbName: database.name, collectionName: collection.name, collectionId: collection.id, files, autoCommit: true, createdAt: 0,
		}, phasesOf(rules.flavor, true), random, failure);
		// Up to 1.1 × its run: about nine in ten are still running.
		const age = Math.round(random() * 1.1 * completionTime(job));
		const allocated = allocateJobId(next, random);
		next = addJob(allocated.world, {...shiftJob(job, now - age), jobId: allocated.jobId});
	}

	return next;
};
