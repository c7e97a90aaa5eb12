// The certificate as a PDF, in the holder's language: Noto Sans KR (shipped by an npm package, so
// Korean renders without any system font) and a QR code to the public verification page.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import * as m from '$lib/paraglide/messages';
import type { Locale } from '../db/types';
import { qrCode } from '$lib/server/common/qr';
import type { CertificateView } from './certificates';
import { dateTimeFormat } from '$lib/intl-cache';
import { DEFAULT_TIME_ZONE } from '$lib/time-zone';

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf');

const dateIn = (at: Date, locale: Locale) =>
	dateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', { dateStyle: 'long', timeZone: DEFAULT_TIME_ZONE }).format(at);

export function renderCertificatePdf(c: CertificateView, verifyUrl: string): Promise<Buffer> {
	const locale: Locale = c.holder_locale === 'en' ? 'en' : 'ko';
	const en = locale === 'en';
	const doc = new PDFDocument({
		size: 'A4',
		layout: 'landscape',
		margin: 56,
		font: FONT_REGULAR,
		info: {
			Title: `${m.courses_certificate({}, { locale })} ${c.serial}`,
			Author: en ? c.provider_name_en : c.provider_name_ko
		}
	});
	doc.registerFont('regular', FONT_REGULAR);
	doc.registerFont('bold', FONT_BOLD);
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});

	const width = doc.page.width - 112;
	doc
		.rect(28, 28, doc.page.width - 56, doc.page.height - 56)
		.lineWidth(2)
		.stroke('#0b5c73');
	doc
		.font('bold')
		.fontSize(34)
		.fillColor('#15232d')
		.text(m.courses_pdf_heading({}, { locale }), 56, 90, { width, align: 'center' });
	doc.font('bold').fontSize(24).text(c.holder, { width, align: 'center' }).moveDown(0.8);
	const body = m.courses_pdf_body(
		{
			provider: en ? c.provider_name_en : c.provider_name_ko,
			course: en ? c.title_en : c.title_ko,
			cohort: en ? c.label_en : c.label_ko
		},
		{ locale }
	);
	doc
		.font('regular')
		.fontSize(14)
		.text(body, 96, doc.y, { width: width - 80, align: 'center' })
		.moveDown(1.2);
	const facts = [
		`${m.courses_certificate_issued({}, { locale })}: ${dateIn(c.issued_at, locale)}`,
		`${m.courses_certificate_expires({}, { locale })}: ${c.expires_at ? dateIn(c.expires_at, locale) : m.courses_certificate_no_expiry({}, { locale })}`,
		`${m.courses_certificate_serial({}, { locale })}: ${c.serial}`
	];
	doc.fontSize(12).fillColor('#4b5b66').text(facts.join('\n'), 56, doc.y, { width, align: 'center' });

	const qr = qrCode(verifyUrl, 2);
	const side = 96;
	const x = doc.page.width - 56 - side - 16;
	const y = doc.page.height - 56 - side - 32;
	doc
		.save()
		.translate(x, y)
		.scale(side / qr.size)
		.path(qr.path)
		.fill('#000000')
		.restore();
	doc
		.fontSize(9)
		.fillColor('#4b5b66')
		.text(m.courses_pdf_verify({ url: verifyUrl }, { locale }), 56, y + side + 6, {
			width: doc.page.width - 128,
			align: 'right'
		});
	doc.end();
	return done;
}
