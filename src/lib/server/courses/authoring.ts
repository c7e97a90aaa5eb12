// Course managers create and edit their courses. A new course starts as a draft (outside the
// catalogue and the API list); draft → published → archived, an archived course may go back to
// draft. A course with cohorts keeps its history and can only be archived, never deleted.
import type { Kysely, Selectable } from 'kysely';
import type { CoursesTable } from '../db/courses-types';
import type { DB, Executor } from '../db';
import { recordAudit } from '../audit/repository';
import { NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { requireCourseAuthor, requireCourseManager } from './access';
import type { Context } from './announce';
import type { CourseInput, CoursePatch } from './authoring-schemas';
import { CourseHasCohortsError, CourseStateError } from './errors';

export type CourseState = 'draft' | 'published' | 'archived';

export const courseState = (c: { published: boolean; archived_at: Date | null }): CourseState =>
	c.published ? 'published' : c.archived_at ? 'archived' : 'draft';

const NEXT: Record<CourseState, CourseState[]> = {
	draft: ['published'],
	published: ['archived'],
	archived: ['draft']
};

/** The allowed steps; staying in the same state is a no-op, not an error. */
export function canMove(from: CourseState, to: CourseState): boolean {
	return from === to || NEXT[from].includes(to);
}

/** A URL slug from the English title: lower-case ASCII words joined by dashes. */
export function slugBase(title: string): string {
	const base = title
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return base || 'course';
}

/** The base, or the base with the first free number (-2, -3, …). */
async function freeSlug(db: Executor, title: string): Promise<string> {
	const base = slugBase(title);
	const taken = new Set(
		(await db.selectFrom('courses').select('slug').where('slug', 'like', `${base}%`).execute()).map((r) => r.slug)
	);
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The columns a PATCH sets (absent fields stay as they are). */
function columns(input: Partial<CourseInput>): Record<string, unknown> {
	const map = {
		category: input.category,
		audiences: input.audiences,
		level: input.level,
		format: input.format,
		language: input.language,
		title_ko: input.titleKo,
		title_en: input.titleEn,
		summary_ko: input.summaryKo,
		summary_en: input.summaryEn,
		syllabus_ko: input.syllabusKo,
		syllabus_en: input.syllabusEn,
		hours: input.hours
	};
	return Object.fromEntries(Object.entries(map).filter(([, v]) => v !== undefined));
}

export async function createCourse(db: Kysely<DB>, actor: Actor, input: CourseInput, context: Context) {
	return db.transaction().execute(async (trx) => {
		await requireCourseAuthor(trx, actor, input.providerOrgId);
		// Serialises slug choice: two managers creating "Basics" at once do not both get "basics".
		await trx.selectFrom('organizations').select('id').where('id', '=', input.providerOrgId).forUpdate().execute();
		const course = await trx
			.insertInto('courses')
			.values({
				category: input.category,
				audiences: input.audiences,
				level: input.level,
				format: input.format,
				language: input.language,
				title_ko: input.titleKo,
				title_en: input.titleEn,
				summary_ko: input.summaryKo,
				summary_en: input.summaryEn,
				syllabus_ko: input.syllabusKo,
				syllabus_en: input.syllabusEn,
				hours: input.hours,
				slug: await freeSlug(trx, input.titleEn),
				provider_org_id: input.providerOrgId,
				published: false
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		// The author manages what they made, even when their right to author comes from managing
		// the organisation's other courses rather than from administering it.
		if (!actor.isOperator)
			await trx.insertInto('course_managers').values({ course_id: course.id, user_id: actor.id }).execute();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'course.created',
			entityType: 'course',
			entityId: course.id,
			ip: context.ip,
			data: { slug: course.slug }
		});
		return course;
	});
}

export async function updateCourse(db: Kysely<DB>, actor: Actor, slug: string, patch: CoursePatch, context: Context) {
	return db.transaction().execute(async (trx) => {
		const course = await trx.selectFrom('courses').selectAll().where('slug', '=', slug).forUpdate().executeTakeFirst();
		if (!course) throw new NotFoundError();
		await requireCourseManager(trx, actor, course.id);
		const from = courseState(course);
		const to = patch.state ?? from;
		if (!canMove(from, to)) throw new CourseStateError();
		const stateColumns =
			to === from ? {} : { published: to === 'published', archived_at: to === 'archived' ? new Date() : null };
		const updated = await trx
			.updateTable('courses')
			.set({ ...columns(patch), ...stateColumns, updated_at: new Date() })
			.where('id', '=', course.id)
			.returningAll()
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'course.updated',
			entityType: 'course',
			entityId: course.id,
			ip: context.ip,
			data: { fields: Object.keys(columns(patch)), state: { before: from, after: to } }
		});
		return updated;
	});
}

export async function deleteCourse(db: Kysely<DB>, actor: Actor, slug: string, context: Context) {
	await db.transaction().execute(async (trx) => {
		const course = await trx.selectFrom('courses').select('id').where('slug', '=', slug).forUpdate().executeTakeFirst();
		if (!course) throw new NotFoundError();
		await requireCourseManager(trx, actor, course.id);
		const cohort = await trx.selectFrom('cohorts').select('id').where('course_id', '=', course.id).executeTakeFirst();
		if (cohort) throw new CourseHasCohortsError();
		await trx.deleteFrom('courses').where('id', '=', course.id).execute();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'course.deleted',
			entityType: 'course',
			entityId: course.id,
			ip: context.ip,
			data: { slug }
		});
	});
}

/** The API shape of a course row (authoredCourseSchema). */
export function authoredCourseJson(c: Selectable<CoursesTable>) {
	return {
		id: c.id,
		slug: c.slug,
		state: courseState(c),
		category: c.category,
		audiences: c.audiences,
		level: c.level,
		format: c.format,
		language: c.language,
		titleKo: c.title_ko,
		titleEn: c.title_en,
		hours: c.hours === null ? null : Number(c.hours)
	};
}
