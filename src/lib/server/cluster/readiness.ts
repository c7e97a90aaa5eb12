// The readiness check of a clustered node: not ready while it cannot renew its heartbeat, so the
// proxy stops sending it traffic (and it stops claiming rooms). Without a cluster it is always ok.
import { currentClusterNode } from './process';

export type ClusterReadiness = { ok: boolean; node: string | null };

export function clusterReadiness(): ClusterReadiness {
	const node = currentClusterNode();
	if (!node) return { ok: true, node: null };
	return { ok: node.ready(), node: node.nodeId };
}
