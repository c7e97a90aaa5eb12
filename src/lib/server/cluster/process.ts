// The process's cluster node, for the placement endpoint and the readiness check. A global symbol,
// like the runtime's, because SvelteKit's bundle and server.js / the Vite plugin load separate
// copies of this module.
import type { ClusterNode } from './node';

const KEY = Symbol.for('medcluster.cluster');
type Holder = { node?: ClusterNode };
const holder = ((globalThis as Record<symbol, unknown>)[KEY] ??= {}) as Holder;

export const currentClusterNode = (): ClusterNode | undefined => holder.node;

export function setClusterNode(node: ClusterNode | undefined): void {
	holder.node = node;
}

/**
 * The SIGTERM hook: hands this node's rooms to the other nodes and leaves placement. Safe to call
 * more than once and without a cluster (embedded PGlite). Returns how many rooms moved.
 */
export async function handOverRooms(): Promise<number> {
	const node = holder.node;
	if (!node) return 0;
	holder.node = undefined;
	return node.handOver();
}
