// Demo clinical needs from the alliance's hospitals (invented), with who responded.
import type { NeedStage, NeedType, NeedVisibility } from '../db/needs-types';

export type DemoNeed = {
	hospital: string;
	author: string;
	department: string;
	terms: string[];
	type: NeedType;
	stage: NeedStage;
	title: [string, string];
	description: [string, string];
	support: ('budget' | 'patients' | 'data' | 'space')[];
	deadline: string | null;
	visibility?: NeedVisibility;
	invited?: string[];
	/** Responding companies: [company slug, message]; each answers through its first owner. */
	responses?: [string, string][];
};

const W = 'hospital@medcluster.example';
const SMC = 'jihyun.bae@samsung-medical-center.example';
const KNUH = 'doeun.kim@knuh.example';
const md = (ko: string, en: string): [string, string] => [
	`### 배경\n${ko}\n\n### 기대 사항\n- 6개월 안의 파일럿\n- 연구 책임자와 월 1회 회의`,
	`### Background\n${en}\n\n### What we expect\n- A pilot within six months\n- A monthly meeting with the principal investigator`
];

export const DEMO_NEEDS: DemoNeed[] = [
	{
		hospital: 'wonju-severance',
		author: W,
		department: 'cardiology',
		terms: ['samd', 'medical-ai', 'clinical-trials'],
		type: 'clinical_validation',
		stage: 'mfds_in_review',
		title: ['스마트워치 심방세동 선별 임상 검증 파트너', 'Clinical validation partner for smartwatch AF screening'],
		description: md(
			'외래 환자 300명을 대상으로 스마트워치 단일 유도 심전도 기반 심방세동 선별의 정확도를 검증하려 합니다.',
			'We want to validate single-lead smartwatch ECG atrial-fibrillation screening on 300 outpatients.'
		),
		support: ['patients', 'data'],
		deadline: '2027-01-31',
		responses: [
			[
				'pulsewise',
				'Pulsewise AF is in MFDS review with a pivotal study under way; we can supply 300 watches and an analysis pipeline.'
			],
			['vitalpatch', 'Our patch ECG could serve as the reference device for your study.']
		]
	},
	{
		hospital: 'wonju-severance',
		author: W,
		department: 'emergency-medicine',
		terms: ['iomt', 'patient-monitoring'],
		type: 'pilot_procurement',
		stage: 'mfds_approved',
		title: [
			'응급실 무선 활력징후 모니터링 시범 도입',
			'Pilot of wireless vital-sign monitoring in the emergency department'
		],
		description: md(
			'응급실 대기 환자의 활력징후를 무선으로 모니터링할 허가 제품을 찾습니다.',
			'We look for an approved product to monitor waiting patients wirelessly in the emergency department.'
		),
		support: ['budget', 'space'],
		deadline: '2027-02-15',
		responses: [['medisense-iot', 'Our ward gateway is MFDS-approved and already runs in two regional hospitals.']]
	},
	{
		hospital: 'wonju-severance',
		author: W,
		department: 'rehabilitation-medicine',
		terms: ['rehabilitation', 'research-collaboration'],
		type: 'joint_research',
		stage: 'none',
		title: ['뇌졸중 상지 재활 로봇 공동 연구', 'Joint research on upper-limb rehabilitation robots after stroke'],
		description: md(
			'뇌졸중 환자의 상지 재활 효과를 비교하는 공동 연구 기관을 찾습니다.',
			'We look for a partner to compare upper-limb rehabilitation outcomes after stroke.'
		),
		support: ['patients', 'space'],
		deadline: '2027-03-31',
		responses: [['rehabotics', 'Our end-effector robot fits your protocol; we can lend two units.']]
	},
	{
		hospital: 'wonju-severance',
		author: W,
		department: 'pulmonology',
		terms: ['iomt', 'health-data'],
		type: 'data_collaboration',
		stage: 'none',
		title: ['만성폐쇄성폐질환 재택 모니터링 데이터 협력', 'Data collaboration on home monitoring for COPD'],
		description: md(
			'재택 폐기능 측정 데이터를 함께 분석할 기업을 찾습니다.',
			'We look for a company to analyse home spirometry data with us.'
		),
		support: ['data'],
		deadline: null,
		responses: [['clearbreath', 'Our home spirometer streams to a FHIR server you control.']]
	},
	{
		hospital: 'wonju-severance',
		author: W,
		department: 'neurology',
		terms: ['digital-therapeutics'],
		type: 'advisory',
		stage: 'none',
		title: ['경도인지장애 디지털치료기기 자문', 'Advisory on digital therapeutics for mild cognitive impairment'],
		description: md(
			'경도인지장애 환자용 디지털치료기기 도입 전 자문을 구합니다.',
			'We seek advice before adopting digital therapeutics for mild cognitive impairment.'
		),
		support: [],
		deadline: '2026-12-20'
	},
	{
		hospital: 'samsung-medical-center',
		author: SMC,
		department: 'radiology',
		terms: ['imaging', 'medical-ai'],
		type: 'clinical_validation',
		stage: 'mfds_approved',
		title: ['흉부 X선 판독 보조 AI 다기관 검증', 'Multi-centre validation of chest X-ray reading AI'],
		description: md(
			'흉부 X선 판독 보조 AI의 다기관 성능을 검증할 파트너를 찾습니다. 초대한 기관만 볼 수 있습니다.',
			'We look for a partner to validate chest X-ray reading AI across centres. Only invited organisations see this need.'
		),
		support: ['data', 'budget'],
		deadline: '2027-01-15',
		visibility: 'invited',
		invited: ['lumenscan-ai'],
		responses: [
			['lumenscan-ai', 'LumenScan CXR is MFDS-approved and FDA-cleared; we can run the study at no licence cost.']
		]
	},
	{
		hospital: 'samsung-medical-center',
		author: SMC,
		department: 'pathology',
		terms: ['medical-ai', 'imaging'],
		type: 'joint_research',
		stage: 'none',
		title: ['디지털 병리 슬라이드 AI 공동 연구', 'Joint research on AI for digital pathology slides'],
		description: md(
			'위암 조직 슬라이드의 AI 분석을 함께 연구할 기업을 찾습니다.',
			'We look for a company to research AI analysis of gastric cancer slides.'
		),
		support: ['data'],
		deadline: '2027-04-30',
		visibility: 'companies_only',
		responses: [['cellscope-path', 'Our slide-analysis model is trained on 40,000 gastric slides.']]
	},
	{
		hospital: 'samsung-medical-center',
		author: SMC,
		department: 'oncology',
		terms: ['health-data', 'data-analytics'],
		type: 'data_collaboration',
		stage: 'none',
		title: ['항암 치료 환자 원격 증상 모니터링 데이터', 'Remote symptom monitoring data for chemotherapy patients'],
		description: md(
			'항암 치료 중 환자 보고 결과(PRO) 데이터를 함께 분석하려 합니다.',
			'We want to analyse patient-reported outcomes during chemotherapy together.'
		),
		support: ['data', 'patients'],
		deadline: '2027-02-28'
	},
	{
		hospital: 'samsung-medical-center',
		author: SMC,
		department: 'ophthalmology',
		terms: ['medical-ai', 'imaging'],
		type: 'clinical_validation',
		stage: 'clinical_trial',
		title: ['당뇨망막병증 선별 AI 임상 검증', 'Clinical validation of diabetic-retinopathy screening AI'],
		description: md(
			'안저 사진 기반 당뇨망막병증 선별 AI의 전향적 검증을 계획합니다.',
			'We plan a prospective validation of fundus-photo diabetic-retinopathy screening AI.'
		),
		support: ['patients'],
		deadline: '2027-03-15',
		responses: [['retina-insight', 'RetinaInsight DR is in a pivotal trial; we would add your site.']]
	},
	{
		hospital: 'samsung-medical-center',
		author: SMC,
		department: 'endocrinology',
		terms: ['patient-monitoring', 'health-data'],
		type: 'pilot_procurement',
		stage: 'mfds_approved',
		title: ['연속혈당측정 원격 관리 시범 사업', 'Pilot of remote care with continuous glucose monitoring'],
		description: md(
			'당뇨 환자의 연속혈당측정 데이터를 원격으로 관리할 플랫폼을 찾습니다.',
			'We look for a platform to manage continuous-glucose-monitoring data remotely.'
		),
		support: ['budget'],
		deadline: '2027-01-31',
		responses: [['carelink-remote', 'CareLink integrates three CGM brands and is MFDS-approved.']]
	},
	{
		hospital: 'knuh',
		author: KNUH,
		department: 'orthopaedics',
		terms: ['3d-printed-implants'],
		type: 'clinical_validation',
		stage: 'mfds_approved',
		title: [
			'3D 프린팅 환자 맞춤 골반 임플란트 임상 적용',
			'Clinical use of patient-specific 3D-printed pelvic implants'
		],
		description: md(
			'골반 종양 절제 후 환자 맞춤 임플란트의 임상 적용을 함께할 기업을 찾습니다.',
			'We look for a company to apply patient-specific implants after pelvic tumour resection.'
		),
		support: ['patients', 'budget'],
		deadline: '2027-02-28',
		responses: [
			['ortho3d-works', 'Our titanium pelvic implant is MFDS class 3 approved and CE IIb.'],
			['spinecraft-3d', 'We could adapt our lattice design for pelvic reconstruction.']
		]
	},
	{
		hospital: 'knuh',
		author: KNUH,
		department: 'laboratory-medicine',
		terms: ['ivd'],
		type: 'pilot_procurement',
		stage: 'mfds_approved',
		title: ['현장진단 감염 검사기 시범 도입', 'Pilot of point-of-care infection testing'],
		description: md(
			'응급실용 현장진단 감염 검사기를 시범 도입하려 합니다.',
			'We want to pilot point-of-care infection testing in the emergency room.'
		),
		support: ['budget', 'space'],
		deadline: '2026-12-31',
		responses: [
			['dxlab-bio', 'Our multiplex PCR cartridge gives results in 35 minutes.'],
			['nanodx', 'Our lateral-flow reader is approved for CRP and procalcitonin.']
		]
	},
	{
		hospital: 'knuh',
		author: KNUH,
		department: 'psychiatry',
		terms: ['digital-therapeutics', 'samd'],
		type: 'clinical_validation',
		stage: 'clinical_trial',
		title: ['불면증 디지털치료기기 실사용 근거 연구', 'Real-world evidence study of an insomnia digital therapeutic'],
		description: md(
			'불면증 디지털치료기기의 실사용 근거를 만들 파트너를 찾습니다.',
			'We look for a partner to build real-world evidence for an insomnia digital therapeutic.'
		),
		support: ['patients', 'data'],
		deadline: '2027-05-31',
		responses: [['neurocare-dtx', 'SleepCure is approved; we would fund the RWE study.']]
	},
	{
		hospital: 'knuh',
		author: KNUH,
		department: 'dermatology',
		terms: ['medical-ai'],
		type: 'advisory',
		stage: 'none',
		title: ['피부 병변 AI 도입 자문', 'Advice on adopting skin-lesion AI'],
		description: md(
			'피부과 외래에 피부 병변 AI를 도입하기 전 자문을 구합니다.',
			'We seek advice before adopting skin-lesion AI in the dermatology clinic.'
		),
		support: [],
		deadline: null
	},
	{
		hospital: 'cbnuh',
		author: 'minkyung.song@cbnuh.example',
		department: 'cardiology',
		terms: ['patient-monitoring', 'iomt'],
		type: 'pilot_procurement',
		stage: 'mfds_approved',
		title: ['심장 재활 환자 원격 모니터링 도입', 'Remote monitoring for cardiac rehabilitation patients'],
		description: md(
			'심장 재활 환자의 운동 중 심전도를 원격으로 확인하려 합니다.',
			'We want to watch the ECG of cardiac-rehabilitation patients remotely during exercise.'
		),
		support: ['budget'],
		deadline: '2027-03-01',
		responses: [['hanul-medical', 'Our telemetry system is approved and made in Wonju.']]
	},
	{
		hospital: 'pnuh',
		author: 'young.hwangbo@pnuh.example',
		department: 'rehabilitation-medicine',
		terms: ['rehabilitation', 'iomt'],
		type: 'joint_research',
		stage: 'none',
		title: ['보행 분석 웨어러블 공동 연구', 'Joint research on gait-analysis wearables'],
		description: md(
			'파킨슨병 환자의 보행 분석 웨어러블을 함께 연구하려 합니다.',
			'We want to research gait-analysis wearables for Parkinson’s disease together.'
		),
		support: ['patients'],
		deadline: '2027-04-15',
		responses: [['gait-labs', 'Our insole sensors capture gait in daily life.']]
	},
	{
		hospital: 'pnuh',
		author: 'young.hwangbo@pnuh.example',
		department: 'neurology',
		terms: ['rehabilitation'],
		type: 'clinical_validation',
		stage: 'clinical_trial',
		title: ['하지 재활 로봇 임상 검증', 'Clinical validation of a lower-limb rehabilitation robot'],
		description: md(
			'하지 재활 로봇의 임상 효과를 검증할 기업을 찾습니다.',
			'We look for a company to validate a lower-limb rehabilitation robot.'
		),
		support: ['patients', 'space'],
		deadline: '2027-06-30',
		responses: [['kinetic-rehab', 'Our exoskeleton is in a pilot trial.']]
	},
	{
		hospital: 'korea-univ-guro-hospital',
		author: 'taejun.eom@korea-univ-guro-hospital.example',
		department: 'emergency-medicine',
		terms: ['health-data', 'cybersecurity'],
		type: 'data_collaboration',
		stage: 'none',
		title: ['응급 의료 데이터 보안 플랫폼 협력', 'Collaboration on a secure emergency-care data platform'],
		description: md(
			'응급 의료 데이터를 안전하게 공유할 플랫폼을 함께 만들려 합니다.',
			'We want to build a platform to share emergency-care data securely.'
		),
		support: ['data'],
		deadline: '2027-02-10',
		responses: [['medgrid-cloud', 'MedGrid is ISO 27001 certified and hosts hospital data in Korea.']]
	},
	{
		hospital: 'korea-univ-guro-hospital',
		author: 'taejun.eom@korea-univ-guro-hospital.example',
		department: 'psychiatry',
		terms: ['digital-therapeutics'],
		type: 'joint_research',
		stage: 'none',
		title: ['우울증 디지털치료기기 공동 연구', 'Joint research on a digital therapeutic for depression'],
		description: md(
			'우울증 디지털치료기기의 효과를 함께 연구하려 합니다.',
			'We want to research a digital therapeutic for depression together.'
		),
		support: ['patients'],
		deadline: '2027-03-20',
		responses: [['mindbridge-dtx', 'MindBridge is preparing a confirmatory trial and would add your site.']]
	},
	{
		hospital: 'gangneung-asan',
		author: 'eunji.sim@gangneung-asan.example',
		department: 'endocrinology',
		terms: ['medical-ai', 'imaging'],
		type: 'pilot_procurement',
		stage: 'clinical_trial',
		title: ['농어촌 당뇨망막 원격 선별', 'Remote diabetic-retina screening for rural patients'],
		description: md(
			'농어촌 보건소와 연계한 원격 망막 선별을 시범 운영하려 합니다.',
			'We want to pilot remote retina screening with rural health centres.'
		),
		support: ['budget', 'patients'],
		deadline: '2027-01-20'
	},
	{
		hospital: 'gangneung-asan',
		author: 'eunji.sim@gangneung-asan.example',
		department: 'orthopaedics',
		terms: ['surgical-devices'],
		type: 'advisory',
		stage: 'none',
		title: ['척추 수술 기구 국산화 자문', 'Advice on locally made spinal surgery instruments'],
		description: md(
			'척추 수술 기구 국산화 가능성에 대해 자문을 구합니다.',
			'We seek advice on locally made spinal surgery instruments.'
		),
		support: [],
		deadline: '2027-02-01',
		responses: [['daesung-surgical', 'We make spinal instruments under KGMP and can visit next month.']]
	}
];
