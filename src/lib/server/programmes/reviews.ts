// Scoring: a reviewer sees an application only after declaring no conflict with it; other reviewers'
// scores and comments stay hidden until the reviewer submits their own. Comments never reach applicants.
import { sql, type Kysely } from 'kysely';
import type { DB, Executor } from '../db';
import type { Criterion } from '../db/programmes-types';
import { recordAudit } from '../audit/repository';
import { InvalidStateError, NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import type { Context } from './calls';
import { REVIEWABLE, requireReviewer } from './conflicts';
import { ConflictsUndeclaredError, ReviewIncompleteError } from './errors';
import * as programmeRepository from './repository';

/** The application for a reviewer: 404 when conflicted (as if it did not exist), 409 before declaring. */
export async function requireReviewableApplication(db: Executor, actor: Actor, applicationId: string) {
	const application = await programmeRepository.findApplication(db, applicationId);
	if (!application || !(REVIEWABLE as readonly string[]).includes(application.status)) throw new NotFoundError();
	const call = await requireReviewer(db, actor, application.call_id);
	const declaration = await db
		.selectFrom('programme_conflicts')
		.select('conflicted')
		.where('application_id', '=', applicationId)
		.where('reviewer_id', '=', actor.id)
		.executeTakeFirst();
	if (declaration?.conflicted) throw new NotFoundError();
	if (!declaration) throw new ConflictsUndeclaredError();
	return { application, call };
}

/** A review's total on the 1–5 scale, weighted by the rubric. */
export function weightedScore(rubric: Criterion[], scores: Record<string, number>): number | null {
	const weights = rubric.reduce((sum, c) => sum + c.weight, 0);
	if (weights === 0 || rubric.some((c) => typeof scores[c.id] !== 'number')) return null;
	return rubric.reduce((sum, c) => sum + c.weight * scores[c.id], 0) / weights;
}

export async function readForReviewer(db: Executor, actor: Actor, applicationId: string) {
	const { application, call } = await requireReviewableApplication(db, actor, applicationId);
	const [organisation, files, reviews] = await Promise.all([
		db
			.selectFrom('organizations')
			.select(['name_ko', 'name_en', 'slug'])
			.where('id', '=', application.organisation_id)
			.executeTakeFirstOrThrow(),
		programmeRepository.listApplicationFiles(db, application.id),
		db
			.selectFrom('programme_reviews as r')
			.innerJoin('users as u', 'u.id', 'r.reviewer_id')
			.select(['r.reviewer_id', 'r.scores', 'r.comment', 'r.submitted_at', 'u.name'])
			.where('r.application_id', '=', application.id)
			.execute()
	]);
	const own = reviews.find((r) => r.reviewer_id === actor.id) ?? null;
	// Blind until submitted: nothing of anybody else's review before one's own is in.
	const others = own?.submitted_at
		? reviews
				.filter((r) => r.reviewer_id !== actor.id && r.submitted_at)
				.map((r) => ({ ...r, total: weightedScore(call.rubric, r.scores) }))
		: [];
	return { application, call, organisation, files, own, others };
}

export type ReviewInput = { scores: Record<string, number>; comment: string; submit: boolean };

export async function saveReview(
	db: Kysely<DB>,
	actor: Actor,
	applicationId: string,
	input: ReviewInput,
	context: Context
) {
	return db.transaction().execute(async (trx) => {
		const { application, call } = await requireReviewableApplication(trx, actor, applicationId);
		const scores: Record<string, number> = {};
		for (const c of call.rubric)
			if (Number.isInteger(input.scores[c.id]) && input.scores[c.id] >= 1 && input.scores[c.id] <= 5)
				scores[c.id] = input.scores[c.id];
		if (input.submit && weightedScore(call.rubric, scores) === null) throw new ReviewIncompleteError();
		const existing = await trx
			.selectFrom('programme_reviews')
			.select(['id', 'submitted_at'])
			.where('application_id', '=', application.id)
			.where('reviewer_id', '=', actor.id)
			.forUpdate()
			.executeTakeFirst();
		if (existing?.submitted_at) throw new InvalidStateError();
		const values = {
			scores: JSON.stringify(scores),
			comment: input.comment,
			submitted_at: input.submit ? sql<Date>`now()` : null,
			updated_at: new Date()
		};
		const review = existing
			? await trx
					.updateTable('programme_reviews')
					.set(values)
					.where('id', '=', existing.id)
					.returningAll()
					.executeTakeFirstOrThrow()
			: await trx
					.insertInto('programme_reviews')
					.values({ application_id: application.id, reviewer_id: actor.id, ...values })
					.returningAll()
					.executeTakeFirstOrThrow();
		if (input.submit)
			await recordAudit(trx, {
				actorId: actor.id,
				action: 'programme_review.submitted',
				entityType: 'programme_application',
				entityId: application.id,
				data: { callId: call.id },
				ip: context.ip
			});
		return review;
	});
}
