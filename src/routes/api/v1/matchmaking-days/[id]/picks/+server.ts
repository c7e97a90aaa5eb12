import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { z } from 'zod';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { authenticated } from '$lib/server/app/api';
import { readJson } from '$lib/server/common/read-json';
import { NotFoundError } from '$lib/server/errors';
import { addPick, removePick } from '$lib/server/matchmaking/day-service';
import { pickSchema } from '$lib/server/matchmaking/schemas';

const handle = (change: typeof addPick | typeof removePick) =>
	authenticated(async (event, user) => {
		const id = z.uuid().safeParse(event.params.id);
		if (!id.success) throw new NotFoundError();
		const body = pickSchema.safeParse(await readJson(event.request));
		if (!body.success) return invalidInput(body.error.issues);
		const result = await change(getDb(), user, id.data, body.data);
		return json({ changed: 'added' in result ? result.added : result.removed });
	});

export const POST: RequestHandler = handle(addPick);
export const DELETE: RequestHandler = handle(removePick);
