import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/http/context';
import { throwLoadError } from '$lib/server/app/errors';
import { listManagedFacilityIds } from '$lib/server/testbed/access';
import { NotFacilityManagerError } from '$lib/server/testbed/errors';
import { listManagedResources } from '$lib/server/testbed/resource-repository';

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const facilityIds = await listManagedFacilityIds(db, user);
	if (!facilityIds.length) throwLoadError(new NotFacilityManagerError());
	return { resources: await listManagedResources(db, facilityIds) };
}) satisfies PageServerLoad;
