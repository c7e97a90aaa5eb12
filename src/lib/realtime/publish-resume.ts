// What a tab remembers across a reload of the live room: that it was sending, and from which devices
// (sessionStorage: this tab only, gone when it closes), and whether the browser still grants them.

export type ChosenDevices = { videoId?: string; audioId?: string };

const keyOf = (eventId: string) => `medcluster:ir-live-publishing:${eventId}`;

export function resumeMemory(eventId: string) {
	const storage = () => (typeof sessionStorage === 'undefined' ? undefined : sessionStorage);
	return {
		read(): ChosenDevices | undefined {
			try {
				const raw = storage()?.getItem(keyOf(eventId));
				if (!raw) return undefined;
				const parsed: unknown = JSON.parse(raw);
				if (!parsed || typeof parsed !== 'object') return {};
				const { videoId, audioId } = parsed as Record<string, unknown>;
				return {
					videoId: typeof videoId === 'string' ? videoId : undefined,
					audioId: typeof audioId === 'string' ? audioId : undefined
				};
			} catch {
				return undefined; // storage disabled or a damaged entry: behave as if nothing was live
			}
		},
		write(devices: ChosenDevices) {
			try {
				storage()?.setItem(keyOf(eventId), JSON.stringify({ videoId: devices.videoId, audioId: devices.audioId }));
			} catch {
				// Storage full or disabled: the reload then shows the resume button's fallback, Go live.
			}
		},
		clear() {
			try {
				storage()?.removeItem(keyOf(eventId));
			} catch {
				// nothing stored
			}
		}
	};
}

/** Whether camera and microphone may be opened without asking (Permissions API; false where it is missing). */
export async function devicesGranted(): Promise<boolean> {
	try {
		const states = await Promise.all(
			(['camera', 'microphone'] as const).map((name) => navigator.permissions.query({ name: name as PermissionName }))
		);
		return states.every((status) => status.state === 'granted');
	} catch {
		return false;
	}
}
