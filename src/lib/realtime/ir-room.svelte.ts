// A live IR room kept in sync over socket.io: joins on every (re)connect, holds the chat, Q&A, hands,
// presence and this person's role, and sends the room's requests with acknowledgements.
import { io, type Socket } from 'socket.io-client';
import { keepConnected } from './keep-connected';
import * as m from '$lib/paraglide/messages';
import type { ClientToServerEvents, ServerToClientEvents } from './events';
import { followPlacement } from './live-placement';
import type {
	LiveChatMessage,
	LiveGrants,
	LiveHand,
	LiveParticipant,
	LivePoll,
	LiveQuestion,
	LiveRole,
	LiveRoomSnapshot,
	LiveStageMember,
	LiveStatus
} from './ir-room-types';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Reply = { ok: true } | { ok: false; error: { code: string; message: string } };

const byVotes = (a: LiveQuestion, b: LiveQuestion) => b.votes - a.votes || a.createdAt.localeCompare(b.createdAt);

export type LiveRoomHooks = {
	/** After every successful join: the first one, and each one after a reconnect. */
	onJoined?: (room: LiveRoomSnapshot, rejoin: boolean) => void;
	/** The socket is gone for good in this room (removed, or the session ended). */
	onClosed?: () => void;
};

export function createLiveRoom(eventId: string, initialStatus: LiveStatus, hooks: LiveRoomHooks = {}) {
	let socket: LiveSocket | undefined;
	let joinedOnce = false;
	const state = $state({
		connected: false,
		joined: false,
		userId: '',
		role: 'viewer' as LiveRole,
		grants: { canPublish: false, canSubscribe: true, roomAdmin: false, canStart: false } as LiveGrants,
		status: initialStatus,
		viewers: 0,
		stage: [] as LiveStageMember[],
		chat: [] as LiveChatMessage[],
		questions: [] as LiveQuestion[],
		voted: [] as string[],
		/** Newest first; this person's answers by poll. */
		polls: [] as LivePoll[],
		pollAnswers: {} as Record<string, string>,
		handRaised: false,
		hands: [] as LiveHand[],
		participants: [] as LiveParticipant[],
		/** Why this person cannot be in the room (removed, refused on join). */
		refusal: '' as string
	});

	function upsertQuestion(question: LiveQuestion) {
		state.questions = [...state.questions.filter((q) => q.id !== question.id), question]
			.filter((q) => q.status !== 'dismissed')
			.sort(byVotes);
	}

	function upsertPoll(poll: LivePoll) {
		state.polls = [poll, ...state.polls.filter((p) => p.id !== poll.id)].sort((a, b) =>
			b.createdAt.localeCompare(a.createdAt)
		);
	}

	function join() {
		const handWasRaised = state.handRaised;
		socket?.emit('ir:join', { eventId }, (reply) => {
			if (!reply.ok) {
				state.refusal = reply.error.message;
				state.joined = false;
				return;
			}
			const room = reply.room;
			Object.assign(state, {
				joined: true,
				refusal: '',
				userId: room.userId,
				role: room.role,
				grants: room.grants,
				status: room.status,
				viewers: room.viewers,
				stage: room.stage,
				chat: room.chat,
				questions: [...room.questions].sort(byVotes),
				voted: room.votedQuestionIds,
				polls: room.polls,
				pollAnswers: room.pollAnswers,
				handRaised: room.handRaised,
				hands: room.hands,
				participants: room.participants
			});
			// Hands live in the owning node's memory: after a move to another node, raise it again.
			if (joinedOnce && handWasRaised && !room.handRaised) socket?.emit('ir:hand_raise', { eventId }, () => {});
			hooks.onJoined?.(room, joinedOnce);
			joinedOnce = true;
		});
	}

	function request<E extends keyof ClientToServerEvents>(
		event: E,
		payload: Record<string, unknown>
	): Promise<string | null> {
		return new Promise((resolve) => {
			if (!socket?.connected) return resolve(m.ir_live_offline());
			(socket as unknown as Socket)
				.timeout(10_000)
				.emit(event, { eventId, ...payload }, (error: Error | null, reply: Reply) => {
					if (error) return resolve(m.ir_live_offline());
					resolve(reply.ok ? null : reply.error.message);
				});
		});
	}

	return {
		state,
		get socket() {
			return socket;
		},
		connect() {
			// Opened once the room's node is known; reconnects come quickly (every 0.25–1 s), since after a
			// failover the placement answers the new owner the moment the old lease ends.
			socket = io({
				path: '/socket.io',
				transports: ['websocket', 'polling'],
				autoConnect: false,
				reconnectionDelay: 250,
				reconnectionDelayMax: 1000
			});
			keepConnected(socket);
			const opened = socket;
			void followPlacement(opened as unknown as Socket, eventId).ready.finally(() => opened.connect());
			socket.on('connect', () => {
				state.connected = true;
				join();
			});
			socket.on('disconnect', () => {
				state.connected = false;
				state.joined = false;
			});
			socket.on('ir:presence', (p) => {
				if (p.eventId !== eventId) return;
				state.viewers = p.viewers;
				state.stage = p.stage;
			});
			socket.on('ir:participants', (p) => p.eventId === eventId && (state.participants = p.participants));
			socket.on('ir:hands', (p) => p.eventId === eventId && (state.hands = p.hands));
			socket.on('ir:chat', (message) => {
				if (message.eventId === eventId && !state.chat.some((c) => c.id === message.id))
					state.chat = [...state.chat, message];
			});
			socket.on(
				'ir:chat_deleted',
				(p) => p.eventId === eventId && (state.chat = state.chat.filter((c) => c.id !== p.id))
			);
			socket.on('ir:question', (q) => q.eventId === eventId && upsertQuestion(q));
			socket.on(
				'ir:question_hidden',
				(p) => p.eventId === eventId && (state.questions = state.questions.filter((q) => q.id !== p.id))
			);
			socket.on('ir:poll', (poll) => poll.eventId === eventId && upsertPoll(poll));
			socket.on('ir:role', (p) => {
				if (p.eventId !== eventId) return;
				Object.assign(state, { role: p.role, grants: p.grants, handRaised: p.handRaised });
			});
			socket.on('ir:status', (p) => {
				if (p.eventId !== eventId) return;
				state.status = p.status;
				if (p.status === 'ended') {
					hooks.onClosed?.();
					socket?.disconnect();
				}
			});
			socket.on('ir:removed', (p) => {
				if (p.eventId !== eventId) return;
				state.refusal = p.message;
				state.joined = false;
				hooks.onClosed?.();
				socket?.disconnect();
			});
			return () => {
				socket?.emit('ir:leave', { eventId });
				socket?.disconnect();
			};
		},
		postChat: (body: string) => request('ir:chat_post', { body }),
		deleteChat: (messageId: string) => request('ir:chat_delete', { messageId }),
		ask: (body: string) => request('ir:question_ask', { body }),
		async vote(questionId: string) {
			const error = await request('ir:question_vote', { questionId });
			if (!error) state.voted = [...state.voted, questionId];
			return error;
		},
		moderate: (questionId: string, action: 'approve' | 'answer' | 'dismiss') =>
			request('ir:question_moderate', { questionId, action }),
		createPoll: (question: string, options: string[]) => request('ir:poll_create', { question, options }),
		async answerPoll(pollId: string, optionId: string) {
			const error = await request('ir:poll_answer', { pollId, optionId });
			if (!error) state.pollAnswers = { ...state.pollAnswers, [pollId]: optionId };
			return error;
		},
		closePoll: (pollId: string) => request('ir:poll_close', { pollId }),
		raiseHand: () => request('ir:hand_raise', {}),
		lowerHand: () => request('ir:hand_lower', {}),
		promote: (userId: string) => request('ir:speaker_promote', { userId }),
		demote: (userId: string) => request('ir:speaker_demote', { userId }),
		remove: (userId: string) => request('ir:participant_remove', { userId }),
		start: () => request('ir:session_start', {}),
		end: () => request('ir:session_end', {})
	};
}

export type LiveRoomClient = ReturnType<typeof createLiveRoom>;
