// THIRD_PARTY_LICENSES for dist/: every package whose code esbuild put in the bundle (read from the
// build's metafile, so a dependency dropped or added changes the file with it), with its licence text.
// The package ships with no dependencies (they are bundled), so their licences must travel inside it.
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';

const marker = `node_modules${path.sep}`;

/** The package folder an input file belongs to: the part up to the last node_modules/<name> or node_modules/@scope/<name>. */
const packageFolder = (root, input) => {
	const file = path.resolve(root, input);
	const at = file.lastIndexOf(marker);
	if (at === -1) {
		return undefined;
	}

	const [first, second] = file.slice(at + marker.length).split(path.sep);
	return file.slice(0, at + marker.length) + (first.startsWith('@') ? path.join(first, second) : first);
};

// MIT's text without a copyright line, for the packages that declare MIT but ship no licence file.
const mitText = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial
portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE
USE OR OTHER DEALINGS IN THE SOFTWARE.`;

const authorOf = manifest => typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;

const licenceText = (folder, manifest) => {
	const file = readdirSync(folder).toSorted().find(name => /^(?:licen[sc]e|copying)(?:[\-.].*)?$/iv.test(name));
	if (file !== undefined) {
		return readFileSync(path.join(folder, file), 'utf8').trim();
	}

	if (manifest.license === 'MIT') {
		const author = authorOf(manifest);
		return `(The package ships no licence file; its package.json declares MIT${author ? `, author ${author}` : ''}.)\n\n${mitText}`;
	}

	throw new Error(`${manifest.name}@${manifest.version} is bundled but has no licence file and no MIT licence field: review it before shipping`);
};

/** The file's text for an esbuild metafile (paths in it are relative to `root`). */
export const thirdPartyLicenses = (metafile, root) => {
	const folders = new Set(Object.keys(metafile.inputs).map(input => packageFolder(root, input)).filter(folder => folder !== undefined && existsSync(path.join(folder, 'package.json'))));
	const entries = new Map();
	for (const folder of folders) {
		const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
		entries.set(`${manifest.name}@${manifest.version}`, {licence: manifest.license ?? 'see text', text: licenceText(folder, manifest)});
	}

	const names = [...entries.keys()].toSorted();
	const sections = names.map(name => `${'-'.repeat(78)}\n${name} (${entries.get(name).licence})\n\n${entries.get(name).text}\n`);
	const header = `Third-party software bundled in dist/ of milvus-import-top, with its licences (${names.length} packages,\n`
		+ 'listed from the build\'s metafile by scripts/lib/third-party-licenses.js).';
	return `${header}\n\n${names.join('\n')}\n\n${sections.join('\n')}`;
};
