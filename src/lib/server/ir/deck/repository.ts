// Queries of the deck room: renders, page images and reading time.
import { sql } from 'kysely';
import type { Executor } from '../../db';

export function findRender(db: Executor, uploadId: string) {
	return db.selectFrom('ir_deck_renders').selectAll().where('upload_id', '=', uploadId).executeTakeFirst();
}

export async function insertPendingRender(db: Executor, eventId: string, uploadId: string): Promise<void> {
	await db
		.insertInto('ir_deck_renders')
		.values({ upload_id: uploadId, event_id: eventId })
		.onConflict((oc) => oc.column('upload_id').doNothing())
		.execute();
}

export async function readUploadBytes(db: Executor, uploadId: string): Promise<Uint8Array | null> {
	const row = await db.selectFrom('uploads').select('bytes').where('id', '=', uploadId).executeTakeFirst();
	return row?.bytes ?? null;
}

export async function savePages(db: Executor, uploadId: string, pages: Buffer[]): Promise<void> {
	await db.deleteFrom('ir_deck_pages').where('upload_id', '=', uploadId).execute();
	for (const [i, bytes] of pages.entries()) {
		await db
			.insertInto('ir_deck_pages')
			.values({ upload_id: uploadId, page: i + 1, bytes })
			.execute();
	}
	await db
		.updateTable('ir_deck_renders')
		.set({ status: 'ready', page_count: pages.length, rendered_at: new Date() })
		.where('upload_id', '=', uploadId)
		.execute();
}

export async function markFailed(db: Executor, uploadId: string): Promise<void> {
	await db.updateTable('ir_deck_renders').set({ status: 'failed' }).where('upload_id', '=', uploadId).execute();
}

export async function readPage(db: Executor, uploadId: string, page: number): Promise<Uint8Array | null> {
	const row = await db
		.selectFrom('ir_deck_pages')
		.select('bytes')
		.where('upload_id', '=', uploadId)
		.where('page', '=', page)
		.executeTakeFirst();
	return row?.bytes ?? null;
}

/** The viewer's latest beat on this deck (any page), for the elapsed-time cap. */
export async function lastBeatAt(db: Executor, uploadId: string, userId: string): Promise<Date | null> {
	const row = await db
		.selectFrom('ir_deck_page_views')
		.select((eb) => eb.fn.max('last_seen_at').as('at'))
		.where('upload_id', '=', uploadId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return row?.at ? new Date(row.at) : null;
}

export type BeatRow = {
	uploadId: string;
	eventId: string;
	userId: string;
	page: number;
	deckPages: number;
	seconds: number;
	at: Date;
};

export async function addPageTime(db: Executor, beat: BeatRow): Promise<void> {
	await db
		.insertInto('ir_deck_page_views')
		.values({
			upload_id: beat.uploadId,
			event_id: beat.eventId,
			user_id: beat.userId,
			page: beat.page,
			deck_pages: beat.deckPages,
			seconds: beat.seconds,
			last_seen_at: beat.at
		})
		.onConflict((oc) =>
			oc.columns(['upload_id', 'user_id', 'page']).doUpdateSet({
				seconds: sql`ir_deck_page_views.seconds + excluded.seconds`,
				last_seen_at: beat.at
			})
		)
		.execute();
}
