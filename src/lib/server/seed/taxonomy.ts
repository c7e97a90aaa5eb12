// The alliance's taxonomy: fields, capabilities and clinical departments, in Korean and English.
import type { Vocabulary } from '../db/directory-types';

type Term = { vocabulary: Vocabulary; slug: string; name_ko: string; name_en: string };
const terms = (vocabulary: Vocabulary, rows: [string, string, string][]): Term[] =>
	rows.map(([slug, name_ko, name_en]) => ({ vocabulary, slug, name_ko, name_en }));

export const TAXONOMY: readonly Term[] = [
	...terms('field', [
		['iomt', 'IoMT·의료사물인터넷', 'IoMT'],
		['samd', '소프트웨어 의료기기(SaMD)', 'Software as a medical device (SaMD)'],
		['ivd', '체외진단(IVD)', 'In-vitro diagnostics (IVD)'],
		['imaging', '의료영상', 'Medical imaging'],
		['3d-printed-implants', '3D 프린팅 임플란트', '3D-printed implants'],
		['rehabilitation', '재활', 'Rehabilitation'],
		['wellness', '웰니스', 'Wellness'],
		['digital-therapeutics', '디지털치료기기', 'Digital therapeutics'],
		['medical-ai', '의료 인공지능', 'Medical AI'],
		['patient-monitoring', '환자 모니터링', 'Patient monitoring'],
		['surgical-devices', '수술기기', 'Surgical devices'],
		['health-data', '보건의료 데이터', 'Health data']
	]),
	...terms('capability', [
		['clinical-trials', '임상시험 수행', 'Clinical trials'],
		['regulatory-affairs', '인허가 컨설팅', 'Regulatory affairs'],
		['contract-manufacturing', '위탁 생산', 'Contract manufacturing'],
		['testing-certification', '시험·인증', 'Testing and certification'],
		['usability-testing', '사용적합성 평가', 'Usability testing'],
		['cybersecurity', '의료기기 사이버보안', 'Medical-device cybersecurity'],
		['qms-iso13485', '품질경영(ISO 13485)', 'Quality management (ISO 13485)'],
		['data-analytics', '데이터 분석', 'Data analytics'],
		['investment', '투자', 'Investment'],
		['acceleration', '창업 보육·액셀러레이팅', 'Incubation and acceleration'],
		['reimbursement', '보험 등재·수가', 'Reimbursement'],
		['research-collaboration', '공동 연구', 'Joint research']
	]),
	...terms('department', [
		['cardiology', '심장내과', 'Cardiology'],
		['neurology', '신경과', 'Neurology'],
		['orthopaedics', '정형외과', 'Orthopaedics'],
		['radiology', '영상의학과', 'Radiology'],
		['oncology', '종양내과', 'Oncology'],
		['rehabilitation-medicine', '재활의학과', 'Rehabilitation medicine'],
		['endocrinology', '내분비내과', 'Endocrinology'],
		['emergency-medicine', '응급의학과', 'Emergency medicine'],
		['pulmonology', '호흡기내과', 'Pulmonology'],
		['ophthalmology', '안과', 'Ophthalmology'],
		['psychiatry', '정신건강의학과', 'Psychiatry'],
		['dermatology', '피부과', 'Dermatology'],
		['laboratory-medicine', '진단검사의학과', 'Laboratory medicine'],
		['pathology', '병리과', 'Pathology']
	])
];
