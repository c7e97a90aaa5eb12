// Decks uploaded before the deck room existed have no render, so their deck room answered 404. This
// queues the render of every current deck that has none, as uploading one does (queueDeckRender): a
// pending render row and the job `ir_deck.render` keyed by the upload, so a render already queued is
// not queued twice. The job runner renders them after start-up; a PDF pdftoppm cannot read is marked
// failed, as for a new upload.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		insert into ir_deck_renders (upload_id, event_id)
		select e.deck_upload_id, e.id from ir_events e
		where e.deck_upload_id is not null
			and not exists (select 1 from ir_deck_renders r where r.upload_id = e.deck_upload_id)
		on conflict (upload_id) do nothing`.execute(db);
	await sql`
		insert into jobs (name, key, payload)
		select 'ir_deck.render', 'ir_deck.render:' || r.upload_id, jsonb_build_object('uploadId', r.upload_id)
		from ir_deck_renders r where r.status = 'pending'
		on conflict (key) do nothing`.execute(db);
}

export async function down(): Promise<void> {
	// Nothing to undo: the renders are the deck room's own rows (its migration drops them).
}
