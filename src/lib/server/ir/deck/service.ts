// The deck room's rules: a render job per deck upload, watermarked page images for those who may read
// the deck, and reading time credited from capped beats. Access is always the deck's own rule
// (requireDeckAccess): anybody else gets the same 404 as a missing deck.
import type { Kysely } from 'kysely';
import type { DB, Executor } from '../../db';
import { NotFoundError } from '../../errors';
import { enqueueJob } from '../../jobs/repository';
import type { Actor } from '../../orgs/access';
import { attendingOrgId } from '../access';
import { deckDownloadAllowed, requireDeckAccess } from '../deck';
import { creditedSeconds } from './beats';
import { renderPdfPages } from './render';
import * as deckRepository from './repository';
import { watermarkPage } from './watermark';

export const DECK_RENDER_JOB = 'ir_deck.render';

/** Queues the page render of a freshly stored deck, inside the caller's transaction. */
export async function queueDeckRender(db: Executor, eventId: string, uploadId: string): Promise<void> {
	await deckRepository.insertPendingRender(db, eventId, uploadId);
	await enqueueJob(db, { name: DECK_RENDER_JOB, key: `${DECK_RENDER_JOB}:${uploadId}`, payload: { uploadId } });
}

/** The job: renders every page; a PDF pdftoppm cannot read marks the render failed (no retry loop). */
export async function renderDeck(db: Kysely<DB>, uploadId: string): Promise<{ pages: number }> {
	const pdf = await deckRepository.readUploadBytes(db, uploadId);
	if (!pdf || !(await deckRepository.findRender(db, uploadId))) return { pages: 0 };
	let pages: Buffer[];
	try {
		pages = await renderPdfPages(pdf);
		if (pages.length === 0) throw new Error('no pages');
	} catch {
		await deckRepository.markFailed(db, uploadId);
		return { pages: 0 };
	}
	await db.transaction().execute((trx) => deckRepository.savePages(trx, uploadId, pages));
	return { pages: pages.length };
}

/** The deck's render for a viewer who may read it (404 otherwise, and while no render exists). */
export async function requireDeckRender(db: Executor, actor: Actor, eventId: string) {
	const uploadId = await requireDeckAccess(db, actor, eventId);
	const render = await deckRepository.findRender(db, uploadId);
	if (!render) throw new NotFoundError();
	return render;
}

/** One page image with the viewer's watermark burnt in. */
export async function watermarkedPage(db: Executor, actor: Actor, eventId: string, page: number, now = new Date()) {
	const render = await requireDeckRender(db, actor, eventId);
	if (render.status !== 'ready' || page < 1 || page > (render.page_count ?? 0)) throw new NotFoundError();
	const bytes = await deckRepository.readPage(db, render.upload_id, page);
	if (!bytes) throw new NotFoundError();
	const viewer = await viewerOf(db, actor.id);
	return watermarkPage(Buffer.from(bytes), viewer, now);
}

async function viewerOf(db: Executor, userId: string) {
	const user = await db
		.selectFrom('users')
		.select(['name', 'time_zone', 'locale'])
		.where('id', '=', userId)
		.executeTakeFirstOrThrow();
	const orgId = await attendingOrgId(db, userId);
	const org = orgId
		? await db.selectFrom('organizations').select(['name_ko', 'name_en']).where('id', '=', orgId).executeTakeFirst()
		: undefined;
	const firm = org ? (user.locale === 'ko' ? org.name_ko : org.name_en) : null;
	return { name: user.name, firm, timeZone: user.time_zone };
}

export type Beat = { page: number; seconds: number };

/** Credits a heartbeat / page-leave beacon: capped per beat and by the time really elapsed. */
export async function recordBeat(db: Kysely<DB>, actor: Actor, eventId: string, beat: Beat, now = new Date()) {
	const render = await requireDeckRender(db, actor, eventId);
	if (render.status !== 'ready' || beat.page > (render.page_count ?? 0)) throw new NotFoundError();
	return db.transaction().execute(async (trx) => {
		// One beat at a time per viewer, so two parallel beats cannot both claim the same elapsed time.
		await trx.selectFrom('users').select('id').where('id', '=', actor.id).forUpdate().execute();
		const last = await deckRepository.lastBeatAt(trx, render.upload_id, actor.id);
		const seconds = creditedSeconds(beat.seconds, now, last);
		await deckRepository.addPageTime(trx, {
			uploadId: render.upload_id,
			eventId,
			userId: actor.id,
			page: beat.page,
			deckPages: render.page_count ?? beat.page,
			seconds,
			at: now
		});
		return { seconds };
	});
}

/** What the deck room page needs: the session's title, the render state and whether the PDF is offered. */
export async function readDeckRoom(db: Executor, actor: Actor, eventId: string) {
	const render = await requireDeckRender(db, actor, eventId);
	const event = await db
		.selectFrom('ir_events')
		.select(['id', 'title_ko', 'title_en'])
		.where('id', '=', eventId)
		.executeTakeFirstOrThrow();
	return {
		event,
		status: render.status,
		pageCount: render.page_count ?? 0,
		download: await deckDownloadAllowed(db, actor, eventId)
	};
}
