// A participant's permissions in a live room, held explicitly (after LiveKit's grants): every socket
// event is checked against them, each time, so a promotion or demotion takes effect at once.
import type { IrLiveRole } from '../../db/ir-live-types';

export type Grants = {
	/** Send camera, microphone and screen to the room. */
	canPublish: boolean;
	/** Receive the room's media. */
	canSubscribe: boolean;
	/** Moderate: approve questions, delete chat, promote, remove, start and end the session. */
	roomAdmin: boolean;
	/** Start the session (presenters may go live themselves). */
	canStart: boolean;
};

export function grantsFor(role: IrLiveRole): Grants {
	switch (role) {
		case 'moderator':
			return { canPublish: true, canSubscribe: true, roomAdmin: true, canStart: true };
		case 'presenter':
			return { canPublish: true, canSubscribe: true, roomAdmin: false, canStart: true };
		case 'speaker':
			return { canPublish: true, canSubscribe: true, roomAdmin: false, canStart: false };
		case 'viewer':
			return { canPublish: false, canSubscribe: true, roomAdmin: false, canStart: false };
	}
}

/** Presenters and moderators run the room; speakers and viewers are the audience. */
export const isStaffRole = (role: IrLiveRole) => role === 'moderator' || role === 'presenter';
