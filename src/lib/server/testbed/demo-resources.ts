// Demo facilities and resources of the alliance's shared testbed, with realistic rules. Names of the
// running agencies are public; every resource and rule here is invented for the demo.
import type { ResourceKind } from '../db/types';

export const DEMO_CREDENTIALS = [
	{ slug: '3d-printer-safety', name_ko: '3D 프린터 안전 교육', name_en: '3D printer safety', validity_months: 24 },
	{
		slug: 'electrical-safety',
		name_ko: '의료기기 전기안전 시험 교육',
		name_en: 'Medical electrical safety testing',
		validity_months: 36
	}
];

export const DEMO_FACILITIES = [
	{
		slug: 'wonju-iomt-open-lab',
		org: 'wonju-mtv',
		name_ko: '원주 IoMT 오픈랩',
		name_en: 'Wonju IoMT Open Lab',
		location_ko: '강원 원주시 의료기기테크노밸리 2층',
		location_en: 'Wonju Medical Industry Techno Valley, 2F'
	},
	{
		slug: 'wonju-mobile-lab',
		org: 'wonju-mtv',
		name_ko: '디지털헬스케어 모바일랩',
		name_en: 'Digital Healthcare Mobile Lab',
		location_ko: '강원 원주시 의료기기테크노밸리 3층',
		location_en: 'Wonju Medical Industry Techno Valley, 3F'
	},
	{
		slug: 'daegu-3d-printing',
		org: 'daegu-smart-wellness',
		name_ko: '3D 프린팅 공동 제조 시설',
		name_en: 'Shared 3D-printing manufacturing facility',
		location_ko: '대구 스마트웰니스 규제자유특구',
		location_en: 'Daegu smart-wellness zone'
	}
] as const;

type Hours = 'office' | 'long' | 'always';
export type DemoResource = {
	slug: string;
	facility: (typeof DEMO_FACILITIES)[number]['slug'];
	kind: ResourceKind;
	name_ko: string;
	name_en: string;
	description_ko: string;
	description_en: string;
	hours: Hours;
	slot: number;
	min: number;
	max: number;
	notice: number;
	horizonDays: number;
	quotaWeek: number | null;
	quotaMonth: number | null;
	autoConfirm: boolean;
	rates: [number, number];
	credential?: string;
	/** Minutes before the start when check-in opens (default 15). */
	checkinBefore?: number;
};

const device = (slug: string, ko: string, en: string): DemoResource => ({
	slug,
	facility: 'wonju-mobile-lab',
	kind: 'device_loan',
	name_ko: ko,
	name_en: en,
	description_ko: `SaMD·앱 호환성 시험용 ${ko} 대여 (충전기 포함).`,
	description_en: `${en} on loan for SaMD and app compatibility testing (charger included).`,
	hours: 'office',
	slot: 60,
	min: 60,
	max: 480,
	notice: 60,
	horizonDays: 30,
	quotaWeek: 16,
	quotaMonth: 40,
	autoConfirm: true,
	rates: [0, 20000]
});

const equipment = (slug: string, ko: string, en: string, extra: Partial<DemoResource> = {}): DemoResource => ({
	slug,
	facility: 'wonju-iomt-open-lab',
	kind: 'equipment',
	name_ko: ko,
	name_en: en,
	description_ko: `${ko}. 사용 전 담당자 안내를 받으세요.`,
	description_en: `${en}. A manager briefs first-time users.`,
	hours: 'office',
	slot: 30,
	min: 60,
	max: 240,
	notice: 120,
	horizonDays: 60,
	quotaWeek: 8,
	quotaMonth: 24,
	autoConfirm: false,
	rates: [30000, 60000],
	...extra
});

