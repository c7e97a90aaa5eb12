// The backend's one Janus session (created on first use, re-created after Janus comes back) and the
// VideoRoom handle it uses for room-level requests (create, destroy).
import { MediaError } from '../backend';
import type { MediaLogger } from '../werift-room';
import { JanusSession, type JanusSessionOptions } from './api';

export type JanusLink = { session: JanusSession; control: number };

/**
 * Returns `connect()`: the live link, or a new one when there is none or Janus dropped the last one
 * (then `onLost` ran first, so rooms forget their handles). Throws MediaError('media_unavailable').
 */
export function janusConnector(options: JanusSessionOptions, logger: MediaLogger, onLost: () => void) {
	let current: Promise<JanusLink> | undefined;
	const open = async (): Promise<JanusLink> => {
		const session = await JanusSession.create(options);
		session.onLost((error) => {
			logger.warn({ err: error }, 'media: Janus session lost');
			onLost();
		});
		try {
			return { session, control: await session.attach(() => {}) };
		} catch (error) {
			await session.destroy();
			throw error;
		}
	};
	return {
		connect(): Promise<JanusLink> {
			const existing = current;
			current = (existing ?? open()).then((link) => (link.session.lost ? open() : link));
			const attempt = current;
			return attempt.catch((error) => {
				if (current === attempt) current = undefined;
				logger.warn({ err: error, url: options.url }, 'media: Janus unreachable');
				throw new MediaError('media_unavailable');
			});
		},
		async close() {
			const link = await current?.catch(() => undefined);
			current = undefined;
			await link?.session.destroy();
		}
	};
}
