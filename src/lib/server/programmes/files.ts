// An application's PDF, served only to the applicant's members, the call's managers and reviewers
// who declared no conflict with that application; anybody else gets a 404.
import type { Executor } from '../db';
import { NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { uploadResponse } from '../uploads/service';
import { isCallManager, isMemberOf } from './access';
import * as programmeRepository from './repository';

export async function downloadApplicationFile(
	db: Executor,
	actor: Actor,
	callId: string,
	uploadId: string
): Promise<Response> {
	const link = await db
		.selectFrom('programme_application_files as f')
		.innerJoin('programme_applications as a', 'a.id', 'f.application_id')
		.select(['a.id', 'a.organisation_id', 'a.status'])
		.where('f.upload_id', '=', uploadId)
		.where('a.call_id', '=', callId)
		.executeTakeFirst();
	if (!link) throw new NotFoundError();
	const call = (await programmeRepository.findCall(db, callId))!;
	if (await isMemberOf(db, actor.id, link.organisation_id)) return uploadResponse(db, uploadId);
	if (link.status === 'draft') throw new NotFoundError();
	if (await isCallManager(db, actor, call)) return uploadResponse(db, uploadId);
	const declaration = await db
		.selectFrom('programme_conflicts')
		.select('conflicted')
		.where('application_id', '=', link.id)
		.where('reviewer_id', '=', actor.id)
		.executeTakeFirst();
	if (declaration && !declaration.conflicted && (await programmeRepository.isReviewer(db, callId, actor.id)))
		return uploadResponse(db, uploadId);
	throw new NotFoundError();
}
