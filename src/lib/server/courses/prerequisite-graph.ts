// Prerequisites form a directed graph (course → the courses it requires) that must stay acyclic:
// otherwise nobody could ever enrol in the courses on the cycle.

export type Edge = { course_id: string; prerequisite_id: string };

/**
 * The chain that `courseId` requiring `required` would close, from `courseId` back to itself
 * (e.g. [A, B, C, A]), or null when the new prerequisites keep the graph acyclic. `edges` are the
 * other courses' prerequisites; the course's own are replaced by `required`.
 */
export function findCycle(courseId: string, required: string[], edges: Edge[]): string[] | null {
	const next = new Map<string, string[]>();
	for (const e of edges)
		if (e.course_id !== courseId) next.set(e.course_id, [...(next.get(e.course_id) ?? []), e.prerequisite_id]);
	next.set(courseId, [...required]);
	// Depth-first from the course; a path that comes back to it is the cycle.
	const seen = new Set<string>();
	const walk = (node: string, path: string[]): string[] | null => {
		for (const to of next.get(node) ?? []) {
			if (to === courseId) return [...path, to];
			if (seen.has(to)) continue;
			seen.add(to);
			const found = walk(to, [...path, to]);
			if (found) return found;
		}
		return null;
	};
	return walk(courseId, [courseId]);
}
