// Where a live room goes: the rule is a pure function over candidate media nodes, so werift nodes
// (from their heartbeats) and Janus servers (from the Janus backend's configuration, with their
// load) are placed by the same rule.

/** A node that can host a room's media: a werift portal node or a Janus server. */
export type MediaNode = {
	id: string;
	/** The address browsers send media to (the node's MEDIA_ANNOUNCED_IP, or the Janus host). */
	address: string;
	/** Rooms (or, for Janus, sessions or publishers) it carries now. */
	load: number;
	/** What it is meant to carry; the rule compares load / capacity. */
	capacity: number;
};

/**
 * The least loaded node relative to its capacity; ties go to the lower absolute load, then to the
 * smaller id, so every node that runs the rule on the same list picks the same one. Full nodes are
 * only chosen when every node is full (a crowded room is better than no room). Undefined for an
 * empty list.
 */
export function pickMediaNode<N extends MediaNode>(candidates: readonly N[]): N | undefined {
	const usable = candidates.filter((n) => n.capacity > 0);
	const withRoom = usable.filter((n) => n.load < n.capacity);
	const pool = withRoom.length > 0 ? withRoom : usable;
	let best: N | undefined;
	for (const node of pool) {
		if (!best) {
			best = node;
			continue;
		}
		const ratio = node.load / node.capacity - best.load / best.capacity;
		if (ratio < 0 || (ratio === 0 && (node.load < best.load || (node.load === best.load && node.id < best.id))))
			best = node;
	}
	return best;
}
