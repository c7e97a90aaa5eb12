// The download of Settings → Your data: one JSON file per section and a README in both languages.
import { strToU8, zipSync } from 'fflate';
import * as m from '$lib/paraglide/messages';
import type { ExportSections } from './export';

export function exportReadme(generatedAt: Date, files: string[]): string {
	const part = (locale: 'ko' | 'en') =>
		[
			m.privacy_readme_title({}, { locale }),
			'',
			m.privacy_readme_intro({ at: generatedAt.toISOString() }, { locale }),
			'',
			m.privacy_readme_files({}, { locale }),
			...files.map((file) => `- ${file}`),
			'',
			m.privacy_readme_kept_title({}, { locale }),
			`- ${m.privacy_kept_audit({}, { locale })}`,
			`- ${m.privacy_kept_certificates({}, { locale })}`,
			`- ${m.privacy_kept_bookings({}, { locale })}`,
			`- ${m.privacy_kept_authored({}, { locale })}`,
			`- ${m.privacy_kept_consents({}, { locale })}`,
			'',
			m.privacy_readme_erased({}, { locale })
		].join('\n');
	return `${part('ko')}\n\n----------------------------------------\n\n${part('en')}\n`;
}

const json = (value: unknown) => strToU8(JSON.stringify(value, null, 2));

export function buildExportZip(sections: ExportSections, generatedAt = new Date()): Uint8Array {
	const files: Record<string, Uint8Array> = {};
	for (const [name, value] of Object.entries(sections)) files[`${name}.json`] = json(value);
	files['README.txt'] = strToU8(exportReadme(generatedAt, Object.keys(files)));
	return zipSync(files, { level: 6, mtime: generatedAt });
}
