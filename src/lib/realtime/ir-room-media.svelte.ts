// The media side of the live room page: watching every publisher through LiveMedia, and (with the
// publish grant) going live with camera and microphone, sharing the screen, muting, switching devices.
import { LiveMedia, type InboundVideoStats, type PublisherStreams } from '$lib/media/client';
import { judgeQuality, type ConnectionQuality } from '$lib/media/quality';
import type { MediaRequests, MediaSource, SessionDescription, TrackInfo } from '$lib/media/types';
import type { LiveSocket } from './ir-room.svelte';
import { devicesGranted, resumeMemory, type ChosenDevices } from './publish-resume';

export type StageVideo = { publisherId: string; camera?: MediaStream; screen?: MediaStream };
const QUALITY_INTERVAL_MS = 2_000;
type IceServer = { urls: string | string[]; username?: string; credential?: string };

/** `eventId` names what this tab remembers across a reload (was it live, with which devices). */
export function createRoomMedia(
	getSocket: () => LiveSocket | undefined,
	onError: (error: unknown) => void,
	eventId = ''
) {
	let media: LiveMedia | undefined;
	const memory = resumeMemory(eventId);
	let removeListeners: (() => void) | undefined;
	const state = $state({
		videos: [] as StageVideo[],
		camera: null as MediaStream | null,
		screen: null as MediaStream | null,
		micMuted: false,
		cameraOff: false,
		/** Camera and microphone are being sent to the room. */
		publishing: false,
		busy: false,
		/** Live before a reload, but the browser will ask for the camera again: one button resumes. */
		resumable: false,
		/** How well this person receives the room's video now (undefined while nothing is received). */
		quality: undefined as ConnectionQuality | undefined
	});

	/** Samples the inbound video every QUALITY_INTERVAL_MS while watching. */
	let qualityTimer: ReturnType<typeof setInterval> | undefined;
	function watchQuality() {
		if (qualityTimer) return;
		let previous: { at: number; videos: InboundVideoStats[] } | undefined;
		qualityTimer = setInterval(async () => {
			const videos = await media?.stats().catch(() => undefined);
			if (!videos) return;
			const at = Date.now();
			if (previous) state.quality = judgeQuality(previous.videos, videos, (at - previous.at) / 1000);
			previous = { at, videos };
		}, QUALITY_INTERVAL_MS);
	}

	const signal = <E extends keyof MediaRequests>(event: E, payload: MediaRequests[E]['payload']) => {
		const socket = getSocket();
		// Not buffered while disconnected: socket.io would send it on reconnecting, before the room is
		// joined again (and possibly to another node), and hold the leg's queue meanwhile.
		if (!socket?.connected) return Promise.reject(new Error('socket not connected'));
		return (
			socket as unknown as {
				timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<MediaRequests[E]['reply']> };
			}
		)
			.timeout(10_000)
			.emitWithAck(event, payload);
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
		watchQuality();
		media.subscribe(onPublishers).catch((error) => {
			subscribed = false;
			onError(error);
		});
	}

	return {
		state,
		/** Starts the media of the room; `tracks` are those the SFU forwards at join time. */
		start(iceServers: IceServer[], tracks: TrackInfo[], simulcast = false) {
			if (media) return;
			media = new LiveMedia(signal, { iceServers, simulcast, onError });
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
		/**
		 * After a reload (or a speaker's reconnect): goes live again by itself when this tab was live and
		 * the browser still grants camera and microphone; otherwise offers the one resume button.
		 */
		async resume() {
			const remembered = memory.read();
			if (!remembered || state.publishing || state.busy) return;
			if (await devicesGranted()) await this.goLive(remembered);
			else state.resumable = true;
		},
		/** The resume button: the remembered devices again (the browser may ask for them now). */
		resumeByClick() {
			return this.goLive(memory.read() ?? {});
		},
		/** Leaving the room on purpose: a later visit does not go live by itself. */
		forgetResume() {
			memory.clear();
			state.resumable = false;
		},
		async goLive(devices: ChosenDevices = {}) {
			if (!media || state.busy) return;
			state.busy = true;
			try {
				const stream = state.camera ?? (await openCamera(devices));
				state.camera = stream;
				await media.publish(stream, 'camera');
				memory.write(devices);
				state.resumable = false;
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
				const fresh = await navigator.mediaDevices.getUserMedia(
					kind === 'audio' ? { audio: { deviceId: { exact: deviceId } } } : { video: { deviceId: { exact: deviceId } } }
				);
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
			this.forgetResume();
		},
		close() {
			clearInterval(qualityTimer);
			qualityTimer = undefined;
			state.quality = undefined;
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
