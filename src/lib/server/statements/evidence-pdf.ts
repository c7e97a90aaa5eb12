// The evidence pack as a PDF in the reader's language, with the date it was produced.
import * as m from '$lib/paraglide/messages';
import { createPdf, table } from './pdf-kit';
import type { EvidencePack } from './evidence';
import { localStamp } from './lines';
import { textIn } from '$lib/localized';

export function renderEvidencePdf(pack: EvidencePack, locale: 'ko' | 'en', now = new Date()): Promise<Buffer> {
	const o = { locale };
	const name = (ko: string, en: string) => textIn(locale, ko, en);
	const day = (d: Date | null) => (d ? localStamp(d).slice(0, 10) : '');
	const title = m.evidence_title_for({ name: name(pack.organization.name_ko, pack.organization.name_en) }, o);
	const { doc, done } = createPdf(title);
	doc.font('bold').fontSize(18).text(title);
	doc
		.font('regular')
		.fontSize(9)
		.fillColor('#4b5b66')
		.text(m.evidence_generated({ date: localStamp(now) }, o))
		.fillColor('#000000');
	if (pack.organization.verified_at) doc.text(m.evidence_member_since({ date: day(pack.organization.verified_at) }, o));
	doc.moveDown(0.8);
	const t = pack.totals;
	table(
		doc,
		[m.evidence_summary({}, o), ''],
		[
			[m.evidence_total_hours({}, o), String(t.hours)],
			[m.evidence_total_bookings({}, o), String(t.bookings)],
			[m.evidence_total_certificates({}, o), String(t.certificates)],
			[m.evidence_total_ir({}, o), String(t.irSessions)],
			[m.evidence_total_attendees({}, o), String(t.attendees)],
			[m.evidence_total_needs({}, o), String(t.needs)],
			[m.consult_evidence_total_hours({}, o), String(t.consultingHours)]
		],
		''
	);
	const section = (heading: string) =>
		doc.moveDown(0.8).font('bold').fontSize(12).text(heading, doc.page.margins.left).moveDown(0.3);
	section(m.evidence_bookings_heading({}, o));
	table(
		doc,
		[
			m.statements_col_start({}, o),
			m.statements_col_facility({}, o),
			m.statements_col_resource({}, o),
			m.statements_col_hours({}, o)
		],
		pack.bookings.map((b) => [
			localStamp(b.starts_at),
			name(b.facility_name_ko, b.facility_name_en),
			name(b.resource_name_ko, b.resource_name_en),
			String(b.hours)
		]),
		m.evidence_none({}, o)
	);
	section(m.evidence_certificates_heading({}, o));
	table(
		doc,
		[
			m.evidence_col_course({}, o),
			m.evidence_col_holder({}, o),
			m.evidence_col_issued({}, o),
			m.evidence_col_serial({}, o)
		],
		pack.certificates.map((c) => [name(c.title_ko, c.title_en), c.holder, day(c.issued_at), c.serial]),
		m.evidence_none({}, o)
	);
	section(m.evidence_ir_heading({}, o));
	table(
		doc,
		[
			m.evidence_col_session({}, o),
			m.evidence_col_date({}, o),
			m.evidence_col_registrations({}, o),
			m.evidence_col_attendees({}, o)
		],
		pack.irSessions.map((s) => [
			name(s.title_ko, s.title_en),
			day(s.starts_at),
			String(s.registrations),
			String(s.attendees)
		]),
		m.evidence_none({}, o)
	);
	section(m.evidence_needs_heading({}, o));
	table(
		doc,
		[m.evidence_col_need({}, o), m.evidence_col_hospital({}, o), m.evidence_col_accepted({}, o)],
		pack.needs.map((n) => [
			name(n.title_ko, n.title_en),
			name(n.hospital_name_ko, n.hospital_name_en),
			day(n.decided_at)
		]),
		m.evidence_none({}, o)
	);
	section(m.consult_evidence_heading({}, o));
	table(
		doc,
		[
			m.consult_evidence_col_programme({}, o),
			m.consult_evidence_col_consultant({}, o),
			m.statements_col_start({}, o),
			m.statements_col_hours({}, o)
		],
		pack.consulting.map((c) => [name(c.title_ko, c.title_en), c.consultant, localStamp(c.starts_at), String(c.hours)]),
		m.evidence_none({}, o)
	);
	doc.end();
	return done;
}
