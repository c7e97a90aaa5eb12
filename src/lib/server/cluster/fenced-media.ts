// The SFU as a clustered node may use it: every media action first checks that this node holds the
// room's lease, at the version the room's media was opened under (the fencing token). A node that
// lost the lease, or cannot prove it holds it, refuses instead of serving a room another node owns.
import { MediaError, type MediaBackend, type MediaRoom } from '../media/backend';
import type { ClusterNode } from './node';

type Fence = Pick<ClusterNode, 'ensureOwned'>;

export type FencedMediaBackend = MediaBackend & {
	/**
	 * A room handed over to another node: its peers stay up (forwarding what its publishers still
	 * send) while the clients build their new legs on the new owner; leaving and closing it become
	 * no-ops here, and the whole backend closes when this node exits.
	 */
	keepForHandover(roomId: string): void;
};

export function fenceMediaBackend(
	backend: MediaBackend,
	node: Fence,
	onStale: (roomId: string) => void
): FencedMediaBackend {
	/** room → the lease version its media was opened under on this node. */
	const openedUnder = new Map<string, number>();
	/** Rooms handed over: their old media keeps flowing until this node exits. */
	const kept = new Set<string>();

	async function fence(roomId: string): Promise<void> {
		let version: number;
		try {
			version = await node.ensureOwned(roomId);
		} catch {
			throw new MediaError('media_closed');
		}
		const opened = openedUnder.get(roomId);
		if (opened === undefined) openedUnder.set(roomId, version);
		else if (opened !== version) {
			// The lease changed hands in between: this room's peers belong to an older owner.
			openedUnder.delete(roomId);
			onStale(roomId);
			throw new MediaError('media_closed');
		}
	}

	function room(roomId: string): MediaRoom {
		const inner = () => backend.room(roomId);
		// Recording's tap, where the backend has one (werift): it only listens to what this node's
		// publishers already send, so it needs no fence of its own.
		const tapIngest =
			backend.room(roomId).tapIngest &&
			((tap: Parameters<NonNullable<MediaRoom['tapIngest']>>[0]) => inner().tapIngest!(tap));
		// Janus records by itself: the sink configures the room's own publishers, no fence either.
		const recordItself =
			backend.room(roomId).recordItself &&
			((recordingId: string, dir: string, startedAt?: number) => inner().recordItself!(recordingId, dir, startedAt));
		return {
			...(tapIngest ? { tapIngest } : {}),
			...(recordItself ? { recordItself } : {}),
			id: roomId,
			async publish(peerId, offer, sources) {
				await fence(roomId);
				return inner().publish(peerId, offer, sources);
			},
			unpublish: async (peerId) => {
				if (!kept.has(roomId)) await inner().unpublish(peerId);
			},
			async subscribe(peerId) {
				await fence(roomId);
				return inner().subscribe(peerId);
			},
			async setAnswer(peerId, answer) {
				await fence(roomId);
				return inner().setAnswer(peerId, answer);
			},
			async addIceCandidate(peerId, leg, candidate) {
				await fence(roomId);
				return inner().addIceCandidate(peerId, leg, candidate);
			},
			leave: async (peerId) => {
				if (!kept.has(roomId)) await inner().leave(peerId);
			},
			tracks: () => inner().tracks(),
			on: (event, listener) => inner().on(event, listener),
			stats: () => inner().stats(),
			close: () => closeRoom(roomId)
		};
	}

	async function closeRoom(roomId: string): Promise<void> {
		if (kept.has(roomId)) return;
		openedUnder.delete(roomId);
		await backend.closeRoom(roomId);
	}

	return {
		room,
		closeRoom,
		get iceServers() {
			return backend.iceServers;
		},
		get simulcast() {
			return backend.simulcast;
		},
		stats: () => backend.stats(),
		close: () => backend.close(),
		keepForHandover(roomId: string) {
			kept.add(roomId);
			openedUnder.delete(roomId);
		}
	};
}