export const DEMO_RESOURCES: DemoResource[] = [
	device('galaxy-s24-a', '갤럭시 S24 (A)', 'Galaxy S24 (A)'),
	device('galaxy-s24-b', '갤럭시 S24 (B)', 'Galaxy S24 (B)'),
	device('iphone-15-a', '아이폰 15 (A)', 'iPhone 15 (A)'),
	device('iphone-15-b', '아이폰 15 (B)', 'iPhone 15 (B)'),
	device('pixel-8', '픽셀 8', 'Pixel 8'),
	device('galaxy-watch-6', '갤럭시 워치 6', 'Galaxy Watch 6'),
	device('apple-watch-9', '애플 워치 9', 'Apple Watch Series 9'),
	device('fitbit-sense-2', '핏빗 센스 2', 'Fitbit Sense 2'),
	{
		...device('patient-simulator', '환자 시뮬레이터', 'Patient simulator'),
		kind: 'equipment',
		slot: 30,
		min: 60,
		max: 240,
		autoConfirm: false,
		rates: [40000, 80000],
		description_ko: '생체신호를 재현하는 전신 환자 시뮬레이터. 사용성 평가와 알람 시험에 씁니다.',
		description_en: 'Full-body patient simulator reproducing vital signs, for usability and alarm testing.'
	},
	{
		...device('ecg-simulator', '심전도 시뮬레이터', 'ECG simulator'),
		kind: 'equipment',
		slot: 30,
		min: 30,
		max: 240,
		rates: [15000, 30000]
	},
	{
		...device('spo2-simulator', '산소포화도 시뮬레이터', 'SpO₂ simulator'),
		kind: 'equipment',
		slot: 30,
		min: 30,
		max: 240,
		rates: [15000, 30000]
	},
	{
		...device('mobile-usability-room', '모바일 사용성 평가실', 'Mobile usability room'),
		kind: 'space',
		slot: 30,
		min: 60,
		max: 480,
		quotaWeek: 12,
		rates: [20000, 40000],
		description_ko: '관찰 카메라와 일방향 거울이 있는 사용성 평가실(6인).',
		description_en: 'Usability room with observation cameras and a one-way mirror (6 people).'
	},
	equipment('electrical-safety-analyser', '전기안전 분석기', 'Electrical safety analyser', {
		credential: 'electrical-safety'
	}),
	equipment('emc-precompliance', 'EMC 사전 시험 장비', 'EMC pre-compliance test set', { max: 480, quotaWeek: 16 }),
	equipment('ble-protocol-analyser', 'BLE 프로토콜 분석기', 'BLE protocol analyser', { autoConfirm: true, min: 30 }),
	equipment('network-emulator', '네트워크 에뮬레이터', 'Network emulator', { autoConfirm: true, min: 30 }),
	equipment('shielded-room', '전자파 차폐실', 'RF shielded room', { kind: 'space', max: 480, quotaWeek: 16 }),
	equipment('iomt-meeting-room', 'IoMT 오픈랩 회의실', 'IoMT Open Lab meeting room', {
		kind: 'space',
		autoConfirm: true,
		min: 30,
		notice: 0,
		rates: [0, 10000]
	}),
	// Remote test benches run around the clock: booked for a time window, reached over the network.
	equipment('iomt-remote-gateway', 'IoMT 원격 게이트웨이 시험 환경', 'IoMT remote gateway test bench', {
		kind: 'service',
		hours: 'always',
		min: 30,
		max: 720,
		notice: 0,
		quotaWeek: null,
		quotaMonth: null,
		checkinBefore: 30
	}),
	equipment('cloud-samd-bench', '클라우드 SaMD 시험 벤치', 'Cloud SaMD test bench', {
		kind: 'service',
		hours: 'always',
		min: 30,
		max: 720,
		notice: 0,
		quotaWeek: null,
		quotaMonth: null,
		autoConfirm: true
	}),
	...(['a', 'b'] as const).map((x) => ({
		...equipment(
			`metal-3d-printer-${x}`,
			`금속 3D 프린터 (${x.toUpperCase()})`,
			`Metal 3D printer (${x.toUpperCase()})`
		),
		facility: 'daegu-3d-printing' as const,
		hours: 'long' as const,
		slot: 60,
		min: 120,
		max: 600,
		notice: 1440,
		horizonDays: 90,
		quotaWeek: 20,
		quotaMonth: 60,
		credential: '3d-printer-safety',
		rates: [80000, 150000] as [number, number],
		description_ko: '티타늄 정형외과 임플란트 적층 제조(SLM). 3D 프린터 안전 교육 이수자만 예약할 수 있습니다.',
		description_en:
			'Selective laser melting of titanium orthopaedic implants. Only people with 3D printer safety training may book.'
	})),
	{
		...equipment('sla-printer', '광경화 3D 프린터', 'SLA resin 3D printer', {
			credential: '3d-printer-safety',
			slot: 60,
			min: 60,
			max: 480,
			quotaWeek: 20
		}),
		facility: 'daegu-3d-printing'
	},
	{
		...equipment('post-processing-station', '후처리 스테이션', 'Post-processing station', {
			slot: 60,
			min: 60,
			autoConfirm: true
		}),
		facility: 'daegu-3d-printing'
	},
	{
		...equipment('cmm-inspection', '3차원 측정 서비스', 'CMM inspection service', {
			kind: 'service',
			slot: 60,
			min: 60,
			max: 240,
			notice: 2880
		}),
		facility: 'daegu-3d-printing'
	},
	{
		...equipment('implant-design-consulting', '임플란트 설계 상담', 'Implant design consultation', {
			kind: 'service',
			slot: 60,
			min: 60,
			max: 120,
			autoConfirm: false,
			rates: [0, 50000]
		}),
		facility: 'daegu-3d-printing'
	}
];

/** Opening hours per kind of schedule, as [weekday, opens, closes]; weekday 0 = Sunday. */
export const DEMO_HOURS: Record<Hours, [number, string, string][]> = {
	office: [1, 2, 3, 4, 5].map((d) => [d, '09:00', '18:00']),
	long: [...[1, 2, 3, 4, 5].map((d): [number, string, string] => [d, '08:00', '20:00']), [6, '09:00', '13:00']],
	always: [0, 1, 2, 3, 4, 5, 6].map((d) => [d, '00:00', '24:00'])
};
