import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb, getRuntime } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { requestContext, requireUser } from '$lib/server/http/context';
import { liveErrorMessage } from '$lib/server/ir/live/error-messages';
import { readLiveRoomPage } from '$lib/server/ir/live/page';
import { liveRecordingView, acknowledgeRecording } from '$lib/server/ir/recording/live-page';
import { startRecording, stopRecording } from '$lib/server/ir/recording/service';
import { recordingDeps } from '$lib/server/ir/recording/deps';
import { recordingErrorMessage } from '$lib/server/ir/recording/error-messages';

export const load = (async (event) => {
	const user = requireUser(event);
	const id = z.uuid().safeParse(event.params.id);
	if (!id.success) error(404, liveErrorMessage(new DomainError('not_found', 404)));
	const page = await readLiveRoomPage(getDb(), user, id.data).catch((failure) => {
		if (failure instanceof DomainError) error(failure.status, liveErrorMessage(failure));
		throw failure;
	});
	const { event: ir, role, org, presenters } = page;
	return {
		room: {
			id: ir.id,
			title: { ko: ir.title_ko, en: ir.title_en },
			org: { ko: org.name_ko, en: org.name_en },
			startsAt: ir.starts_at.toISOString(),
			durationMinutes: ir.duration_minutes,
			status: ir.status,
			role,
			presenters: presenters.map((p) => ({ id: p.id, name: p.name }))
		},
		recording: await liveRecordingView(getDb(), user, ir.id, role)
	};
}) satisfies PageServerLoad;

// Recording (issue #14): form actions rather than socket events; the rules check who asks each time.
async function recordingAction(event: RequestEvent, change: (eventId: string) => Promise<unknown>) {
	requireUser(event);
	const id = z.uuid().safeParse(event.params.id);
	if (!id.success) return fail(404, { recordingMessage: liveErrorMessage(new DomainError('not_found', 404)) });
	try {
		await change(id.data);
		return { recordingDone: true };
	} catch (failure) {
		if (failure instanceof DomainError)
			return fail(failure.status, { recordingMessage: recordingErrorMessage(failure) });
		throw failure;
	}
}

export const actions = {
	startRecording: (event) =>
		recordingAction(event, (id) =>
			startRecording(getDb(), recordingDeps(getRuntime()), requireUser(event), id, requestContext(event))
		),
	stopRecording: (event) =>
		recordingAction(event, (id) =>
			stopRecording(getDb(), recordingDeps(getRuntime()), requireUser(event), id, requestContext(event))
		),
	acknowledgeRecording: (event) =>
		recordingAction(event, (id) => acknowledgeRecording(getDb(), requireUser(event), id, requestContext(event)))
} satisfies Actions;
