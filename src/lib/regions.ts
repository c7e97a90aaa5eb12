// The fixed bilingual list of regions (시·도, and 시·군·구 where the cluster's members are). An
// organisation stores the English name, which is the key; pages show the reader's language, and a
// search for either name (or a listed alias) finds the same organisations.
export type Region = { value: string; ko: string; en: string; aliases?: string[] };

const PROVINCES: Region[] = [
	{ value: 'Seoul', ko: '서울', en: 'Seoul' },
	{ value: 'Busan', ko: '부산', en: 'Busan' },
	{ value: 'Daegu', ko: '대구', en: 'Daegu' },
	{ value: 'Incheon', ko: '인천', en: 'Incheon' },
	{ value: 'Gwangju', ko: '광주', en: 'Gwangju' },
	{ value: 'Daejeon', ko: '대전', en: 'Daejeon' },
	{ value: 'Ulsan', ko: '울산', en: 'Ulsan' },
	{ value: 'Sejong', ko: '세종', en: 'Sejong' },
	{ value: 'Gyeonggi', ko: '경기', en: 'Gyeonggi' },
	{ value: 'Gangwon', ko: '강원', en: 'Gangwon' },
	{ value: 'Chungbuk', ko: '충북', en: 'Chungbuk', aliases: ['충청북도', 'North Chungcheong'] },
	{ value: 'Chungnam', ko: '충남', en: 'Chungnam', aliases: ['충청남도', 'South Chungcheong'] },
	{ value: 'Jeonbuk', ko: '전북', en: 'Jeonbuk', aliases: ['전라북도', 'North Jeolla'] },
	{ value: 'Jeonnam', ko: '전남', en: 'Jeonnam', aliases: ['전라남도', 'South Jeolla'] },
	{ value: 'Gyeongbuk', ko: '경북', en: 'Gyeongbuk', aliases: ['경상북도', 'North Gyeongsang'] },
	{ value: 'Gyeongnam', ko: '경남', en: 'Gyeongnam', aliases: ['경상남도', 'South Gyeongsang'] },
	{ value: 'Jeju', ko: '제주', en: 'Jeju' }
];

// 시·군·구 (and the clusters inside them) where the seed's organisations are.
const CITIES: Region[] = [
	{ value: 'Seoul (Gangnam)', ko: '서울 (강남구)', en: 'Seoul (Gangnam)', aliases: ['강남', 'Gangnam'] },
	{
		value: 'Seoul (Guro G-Valley)',
		ko: '서울 (구로 G밸리)',
		en: 'Seoul (Guro G-Valley)',
		aliases: ['구로', 'Guro', 'G밸리', 'G-Valley']
	},
	{
		value: 'Gyeonggi (Pangyo)',
		ko: '경기 (성남 판교)',
		en: 'Gyeonggi (Pangyo)',
		aliases: ['판교', 'Pangyo', '성남', 'Seongnam']
	},
	{ value: 'Gangwon (Wonju)', ko: '강원 (원주)', en: 'Gangwon (Wonju)', aliases: ['원주', 'Wonju'] },
	{ value: 'Gangwon (Chuncheon)', ko: '강원 (춘천)', en: 'Gangwon (Chuncheon)', aliases: ['춘천', 'Chuncheon'] },
	{ value: 'Gangwon (Gangneung)', ko: '강원 (강릉)', en: 'Gangwon (Gangneung)', aliases: ['강릉', 'Gangneung'] },
	{ value: 'Chungbuk (Cheongju)', ko: '충북 (청주)', en: 'Chungbuk (Cheongju)', aliases: ['청주', 'Cheongju'] },
	{ value: 'Chungbuk (Osong)', ko: '충북 (청주 오송)', en: 'Chungbuk (Osong)', aliases: ['오송', 'Osong'] },
	{ value: 'Gyeongnam (Jinju)', ko: '경남 (진주)', en: 'Gyeongnam (Jinju)', aliases: ['진주', 'Jinju'] }
];

export const REGIONS: readonly Region[] = [...PROVINCES, ...CITIES];
export const REGION_VALUES = REGIONS.map((r) => r.value) as [string, ...string[]];

const byValue = new Map(REGIONS.map((r) => [r.value, r]));

/** The region in the reader's language; a value from before the fixed list is shown as it was typed. */
export function regionLabel(value: string, locale: string): string {
	const region = byValue.get(value);
	return region ? (locale === 'ko' ? region.ko : region.en) : value;
}

/** Every name a region answers to, in both languages, lower-cased. */
export function regionNames(region: Region): string[] {
	return [region.ko, region.en, ...(region.aliases ?? [])].map((n) => n.toLowerCase());
}

/**
 * The stored values a search word means as a place: 원주 and wonju both mean Gangwon (Wonju); a
 * province's name also means its cities ("Gangwon" finds Wonju). Words shorter than two letters mean none.
 */
export function regionsMatching(word: string): string[] {
	const w = word.trim().toLowerCase();
	if ([...w].length < 2) return [];
	const hits = REGIONS.filter((r) => regionNames(r).some((name) => name === w || name.split(/[\s()]+/).includes(w)));
	return [
		...new Set(
			hits.flatMap((hit) => [
				hit.value,
				...CITIES.filter((c) => PROVINCES.includes(hit) && c.value.startsWith(`${hit.value} (`)).map((c) => c.value)
			])
		)
	];
}
