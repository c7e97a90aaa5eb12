// Synthetic directory data for the benchmark: believable Korean/English names, tags and products.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/lib/server/db/types';
import { buildSearchDocument } from '../src/lib/server/directory/text-search';
import { TAXONOMY } from '../src/lib/server/seed/taxonomy';

const KO_PARTS = [
	'메디',
	'헬스',
	'바이오',
	'케어',
	'디지털',
	'스마트',
	'뉴로',
	'카디오',
	'웰니스',
	'로보',
	'진단',
	'영상',
	'정밀',
	'라이프',
	'휴먼',
	'한빛',
	'미래',
	'원주',
	'대구',
	'오송'
];
const EN_PARTS = [
	'Medi',
	'Health',
	'Bio',
	'Care',
	'Digital',
	'Smart',
	'Neuro',
	'Cardio',
	'Wellness',
	'Robo',
	'Dx',
	'Imaging',
	'Precision',
	'Life',
	'Human',
	'Hanbit',
	'Mirae',
	'Wonju',
	'Daegu',
	'Osong'
];
const SUFFIX_KO = ['테크', '랩스', '솔루션', '메디칼', '헬스케어'];
const SUFFIX_EN = ['Tech', 'Labs', 'Solutions', 'Medical', 'Healthcare'];
const KINDS = ['company', 'company', 'company', 'company', 'hospital', 'agency', 'university', 'investor'] as const;
const REGIONS = [
	'Seoul',
	'Gangwon (Wonju)',
	'Daegu',
	'Gyeonggi (Pangyo)',
	'Osong',
	'Busan',
	'Seoul (Guro G-Valley)',
	'Incheon'
];
const PRODUCTS = [
	'Cardiac Patch',
	'ECG Monitor',
	'Gait Analyzer',
	'X-ray AI',
	'Sleep Band',
	'PCR Cartridge',
	'Spinal Cage',
	'Rehab Robot',
	'Glucose Coach',
	'Retina Screener'
];

function rng(seed: number) {
	let state = seed;
	return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

export async function generateDirectory(db: Kysely<DB>, organizations: number, productsPerOrg: number) {
	const random = rng(42);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
	const terms = await db
		.insertInto('taxonomy_terms')
		.values(TAXONOMY.map((t, i) => ({ ...t, sort_order: i })))
		.returning(['id', 'name_ko', 'name_en'])
		.execute();
	const BATCH = 500;
	for (let start = 0; start < organizations; start += BATCH) {
		const rows = [];
		const tagRows: { index: number; term: (typeof terms)[number] }[] = [];
		const productRows: { index: number; name: string; approved: boolean }[] = [];
		for (let i = start; i < Math.min(organizations, start + BATCH); i++) {
			const a = Math.floor(random() * KO_PARTS.length),
				b = Math.floor(random() * KO_PARTS.length),
				s = Math.floor(random() * SUFFIX_KO.length);
			const nameKo = `${KO_PARTS[a]}${KO_PARTS[b]}${SUFFIX_KO[s]} ${i}`;
			const nameEn = `${EN_PARTS[a]}${EN_PARTS[b].toLowerCase()} ${SUFFIX_EN[s]} ${i}`;
			const tags = [pick(terms), pick(terms), pick(terms)];
			const products = Array.from({ length: productsPerOrg }, () => pick(PRODUCTS));
			tags.forEach((term) => tagRows.push({ index: i, term }));
			products.forEach((name) => productRows.push({ index: i, name, approved: random() < 0.4 }));
			const doc = buildSearchDocument({
				names: [nameKo, nameEn],
				tags: tags.flatMap((t) => [t.name_ko, t.name_en]),
				products,
				texts: [`${nameEn} builds ${products.join(', ')}.`]
			});
			rows.push({
				slug: `bench-org-${i}`,
				kind: pick(KINDS),
				name_ko: nameKo,
				name_en: nameEn,
				summary_ko: `${nameKo}의 의료기기`,
				summary_en: `${nameEn} medical devices`,
				region: pick(REGIONS),
				website: null,
				founded_year: 2000 + (i % 25),
				status: i % 20 === 0 ? ('pending' as const) : ('verified' as const),
				verified_at: new Date(),
				created_by: null,
				status_reason: null,
				looking_for_partners: random() < 0.3,
				raising_investment: random() < 0.2,
				search_words: sql<string>`to_tsvector('simple', ${doc.words})`,
				search_bigrams: sql<string>`to_tsvector('simple', ${doc.bigrams})`,
				search_text: doc.trigramText
			});
		}
		const inserted = await db.insertInto('organizations').values(rows).returning(['id', 'slug']).execute();
		const idOf = (index: number) => inserted[index - start].id;
		await db
			.insertInto('organization_terms')
			.values(tagRows.map((t) => ({ org_id: idOf(t.index), term_id: t.term.id })))
			.onConflict((oc) => oc.doNothing())
			.execute();
		await db
			.insertInto('products')
			.values(
				productRows.map((p) => ({
					org_id: idOf(p.index),
					name_ko: p.name,
					name_en: p.name,
					mfds_status: p.approved ? ('approved' as const) : ('none' as const),
					mfds_class: p.approved ? 2 : null,
					mfds_approval_no: p.approved ? '제허 00-000호' : null
				}))
			)
			.execute();
	}
	// VACUUM also flushes the GIN pending lists that a bulk insert leaves, as a live database's autovacuum would.
	await sql`vacuum analyze organizations`.execute(db);
	await sql`vacuum analyze products`.execute(db);
	await sql`vacuum analyze organization_terms`.execute(db);
}
