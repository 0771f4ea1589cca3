// Finds import cycles among a folder's TypeScript files, type-only imports included (a type import still
// ties two files together for a reader; ESLint's import-x/no-cycle skips them, hence this script).
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';

const importPattern = /(?:^|[\s;])(?:import|export)\s[^;]*?\sfrom\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)|^import\s+'(\.[^']+)'/gmv;

const sourceFiles = directory => readdirSync(directory, {recursive: true, withFileTypes: true})
	.filter(entry => entry.isFile() && /\.tsx?$/v.test(entry.name))
	.map(entry => path.join(entry.parentPath, entry.name));

/** The relative imports a file's text names, as file paths (`./a.js` → `./a.ts` or `./a.tsx`). */
export const importsOf = (file, text, exists) => {
	const found = [];
	for (const match of text.matchAll(importPattern)) {
		const specifier = match[1] ?? match[2] ?? match[3];
		const base = path.resolve(path.dirname(file), specifier).replace(/\.js$/v, '');
		const target = [`${base}.ts`, `${base}.tsx`].find(candidate => exists(candidate));
		if (target !== undefined) {
			found.push(target);
		}
	}

	return found;
};

/** The strongly connected components of more than one file (or a file importing itself): Tarjan's algorithm. */
export const cyclesOf = graph => {
	let index = 0;
	const indices = new Map();
	const low = new Map();
	const stack = [];
	const onStack = new Set();
	const cycles = [];
	const visit = node => {
		indices.set(node, index);
		low.set(node, index);
		index++;
		stack.push(node);
		onStack.add(node);
		for (const next of graph.get(node) ?? []) {
			if (!indices.has(next)) {
				visit(next);
				low.set(node, Math.min(low.get(node), low.get(next)));
			} else if (onStack.has(next)) {
				low.set(node, Math.min(low.get(node), indices.get(next)));
			}
		}

		if (low.get(node) === indices.get(node)) {
			const component = [];
			let member;
			do {
				member = stack.pop();
				onStack.delete(member);
				component.push(member);
			} while (member !== node);

			if (component.length > 1 || (graph.get(node) ?? []).includes(node)) {
				cycles.push(component.toSorted());
			}
		}
	};

	for (const node of graph.keys()) {
		if (!indices.has(node)) {
			visit(node);
		}
	}

	return cycles;
};

/** The import cycles under `directory`, each a sorted list of paths relative to it. */
export const importCycles = directory => {
	const files = sourceFiles(directory);
	const known = new Set(files);
	const graph = new Map(files.map(file => [file, importsOf(file, readFileSync(file, 'utf8'), candidate => known.has(candidate))]));
	return cyclesOf(graph).map(cycle => cycle.map(file => path.relative(directory, file)));
};
