import { describe, expect, it } from 'vitest';
import { renderCertificatePdf } from './certificate-pdf';
import type { CertificateView } from './certificates';

const certificate = (locale: 'ko' | 'en'): CertificateView => ({
	serial: 'MC-2026-7K3QX9PA',
	issued_at: new Date('2026-03-20T08:00:00Z'),
	expires_at: new Date('2028-03-20T08:00:00Z'),
	revoked_at: null,
	revoked_reason: null,
	holder_id: '00000000-0000-0000-0000-000000000001',
	holder: '이도윤',
	holder_locale: locale,
	course_id: '00000000-0000-0000-0000-000000000002',
	course_slug: '3d-printer-safety',
	title_ko: '3D 프린터 안전 교육',
	title_en: '3D printer safety',
	label_ko: '2026-03 기수',
	label_en: '2026-03 cohort',
	provider_name_ko: '대구 스마트웰니스',
	provider_name_en: 'Daegu Smart Wellness'
});

describe('certificate PDF', () => {
	it('renders a one-page PDF with the Korean font embedded as a subset', async () => {
		const pdf = await renderCertificatePdf(certificate('ko'), 'https://portal.example/certificates/MC-2026-7K3QX9PA');
		const text = pdf.toString('latin1');
		expect(text.startsWith('%PDF-')).toBe(true);
		expect(text).toContain('NotoSansKR');
		expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
		// Subset, not the whole 6 MB font.
		expect(pdf.length).toBeLessThan(300_000);
	});

	it('renders in English for an English-speaking holder', async () => {
		const pdf = await renderCertificatePdf(certificate('en'), 'https://portal.example/certificates/MC-2026-7K3QX9PA');
		expect(pdf.toString('latin1')).toContain('(Certificate MC-2026-7K3QX9PA)');
	});
});
