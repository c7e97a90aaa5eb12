// The live IR room's socket events. Each is validated with zod, then checked against the grants the
// socket holds in the room the event names (a socket only acts in a room it has joined).
import type { z } from 'zod';
import * as m from '$lib/paraglide/messages';
import type { LiveFailure } from '$lib/realtime/ir-room-types';
import { DomainError } from '../errors';
import { deleteChatMessage, postChatMessage } from '../ir/live/chat';
import { liveRefusal } from '../ir/live/error-messages';
import { GrantMissingError, LiveInvalidStateError, NotInRoomError } from '../ir/live/errors';
import type { Grants } from '../ir/live/grants';
import { liveRoomName, pushQuestion, pushRole, pushStaffState, toLiveChat } from '../ir/live/broadcast';
import { demoteSpeaker, endLive, promoteSpeaker, removeParticipant, startLive } from '../ir/live/moderation';
import { joinRoom, leaveRoom, type LiveDeps, type LiveSocket } from '../ir/live/presence';
import { askQuestion, moderateQuestion, voteForQuestion } from '../ir/live/questions';
import * as registry from '../ir/live/registry';
import * as schemas from '../ir/live/schemas';

type Reply = { ok: true; [key: string]: unknown } | LiveFailure;

export function registerIrLiveHandlers(deps: LiveDeps, socket: LiveSocket): void {
	const { db, io } = deps;
	const user = socket.data.user;
	const context = { ip: socket.handshake.address ?? null };

	const invalid = (): LiveFailure => ({ ok: false, error: { code: 'validation_failed', message: m.error_validation_failed({}, { locale: user.locale }) } });
	const failed = (): LiveFailure => ({ ok: false, error: { code: 'internal', message: m.error_unexpected({}, { locale: user.locale }) } });

	/** The socket's participant in `eventId`, holding `grant` when one is named. */
	function requireParticipant(eventId: string, grant?: keyof Grants) {
		const participant = registry.findParticipant(eventId, socket.id);
		if (!participant) throw new NotInRoomError();
		if (grant && !participant.grants[grant]) throw new GrantMissingError();
		return participant;
	}

	function on<S extends z.ZodType>(event: string, schema: S, run: (input: z.infer<S>) => Promise<Reply | void>) {
		(socket as unknown as { on(event: string, listener: (payload: unknown, ack?: unknown) => void): void }).on(event, (payload, ack) => {
			const reply = typeof ack === 'function' ? (ack as (reply: Reply) => void) : () => {};
			const parsed = schema.safeParse(payload);
			if (!parsed.success) return reply(invalid());
			run(parsed.data).then(
				(result) => reply(result ?? { ok: true }),
				(error) => {
					if (error instanceof DomainError) return reply(liveRefusal(error, user.locale));
					deps.logger?.error({ err: error, event }, 'ir live handler failed');
					reply(failed());
				}
			);
		});
	}

	on('ir:join', schemas.roomEventSchema, async ({ eventId }) => {
		// One room per socket: its media events carry no room name.
		for (const joined of registry.roomsOfSocket(socket.id)) await leaveRoom(deps, socket.id, joined);
		const room = await joinRoom(deps, socket, user, eventId);
		// The socket may have gone while the room was being joined.
		if (socket.disconnected) await leaveRoom(deps, socket.id, eventId);
		return { ok: true, room };
	});
	on('ir:leave', schemas.roomEventSchema, async ({ eventId }) => {
		requireParticipant(eventId);
		await leaveRoom(deps, socket.id, eventId);
	});

	on('ir:chat_post', schemas.chatPostSchema, async ({ eventId, body }) => {
		requireParticipant(eventId);
		const message = await postChatMessage(db, eventId, user.id, body);
		io.to(liveRoomName(eventId)).emit('ir:chat', toLiveChat(message));
	});
	on('ir:chat_delete', schemas.chatDeleteSchema, async ({ eventId, messageId }) => {
		requireParticipant(eventId, 'roomAdmin');
		await deleteChatMessage(db, user.id, eventId, messageId, context);
		io.to(liveRoomName(eventId)).emit('ir:chat_deleted', { eventId, id: messageId });
	});

	on('ir:question_ask', schemas.questionAskSchema, async ({ eventId, body }) => {
		requireParticipant(eventId);
		pushQuestion(io, await askQuestion(db, eventId, user.id, body));
	});
	on('ir:question_vote', schemas.questionVoteSchema, async ({ eventId, questionId }) => {
		requireParticipant(eventId);
		pushQuestion(io, await voteForQuestion(db, eventId, user.id, questionId));
	});
	on('ir:question_moderate', schemas.questionModerateSchema, async ({ eventId, questionId, action }) => {
		requireParticipant(eventId, 'roomAdmin');
		pushQuestion(io, await moderateQuestion(db, user.id, eventId, questionId, action, context));
	});

	on('ir:hand_raise', schemas.roomEventSchema, async ({ eventId }) => {
		const participant = requireParticipant(eventId, 'canSubscribe');
		if (participant.role !== 'viewer') throw new LiveInvalidStateError('not_a_viewer');
		registry.raiseHand(eventId, user.id, user.name);
		for (const p of registry.socketsOfUser(eventId, user.id)) pushRole(io, eventId, p);
		pushStaffState(io, eventId);
	});
	on('ir:hand_lower', schemas.roomEventSchema, async ({ eventId }) => {
		requireParticipant(eventId);
		registry.lowerHand(eventId, user.id);
		for (const p of registry.socketsOfUser(eventId, user.id)) pushRole(io, eventId, p);
		pushStaffState(io, eventId);
	});

	on('ir:speaker_promote', schemas.participantTargetSchema, async ({ eventId, userId }) => {
		requireParticipant(eventId, 'roomAdmin');
		await promoteSpeaker(deps, user.id, eventId, userId, context);
	});
	on('ir:speaker_demote', schemas.participantTargetSchema, async ({ eventId, userId }) => {
		requireParticipant(eventId, 'roomAdmin');
		await demoteSpeaker(deps, user.id, eventId, userId, context);
	});
	on('ir:participant_remove', schemas.participantTargetSchema, async ({ eventId, userId }) => {
		requireParticipant(eventId, 'roomAdmin');
		await removeParticipant(deps, user.id, eventId, userId, context);
	});
	on('ir:session_start', schemas.roomEventSchema, async ({ eventId }) => {
		requireParticipant(eventId, 'canStart');
		await startLive(deps, user.id, eventId, context);
	});
	on('ir:session_end', schemas.roomEventSchema, async ({ eventId }) => {
		requireParticipant(eventId, 'roomAdmin');
		await endLive(deps, user.id, eventId, context);
	});

	socket.on('disconnect', () => {
		for (const eventId of registry.roomsOfSocket(socket.id)) void leaveRoom(deps, socket.id, eventId).catch((error) => deps.logger?.error({ err: error }, 'ir live leave failed'));
	});
}
