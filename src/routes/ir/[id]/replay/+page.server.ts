import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb, getRuntime } from '$lib/server/runtime';
import { DomainError, NotFoundError } from '$lib/server/errors';
import { requestContext, requireUser } from '$lib/server/http/context';
import { idParam } from '$lib/server/ir/schemas';
import { readReplay } from '$lib/server/ir/recording/replay';
import { deleteRecording, setRecordingPublished } from '$lib/server/ir/recording/manage';
import { recordingDeps } from '$lib/server/ir/recording/deps';
import { manageForm } from '$lib/server/ir/recording/schemas';
import { recordingErrorMessage } from '$lib/server/ir/recording/error-messages';

export const load = (async (event) => {
	const user = requireUser(event);
	const id = idParam.safeParse(event.params.id);
	try {
		if (!id.success) throw new NotFoundError();
		const replay = await readReplay(getDb(), user, id.data);
		return {
			event: { id: replay.event.id, title_ko: replay.event.title_ko, title_en: replay.event.title_en },
			team: replay.role.team,
			recordings: replay.recordings
		};
	} catch (failure) {
		if (failure instanceof DomainError) error(failure.status, recordingErrorMessage(failure));
		throw failure;
	}
}) satisfies PageServerLoad;

/** The team's actions: each reads the recording id through one schema and maps refusals to fail(). */
async function manage(event: RequestEvent, change: (eventId: string, recordingId: string) => Promise<void>) {
	requireUser(event);
	const id = idParam.safeParse(event.params.id);
	const form = manageForm.safeParse(Object.fromEntries(await event.request.formData()));
	if (!id.success || !form.success) return fail(404, { message: recordingErrorMessage(new NotFoundError()) });
	try {
		await change(id.data, form.data.recordingId);
		return { done: true };
	} catch (failure) {
		if (failure instanceof DomainError) return fail(failure.status, { message: recordingErrorMessage(failure) });
		throw failure;
	}
}

export const actions = {
	publish: (event) =>
		manage(event, (eventId, recordingId) =>
			setRecordingPublished(getDb(), requireUser(event), eventId, recordingId, true, requestContext(event))
		),
	unpublish: (event) =>
		manage(event, (eventId, recordingId) =>
			setRecordingPublished(getDb(), requireUser(event), eventId, recordingId, false, requestContext(event))
		),
	delete: (event) =>
		manage(event, (eventId, recordingId) =>
			deleteRecording(
				getDb(),
				recordingDeps(getRuntime()),
				requireUser(event),
				eventId,
				recordingId,
				requestContext(event)
			)
		)
} satisfies Actions;
