// Everything the session page shows, shaped by who looks: a teaser for visitors and for users who may
// not attend (with the reason), the full page for the rest.
import type { Executor } from '../db';
import { renderMarkdown } from '../markdown';
import { attendRefusal, eventRole, listInvestorOrgs, visibleTo, type Viewer } from './access';
import { findDeck } from './deck';
import { findTeaserEvent, registrationOpen } from './registration';
import * as irRepository from './repository';

export type Refusal = 'sign_in' | 'investors' | 'members' | 'closed' | null;

export async function readEventPage(db: Executor, viewer: Viewer, id: string, now = new Date()) {
	const event = await findTeaserEvent(db, viewer, id);
	const [org, visible, role] = await Promise.all([
		db
			.selectFrom('organizations')
			.select(['id', 'slug', 'name_ko', 'name_en'])
			.where('id', '=', event.org_id)
			.executeTakeFirstOrThrow(),
		db.selectFrom('ir_events as e').select('e.id').where('e.id', '=', id).where(visibleTo(viewer)).executeTakeFirst(),
		eventRole(db, viewer, event)
	]);
	const open = registrationOpen(event, now);
	let refusal: Refusal = null;
	if (!viewer) refusal = 'sign_in';
	else if (!open) refusal = 'closed';
	else refusal = await attendRefusal(db, viewer.id, event.access);
	const full = visible !== undefined;
	const registration = viewer ? await irRepository.findRegistration(db, id, viewer.id) : undefined;
	const [presenters, moderator, deck, investorOrgs, registrants] = full
		? await Promise.all([
				irRepository.listPresenters(db, id),
				db.selectFrom('users').select(['id', 'name']).where('id', '=', event.moderator_id).executeTakeFirst(),
				event.deck_upload_id ? findDeck(db, event.deck_upload_id) : Promise.resolve(undefined),
				viewer ? listInvestorOrgs(db, viewer.id) : Promise.resolve([]),
				role.team ? irRepository.countActiveRegistrations(db, id) : Promise.resolve(null)
			])
		: [[], undefined, undefined, [], null];
	return {
		event: {
			id: event.id,
			title_ko: event.title_ko,
			title_en: event.title_en,
			starts_at: event.starts_at,
			ends_at: new Date(event.starts_at.getTime() + event.duration_minutes * 60_000),
			duration_minutes: event.duration_minutes,
			access: event.access,
			status: event.status,
			cancel_reason: event.cancel_reason,
			nda_required: event.nda_required,
			// The NDA text is shown to whoever may register; the summary to whoever sees the full page.
			nda_text: full ? event.nda_text : null,
			nda_version: event.nda_version,
			summary_ko_html: full ? renderMarkdown(event.summary_ko) : '',
			summary_en_html: full ? renderMarkdown(event.summary_en) : ''
		},
		org,
		full,
		role,
		refusal,
		registrationOpen: open,
		registered: role.registered,
		ndaCurrent: role.ndaCurrent,
		ndaAcceptedVersion: registration && !registration.cancelled_at ? registration.nda_version : null,
		presenters,
		moderator: moderator ?? null,
		deck: deck && role.deck ? { name: deck.filename, bytes: deck.size_bytes } : null,
		// Issue #20 item 5: under an NDA the PDF is for the team only; everybody reads it in the deck room.
		deckDownload: !event.nda_required || role.team,
		hasDeck: event.deck_upload_id !== null,
		canRequestMeeting: role.registered && investorOrgs.length > 0 && event.status !== 'cancelled',
		registrants
	};
}
