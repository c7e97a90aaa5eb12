import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { requireUser } from '$lib/server/http/context';
import { liveErrorMessage } from '$lib/server/ir/live/error-messages';
import { readLiveRoomPage } from '$lib/server/ir/live/page';

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
		}
	};
}) satisfies PageServerLoad;
