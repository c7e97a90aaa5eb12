// Why a node refuses to place or serve a room's media. Not DomainErrors: they never reach a form,
// the placement endpoint and the fenced media backend map them themselves.

/** This node cannot reach PostgreSQL (its heartbeat is stale), so it must not place or claim rooms. */
export class ClusterUnavailableError extends Error {
	constructor() {
		super('cluster_unavailable');
		this.name = 'ClusterUnavailableError';
	}
}

/** Another node holds the room's lease; this node must not touch the room's media. */
export class NotLeaseHolderError extends Error {
	constructor(readonly roomId: string) {
		super(`not the lease holder of ${roomId}`);
		this.name = 'NotLeaseHolderError';
	}
}
