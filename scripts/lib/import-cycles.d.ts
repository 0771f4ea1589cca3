export function importsOf(file: string, text: string, exists: (candidate: string) => boolean): string[];
export function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][];
export function importCycles(directory: string): string[][];
