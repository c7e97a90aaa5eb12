import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { requireUser } from '$lib/server/http/context';
import { throwLoadError } from '$lib/server/app/errors';
import { idParam } from '$lib/server/ir/schemas';
import { readDeckRoom } from '$lib/server/ir/deck/service';

// The deck room: the deck's own access rule (404 for everybody else), pages rendered by the job.
export const load = (async (event) => {
	const user = requireUser(event);
	try {
		const id = idParam.safeParse(event.params.id);
		if (!id.success) throw new NotFoundError();
		return await readDeckRoom(getDb(), user, id.data);
	} catch (failure) {
		throwLoadError(failure);
	}
}) satisfies PageServerLoad;
