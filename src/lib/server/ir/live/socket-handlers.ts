// The live IR room's socket events, through the one socket wrapper (zod, catch, translated reply).
// Each handler checks the grants the socket holds in the room the event names (a socket only acts in
// a room it has joined).
import { DomainError } from '../../errors';
import { deleteChatMessage, postChatMessage } from './chat';
import { liveRefusal } from './error-messages';
import { GrantMissingError, LiveInvalidStateError, NotInRoomError } from './errors';
import type { Grants } from './grants';
import { liveRoomName, pushPoll, pushQuestion, pushRole, pushStaffState, toLiveChat } from './broadcast';
import { demoteSpeaker, endLive, promoteSpeaker, removeParticipant, startLive } from './moderation';
import { joinRoom, leaveRoom, rejoinSnapshot, type LiveDeps, type LiveSocket } from './presence';
import { askQuestion, moderateQuestion, voteForQuestion } from './questions';
import { answerPoll, closePoll, createPoll, currentTally, POLL_PUSH_MS } from './polls';
import * as registry from './registry';
import * as schemas from './schemas';
import { defineSocketEvents } from '../../realtime/socket-events';

export function registerIrLiveHandlers(deps: LiveDeps, socket: LiveSocket): void {
	const { db, io } = deps;
	const user = socket.data.user;
	const context = { ip: socket.handshake.address ?? null };
	// Joins of this socket run one after another, so a burst of ir:join cannot open parallel attendance rows.
	let joining: Promise<unknown> = Promise.resolve();

	/** The socket's participant in `eventId`, holding `grant` when one is named. */
	function requireParticipant(eventId: string, grant?: keyof Grants) {
		const participant = registry.findParticipant(eventId, socket.id);
		if (!participant) throw new NotInRoomError();
		if (grant && !participant.grants[grant]) throw new GrantMissingError();
		return participant;
	}

	async function join(eventId: string) {
		// Joining the room the socket is already in answers with the room's state again, nothing more.
		if (registry.findParticipant(eventId, socket.id))
			return { ok: true as const, room: await rejoinSnapshot(deps, socket, user, eventId) };
		// One room per socket: its media events carry no room name.
		for (const joined of registry.roomsOfSocket(socket.id)) await leaveRoom(deps, socket.id, joined);
		const room = await joinRoom(deps, socket, user, eventId);
		// The socket may have gone while the room was being joined.
		if (socket.disconnected) await leaveRoom(deps, socket.id, eventId);
		return { ok: true as const, room };
	}

	defineSocketEvents(
		socket,
		schemas.liveEventSchemas,
		{
			'ir:join': ({ eventId }) => {
				const next = joining.then(() => join(eventId));
				joining = next.catch(() => {});
				return next;
			},
			'ir:leave': async ({ eventId }) => {
				requireParticipant(eventId);
				await leaveRoom(deps, socket.id, eventId);
			},
			'ir:chat_post': async ({ eventId, body }) => {
				requireParticipant(eventId);
				const message = await postChatMessage(db, eventId, user.id, body);
				io.to(liveRoomName(eventId)).emit('ir:chat', toLiveChat(message));
			},
			'ir:chat_delete': async ({ eventId, messageId }) => {
				requireParticipant(eventId, 'roomAdmin');
				await deleteChatMessage(db, user.id, eventId, messageId, context);
				io.to(liveRoomName(eventId)).emit('ir:chat_deleted', { eventId, id: messageId });
			},
			'ir:question_ask': async ({ eventId, body }) => {
				requireParticipant(eventId);
				pushQuestion(io, await askQuestion(db, eventId, user.id, body));
			},
			'ir:question_vote': async ({ eventId, questionId }) => {
				requireParticipant(eventId);
				pushQuestion(io, await voteForQuestion(db, eventId, user.id, questionId));
			},
			'ir:question_moderate': async ({ eventId, questionId, action }) => {
				requireParticipant(eventId, 'roomAdmin');
				pushQuestion(io, await moderateQuestion(db, user.id, eventId, questionId, action, context));
			},
			'ir:poll_create': async ({ eventId, question, options }) => {
				requireParticipant(eventId, 'roomAdmin');
				pushPoll(io, await createPoll(db, user.id, eventId, { question, options }, context));
			},
			'ir:poll_answer': async ({ eventId, pollId, optionId }) => {
				requireParticipant(eventId, 'canSubscribe');
				await answerPoll(db, eventId, user.id, pollId, optionId);
				// A burst of answers makes one tally push per POLL_PUSH_MS, read when it is sent.
				registry.coalesce(eventId, `poll:${pollId}`, POLL_PUSH_MS, () => {
					void currentTally(db, eventId, pollId)
						.then((poll) => pushPoll(io, poll))
						.catch((error) => deps.logger?.error({ err: error, eventId, pollId }, 'ir live poll push failed'));
				});
			},
			'ir:poll_close': async ({ eventId, pollId }) => {
				requireParticipant(eventId, 'roomAdmin');
				pushPoll(io, await closePoll(db, user.id, eventId, pollId, context));
			},
			'ir:hand_raise': async ({ eventId }) => {
				const participant = requireParticipant(eventId, 'canSubscribe');
				if (participant.role !== 'viewer') throw new LiveInvalidStateError('not_a_viewer');
				registry.raiseHand(eventId, user.id, user.name);
				for (const p of registry.socketsOfUser(eventId, user.id)) pushRole(io, eventId, p);
				pushStaffState(io, eventId);
			},
			'ir:hand_lower': async ({ eventId }) => {
				requireParticipant(eventId);
				registry.lowerHand(eventId, user.id);
				for (const p of registry.socketsOfUser(eventId, user.id)) pushRole(io, eventId, p);
				pushStaffState(io, eventId);
			},
			'ir:speaker_promote': async ({ eventId, userId }) => {
				requireParticipant(eventId, 'roomAdmin');
				await promoteSpeaker(deps, user.id, eventId, userId, context);
			},
			'ir:speaker_demote': async ({ eventId, userId }) => {
				requireParticipant(eventId, 'roomAdmin');
				await demoteSpeaker(deps, user.id, eventId, userId, context);
			},
			'ir:participant_remove': async ({ eventId, userId }) => {
				requireParticipant(eventId, 'roomAdmin');
				await removeParticipant(deps, user.id, eventId, userId, context);
			},
			'ir:session_start': async ({ eventId }) => {
				requireParticipant(eventId, 'canStart');
				await startLive(deps, user.id, eventId, context);
			},
			'ir:session_end': async ({ eventId }) => {
				requireParticipant(eventId, 'roomAdmin');
				await endLive(deps, user.id, eventId, context);
			}
		},
		{
			logger: deps.logger,
			refuse: (error, locale) => (error instanceof DomainError ? liveRefusal(error, locale) : undefined)
		}
	);

	socket.on('disconnect', () => {
		for (const eventId of registry.roomsOfSocket(socket.id))
			void leaveRoom(deps, socket.id, eventId).catch((error) =>
				deps.logger?.error({ err: error }, 'ir live leave failed')
			);
	});
}
