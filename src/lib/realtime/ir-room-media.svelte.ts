// The media side of the live room page: watching every publisher through LiveMedia, and (with the
// publish grant) going live with camera and microphone, sharing the screen, muting, switching devices.
import { LiveMedia, type PublisherStreams } from '$lib/media/client';
import type { MediaRequests, MediaSource, SessionDescription, TrackInfo } from '$lib/media/types';
import type { LiveSocket } from './ir-room.svelte';

export type StageVideo = { publisherId: string; camera?: MediaStream; screen?: MediaStream };
type IceServer = { urls: string | string[]; username?: string; credential?: string };

export function createRoomMedia(getSocket: () => LiveSocket | undefined, onError: (error: unknown) => void) {
	let media: LiveMedia | undefined;
	let removeListeners: (() => void) | undefined;
	const state = $state({
		videos: [] as StageVideo[],
		camera: null as MediaStream | null,
		screen: null as MediaStream | null,
		micMuted: false,
		cameraOff: false,
		/** Camera and microphone are being sent to the room. */
		publishing: false,
		busy: false
	});

	const signal = <E extends keyof MediaRequests>(event: E, payload: MediaRequests[E]['payload']) => {
		const socket = getSocket();
		// Not buffered while disconnected: socket.io would send it on reconnecting, before the room is
		// joined again (and possibly to another node), and hold the leg's queue meanwhile.
		if (!socket?.connected) return Promise.reject(new Error('socket not connected'));
		return (socket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<MediaRequests[E]['reply']> } }).timeout(10_000).emitWithAck(event, payload);
	};

	const onPublishers = (publishers: Map<string, PublisherStreams>) => {
		state.videos = [...publishers].map(([publisherId, streams]) => ({ publisherId, ...streams }));
	};

	async function openCamera(constraints: { videoId?: string; audioId?: string }) {
		return navigator.mediaDevices.getUserMedia({
			video: constraints.videoId ? { deviceId: { exact: constraints.videoId } } : true,
			audio: constraints.audioId ? { deviceId: { exact: constraints.audioId } } : true
		});
	}

	function stopStream(stream: MediaStream | null) {
		for (const track of stream?.getTracks() ?? []) track.stop();
	}

	/**
	 * Watching starts once somebody else publishes: an SFU offer without any track carries no BUNDLE
	 * group, which Chromium refuses under max-bundle.
	 */
	let subscribed = false;
	function considerSubscribing(tracks: TrackInfo[]) {
		const own = getSocket()?.id;
		if (!media || subscribed || !tracks.some((track) => track.publisherId !== own)) return;
		subscribed = true;
		media.subscribe(onPublishers).catch((error) => {
			subscribed = false;
			onError(error);
		});
	}

	return {
		state,
		/** Starts the media of the room; `tracks` are those the SFU forwards at join time. */
		start(iceServers: IceServer[], tracks: TrackInfo[]) {
			if (media) return;
			media = new LiveMedia(signal, { iceServers, onError });
			const socket = getSocket();
			// The socket object outlives reconnects, so these listeners are registered once.
			const onOffer = ({ offer }: { offer: SessionDescription }) => void media?.handleOffer(offer).catch(onError);
			const onTracks = ({ tracks: now }: { tracks: TrackInfo[] }) => considerSubscribing(now);
			socket?.on('media:offer', onOffer);
			socket?.on('media:tracks', onTracks);
			removeListeners = () => {
				socket?.off('media:offer', onOffer);
				socket?.off('media:tracks', onTracks);
			};
			considerSubscribing(tracks);
		},
		/** After a socket reconnect (a new peer id): new peer connections, the same streams. */
		async restart(tracks: TrackInfo[]) {
			await media?.restart().catch(onError);
			considerSubscribing(tracks);
		},
		/** The device check: a local preview of the camera (and the microphone, not sent anywhere). */
		async preview(devices: { videoId?: string; audioId?: string } = {}) {
			try {
				const stream = await openCamera(devices);
				stopStream(state.camera);
				state.camera = stream;
			} catch (error) {
				onError(error);
			}
		},
		async goLive(devices: { videoId?: string; audioId?: string } = {}) {
			if (!media || state.busy) return;
			state.busy = true;
			try {
				const stream = state.camera ?? (await openCamera(devices));
				state.camera = stream;
				await media.publish(stream, 'camera');
				state.publishing = true;
				media.setMuted('audio', state.micMuted);
				media.setMuted('video', state.cameraOff);
			} catch (error) {
				onError(error);
			} finally {
				state.busy = false;
			}
		},
		async shareScreen() {
			if (!media || state.screen) return;
			try {
				const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
				state.screen = stream;
				stream.getVideoTracks()[0]?.addEventListener('ended', () => void this.stopScreen());
				await media.publish(stream, 'screen');
			} catch (error) {
				stopStream(state.screen);
				state.screen = null;
				onError(error);
			}
		},
		async stopScreen() {
			const stream = state.screen;
			state.screen = null;
			stopStream(stream);
			await media?.unpublish('screen').catch(onError);
		},
		setMuted(kind: 'audio' | 'video', muted: boolean) {
			if (kind === 'audio') state.micMuted = muted;
			else state.cameraOff = muted;
			media?.setMuted(kind, muted);
		},
		/** Swaps the camera or microphone for another device, without renegotiating. */
		async switchDevice(kind: 'audio' | 'video', deviceId: string) {
			const source: MediaSource = kind === 'audio' ? 'microphone' : 'camera';
			try {
				const fresh = await navigator.mediaDevices.getUserMedia(kind === 'audio' ? { audio: { deviceId: { exact: deviceId } } } : { video: { deviceId: { exact: deviceId } } });
				const track = kind === 'audio' ? fresh.getAudioTracks()[0] : fresh.getVideoTracks()[0];
				const camera = state.camera;
				if (!camera || !track) return;
				if (media?.publishedSources.includes(source)) await media.replaceTrack(source, track);
				const old = kind === 'audio' ? camera.getAudioTracks() : camera.getVideoTracks();
				for (const previous of old) {
					camera.removeTrack(previous);
					previous.stop();
				}
				camera.addTrack(track);
				media?.setMuted(kind, kind === 'audio' ? state.micMuted : state.cameraOff);
				state.camera = new MediaStream(camera.getTracks());
			} catch (error) {
				onError(error);
			}
		},
		/** Stops sending everything (the presenter stops, or a speaker was demoted). */
		async stopPublishing() {
			await this.stopScreen();
			if (media?.publishedSources.includes('camera')) await media.unpublish('camera').catch(onError);
			stopStream(state.camera);
			state.camera = null;
			state.publishing = false;
		},
		close() {
			removeListeners?.();
			media?.close();
			subscribed = false;
			media = undefined;
			stopStream(state.camera);
			stopStream(state.screen);
			state.camera = null;
			state.screen = null;
			state.publishing = false;
		}
	};
}

export type RoomMedia = ReturnType<typeof createRoomMedia>;
