// What the live IR room's socket events carry, shared by the server handlers and the browser state.
import type { TrackInfo } from '$lib/media/types';
export type LiveRole = 'moderator' | 'presenter' | 'speaker' | 'viewer';
export type LiveStatus = 'scheduled' | 'live' | 'ended' | 'cancelled';
export type LiveGrants = { canPublish: boolean; canSubscribe: boolean; roomAdmin: boolean; canStart: boolean };
export type LiveQuestionStatus = 'pending' | 'approved' | 'answered' | 'dismissed';

export type LiveChatMessage = {
	id: string;
	eventId: string;
	userId: string | null;
	authorName: string | null;
	body: string;
	createdAt: string;
};
export type LiveQuestion = {
	id: string;
	eventId: string;
	userId: string | null;
	authorName: string | null;
	body: string;
	status: LiveQuestionStatus;
	votes: number;
	createdAt: string;
};
export type LiveHand = { userId: string; name: string; raisedAt: string };
export type LiveParticipant = { userId: string; name: string; role: LiveRole };
/** Someone who may publish, by the peer id their media arrives under (their socket's id). */
export type LiveStageMember = { peerId: string; userId: string; name: string; role: LiveRole };

/** Everything a socket needs right after joining: its role, the history, and the room's state. */
export type LiveRoomSnapshot = {
	eventId: string;
	userId: string;
	role: LiveRole;
	grants: LiveGrants;
	status: LiveStatus;
	viewers: number;
	stage: LiveStageMember[];
	chat: LiveChatMessage[];
	questions: LiveQuestion[];
	votedQuestionIds: string[];
	/** The room's polls, newest first, and this person's answer to each (poll id → option id). */
	polls: LivePoll[];
	pollAnswers: Record<string, string>;
	handRaised: boolean;
	/** Only for room admins and presenters; empty for the audience. */
	hands: LiveHand[];
	participants: LiveParticipant[];
	media: boolean;
	iceServers: { urls: string | string[]; username?: string; credential?: string }[];
	/** The camera may be published as VP8 simulcast (the media backend forwards one layer per viewer). */
	simulcast: boolean;
	/** The tracks the SFU forwards in this room right now. */
	mediaTracks: TrackInfo[];
};

export type LiveFailure = { ok: false; error: { code: string; message: string } };
export type LiveAck = (reply: { ok: true } | LiveFailure) => void;
export type LiveJoinAck = (reply: { ok: true; room: LiveRoomSnapshot } | LiveFailure) => void;

export type LivePollStatus = 'open' | 'closed';
/** A poll of the room with its live tally (every participant receives the same). */
export type LivePoll = {
	id: string;
	eventId: string;
	question: string;
	status: LivePollStatus;
	options: { id: string; label: string; votes: number }[];
	total: number;
	createdAt: string;
	closedAt: string | null;
};
